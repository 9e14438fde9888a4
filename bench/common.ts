/**
 * Shared helpers of the benchmark scripts (bench/bench.ts, bench/peers.ts): the repository root,
 * timed child processes, the machine description, and the sampling-error check of two
 * percentile estimates.
 *
 * The scripts import the engine from the compiled dist/ (its .d.ts give them types): they measure
 * exactly the code that `pensim` runs, and compiling bench/ never re-emits src/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs as dist-bench/common.js). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = 'dist/bundle/cli/pensim.js';
export const REFERENCE = 'scenarios/bench-reference.json';

export interface Timed {
  ms: number;
  stdout: string;
  stderr: string;
  /** Peak resident set of the child in MB (GNU time's %M), when /usr/bin/time exists. */
  peakRssMb: number | null;
  /** User + system CPU seconds of the child (GNU time's %U + %S): above the wall time means more than one core. */
  cpuSeconds: number | null;
}

const GNU_TIME = '/usr/bin/time';
const MARK = 'pensim-bench-rusage=';

/**
 * Runs a command from the repository root and returns its whole-process wall time (spawn to
 * exit, as a user sees it). Throws with its standard error if it fails.
 */
export function timeProcess(
  command: string,
  args: string[],
  opts: { rusage?: boolean; env?: NodeJS.ProcessEnv } = {},
): Timed {
  const wrap = opts.rusage === true && existsSync(GNU_TIME);
  const [cmd, argv] = wrap ? [GNU_TIME, ['-f', `${MARK}%M %U %S`, command, ...args]] : [command, args];
  const env = { ...process.env, ...opts.env };
  const started = performance.now();
  const r = spawnSync(cmd, argv, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}:\n${r.stderr}`);
  let stderr = r.stderr;
  let peakRssMb: number | null = null;
  let cpuSeconds: number | null = null;
  if (wrap) {
    const at = stderr.lastIndexOf(MARK);
    if (at >= 0) {
      const [kb, user, sys] = stderr.slice(at + MARK.length).trim().split(/\s+/).map(Number);
      peakRssMb = kb === undefined ? null : kb / 1024;
      cpuSeconds = user === undefined || sys === undefined ? null : user + sys;
      stderr = stderr.slice(0, at);
    }
  }
  return { ms, stdout: r.stdout, stderr, peakRssMb, cpuSeconds };
}

/**
 * The command prefix that pins a child to the machine's last core (taskset, where it exists and
 * there are two cores or more), else none. A pinned child keeps one core's caches and is not
 * moved between cores; run A and B children in turn on it and compare their best figures.
 */
export function pinToLastCore(cores: number): string[] {
  return cores >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0 ? ['taskset', '-c', String(cores - 1)] : [];
}

/** spawnSync of `node args…`, behind `pin` when given (pinToLastCore). */
export function spawnNode(pin: readonly string[], args: readonly string[]): ReturnType<typeof spawnSync> & { stdout: string; stderr: string } {
  const r = pin.length > 0 ? spawnSync(pin[0]!, [...pin.slice(1), process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
  return r as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Machine {
  cpu: string;
  cores: number;
  availableParallelism: number;
  memoryGb: number;
  os: string;
  node: string;
  date: string;
  pensim: string;
  commit: string | null;
  /** 1-minute load average when the run started: well above 0 means other work shared the cores. */
  loadAverageAtStart: number;
}

export function machine(): Machine {
  const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
  const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    availableParallelism: availableParallelism(),
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    date: new Date().toISOString(),
    pensim: pkg.version,
    commit: git.status === 0 ? git.stdout.trim() : null,
    loadAverageAtStart: loadavg()[0]!,
  };
}

/**
 * Benchmarks on a shared machine measure the sharing. `OtherWork` measures how many cores other
 * processes kept busy while the benchmark ran: the machine's busy CPU time (/proc/stat) minus this
 * process's own, its worker threads' and its waited-for children's (/proc/self/stat utime, stime,
 * cutime, cstime), over the wall time. Linux only (null elsewhere).
 */
export class OtherWork {
  private readonly start = OtherWork.sample();

  private static sample(): { machine: number; own: number; at: number } | null {
    try {
      const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
      const machineTicks = cpu.slice(0, 8).reduce((a, b, i) => (i === 3 || i === 4 ? a : a + b), 0);
      const stat = readFileSync('/proc/self/stat', 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
      const ownTicks = f[11]! + f[12]! + f[13]! + f[14]!; // utime stime cutime cstime (fields 14-17)
      return { machine: machineTicks, own: ownTicks, at: performance.now() };
    } catch {
      return null;
    }
  }

  /** Average cores used by other processes since construction (USER_HZ = 100 ticks a second). */
  cores(): number | null {
    const end = OtherWork.sample();
    if (!this.start || !end) return null;
    const seconds = (end.at - this.start.at) / 1000;
    return Math.max(0, (end.machine - this.start.machine - (end.own - this.start.own)) / 100 / seconds);
  }

  /** Prints a warning when other work used more than 0.1 core on average; returns the figure. */
  report(): number | null {
    const c = this.cores();
    if (c === null) return null;
    const msg = `other processes kept ${c.toFixed(2)} of ${availableParallelism()} cores busy on average during this run`;
    console.log(c > 0.1 ? `\nWARNING: ${msg}: the figures are low; re-run on a quiet machine.` : `\n(${msg})`);
    return c;
  }
}

/** A warning when the machine is already busy as the benchmark starts (1-minute load average). */
export function warnIfBusy(): void {
  const load = loadavg()[0]!;
  if (load > 0.7) {
    console.log(`WARNING: 1-minute load average ${load.toFixed(2)} on ${availableParallelism()} cores: other work is running, figures will be low.\n`);
  }
}

/** What the numpy peer prints (bench/peers/numpy_model.py). */
export interface NumpyResult {
  paths: number;
  seed: number;
  seconds: number;
  paths_per_s: number;
  numpy: string;
  python: string;
  capitalAtRetirement: Record<string, number>;
  payoutGross: Record<string, number>;
  /** Kernel density estimate of the capital at 67 at its p5, p50, p95. */
  density: Record<string, number>;
  densitySpacing: Record<string, number>;
  stderr: Record<string, number>;
  meanCapitalAtRetirement: number;
  stderrMeanCapitalAtRetirement: number;
}

export interface Agreement {
  percentile: number;
  pensim: number;
  numpy: number;
  diff: number;
  /** Standard error of the difference of the two independent sample quantiles. */
  se: number;
  /** diff / se. */
  z: number;
  /** Allowed |diff|: 4 SE, plus the sketch's relative error bound when pensim's figure came from the sketch. */
  tolerance: number;
  ok: boolean;
}

/** Differences beyond this many combined standard errors are a disagreement. */
export const AGREEMENT_SE = 4;

/**
 * Relative error bound of pensim's percentile sketch as its target states it (0.1 %; the sketch
 * itself claims 0.025 %, src/stats/log-bucket-sketch.ts): a systematic error, added to the
 * tolerance when the result says `"percentileMethod": "sketch"`.
 */
export const SKETCH_RELATIVE_ERROR = 0.001;

/**
 * Do two independent sample quantiles estimate the same population quantile? The standard error
 * of the q-quantile of n samples is √(q(1−q)/n) / f(x_q) (asymptotic normality of sample
 * quantiles), with f the density at the quantile; f is estimated from the numpy peer's samples
 * (a Gaussian kernel estimate; under the hypothesis both have the same distribution). The two
 * errors combine as √(SE₁² + SE₂²); the estimates agree when they differ by at most 4 of those.
 */
export function agreement(
  pensim: Record<string, number>,
  pensimPaths: number,
  numpy: NumpyResult,
  sketch = false,
): Agreement[] {
  return [5, 50, 95].map((q) => {
    const key = `p${q}`;
    const a = pensim[key];
    const b = numpy.capitalAtRetirement[key];
    const f = numpy.density[key];
    if (a === undefined || b === undefined || f === undefined) throw new Error(`no ${key} to compare`);
    const p = q / 100;
    const se = Math.sqrt(p * (1 - p) * (1 / pensimPaths + 1 / numpy.paths)) / f;
    const diff = a - b;
    const tolerance = AGREEMENT_SE * se + (sketch ? SKETCH_RELATIVE_ERROR * Math.abs(a) : 0);
    return { percentile: q, pensim: a, numpy: b, diff, se, z: diff / se, tolerance, ok: Math.abs(diff) <= tolerance };
  });
}

export function printAgreement(rows: readonly Agreement[]): void {
  console.log(
    table(
      ['capital at 67', 'pensim', 'numpy', 'difference', 'SE of diff.', 'z', 'tolerance', 'agree'],
      rows.map((r) => [`p${r.percentile}`, nok(r.pensim), nok(r.numpy), nok(r.diff), nok(r.se), r.z.toFixed(2), nok(r.tolerance), r.ok ? 'yes' : 'NO']),
    ),
  );
}

/** A plain text table, first column left-aligned, the others right-aligned. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ');
  return [line(head), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** 1234567.8 -> "1 234 568" */
export function nok(x: number): string {
  const s = Math.round(Math.abs(x)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return x < 0 ? `-${s}` : s;
}

/** A rate with three significant digits and thousands grouped: 188 361, 1.23e7 -> "12 300 000". */
export function rate(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const digits = Math.max(0, Math.floor(Math.log10(Math.abs(x))) - 2);
  const rounded = Math.round(x / 10 ** digits) * 10 ** digits;
  return rounded >= 1000 ? nok(rounded) : String(Number(x.toPrecision(3)));
}

/** A whole-number flag or environment variable, with a default. */
export function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number >= 1; got ${value}`);
  return n;
}
