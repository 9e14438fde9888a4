/**
 * npm run bench:precision [-- --precision 0.5%] [--repeats R] [--pilot N] [--seed S] [--samplers sobol,pseudo,antithetic] [--replications R] [--json FILE]
 *
 * Precision per second on scenarios/bench-reference.json: the wall time of
 * `pensim run --precision 0.5%` (a whole process: start-up, the runs to precision, the JSON), for
 * each sampler, against the numpy peer (bench/peers/numpy_model.py --precision) running the plain
 * paths it needs for the same relative 95 % half-width on p5 of the capital at 67, as its own
 * standard error says (a pilot of --pilot paths; the order-statistic interval; see the peer).
 * Goal: numpy's time / pensim's time >= 10.
 *
 * What it relies on of pensim: the CLI (`run --precision --sampler --format json --out`,
 * `run --paths`, `--version`, `project`) and the result JSON (`paths`, `percentileMethod`,
 * `metrics.capitalAtRetirement`, the `precision` block), not how the engine computes its intervals.
 *
 * numpy's time is its own timing of simulation + the fan's percentiles for exactly the paths it
 * needs (one timed run a round on a new seed, median of --repeats rounds), excluding the pilot and
 * the interpreter and numpy start-up (`python3 -c "import numpy"`, timed separately): numpy at its
 * best, as if it knew the path count. pensim's is the whole process, median of --repeats; numpy,
 * the samplers and the pieces are interleaved round by round, so a change of load hits all alike. Also measured, to
 * show what stands in the way of the goal: `node -e 0`, `pensim --version` (start-up), a one-chunk
 * run (`run --paths 2048`: a run's fixed cost), the fewest paths a run to
 * precision can stop at (`--precision 99%`), and a plain `run --paths` of the first sampler's path
 * count (the cost of getting there in steps); and the real error of sobol at the fewest paths, the
 * spread over --replications scrambles (default 10) of `run --paths --seed`, against the
 * half-widths its result states (the interval method). Exits 1 if pensim and numpy disagree beyond sampling
 * error (bench/common.ts agreement(): p5, p50, p95; means against the exact expectation).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PrecisionReport } from '../dist/src/studies/simulate-to-precision.js';
import type { SimulationResult } from '../dist/src/result/simulation-result.js';
import {
  AGREEMENT_SE,
  CLI,
  REFERENCE,
  SKETCH_RELATIVE_ERROR,
  agreement,
  machine,
  median,
  nok,
  printAgreement,
  table,
  timeProcess,
  warnIfBusy,
  wholeNumber,
  OtherWork,
  type Agreement,
  type NumpyResult,
  type Timed,
} from './common.js';

/** The target: pensim at least this many times faster than numpy for the same precision. */
const GOAL = 10;
const SAMPLER_NAMES = ['pseudo', 'antithetic', 'sobol'] as const;
type SamplerName = (typeof SAMPLER_NAMES)[number];

/** What this script reads of `pensim run --precision … --format json`. */
type PrecisionRun = Pick<SimulationResult, 'paths' | 'sampler' | 'percentileMethod'> & {
  metrics: Pick<SimulationResult['metrics'], 'capitalAtRetirement'>;
  precision: PrecisionReport;
};

/** What bench/peers/numpy_model.py --precision prints. */
interface NumpyPrecision extends NumpyResult {
  precision: {
    target: number;
    method: string;
    pilotPaths: number;
    pilotSeconds: number;
    pilotRelative: number;
    paths: number;
    pathsFromDensity: { kde: number; spacing: number };
    runs: { seed: number; seconds: number; p5: number; halfWidth: number; relative: number; intervalSeconds: number }[];
    medianSeconds: number;
    medianRelative: number;
  };
}

const { values: flags } = parseArgs({
  options: {
    precision: { type: 'string' },
    repeats: { type: 'string' },
    pilot: { type: 'string' },
    seed: { type: 'string' },
    samplers: { type: 'string' },
    replications: { type: 'string' },
    json: { type: 'string' },
  },
});
const precisionText = flags.precision ?? '0.5%';
const target = precisionText.trim().endsWith('%') ? Number(precisionText.trim().slice(0, -1)) / 100 : Number(precisionText);
if (!(target > 0 && target < 1)) throw new Error(`--precision must be a relative half-width in (0, 100 %), e.g. 0.5%; got ${precisionText}`);
const repeats = wholeNumber('--repeats', flags.repeats, 5);
const pilot = wholeNumber('--pilot', flags.pilot, 100_000);
/** numpy's seed (pilot; the timed runs take the next ones); pensim runs the scenario's seed, 1. */
const numpySeed = wholeNumber('--seed', flags.seed, 2026);
const samplers = (flags.samplers ?? 'sobol,pseudo,antithetic').split(',').map((s) => s.trim()) as SamplerName[];
for (const s of samplers) if (!SAMPLER_NAMES.includes(s)) throw new Error(`--samplers: unknown sampler ${s} (${SAMPLER_NAMES.join(', ')})`);
const first = samplers[0]!;
/** Scrambles of the sobol run at the fewest paths, for its real error (0: skip). */
const replications = flags.replications === '0' ? 0 : wholeNumber('--replications', flags.replications, 10);

const pct = (x: number, digits = 3) => `${(100 * x).toFixed(digits)} %`;
const sec = (ms: number) => (ms < 100 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

const info = machine();
console.log(`pensim ${info.pensim} run --precision ${pct(target, 1)} vs numpy's plain paths for p5 of the capital at 67, on ${REFERENCE}`);
console.log(`${info.cpu}, ${info.cores} cores, Node ${info.node}, ${info.date}, load average ${info.loadAverageAtStart.toFixed(2)}\n`);
warnIfBusy();
const otherWork = new OtherWork();

// numpy: the pilot (the same seed each round, so the same paths needed) and one timed run of exactly
// that many paths on a new seed, in a process of its own each round, interleaved with pensim's runs.
const numpyRound = (round: number): { t: Timed; r: NumpyPrecision } => {
  const args = ['--precision', String(target), '--pilot', String(pilot), '--reps', '1', '--seed', String(numpySeed), '--run-seed', String(numpySeed + 1 + round)];
  try {
    const t = timeProcess('python3', ['bench/peers/numpy_model.py', ...args], { rusage: true });
    return { t, r: JSON.parse(t.stdout) as NumpyPrecision };
  } catch (e) {
    throw new Error(`the numpy peer failed: it needs python3 with numpy (e.g. pip install numpy).\n${(e as Error).message}`);
  }
};
const numpyRounds: NumpyPrecision[] = [];
const numpyProcesses: Timed[] = [];
const startups: number[] = [];

const dir = mkdtempSync(join(tmpdir(), 'pensim-precision-'));
try {
  // pensim: whole processes; numpy, the samplers and the pieces interleaved, `repeats` rounds.
  const out = join(dir, 'result.json');
  const runTo = (precision: string, sampler: SamplerName): { t: Timed; r: PrecisionRun } => {
    const t = timeProcess('node', [CLI, 'run', REFERENCE, '--precision', precision, '--sampler', sampler, '--format', 'json', '--quiet', '--out', out], { rusage: true });
    const r = JSON.parse(readFileSync(out, 'utf8')) as PrecisionRun;
    rmSync(out); // pensim will not overwrite a file without --force
    return { t, r };
  };
  const runs = new Map<SamplerName, { times: Timed[]; result: PrecisionRun }>();
  const nodeMs: number[] = [];
  const versionMs: number[] = [];
  const oneChunkMs: number[] = [];
  const floorMs: number[] = [];
  const plainMs: number[] = [];
  let floor: PrecisionRun | undefined;
  for (let rep = 0; rep < repeats; rep++) {
    process.stdout.write(`round ${rep + 1} of ${repeats}: `);
    const n1 = numpyRound(rep);
    if (numpyRounds.length > 0 && n1.r.precision.paths !== numpyRounds[0]!.precision.paths) throw new Error('the numpy pilot gave different path counts from the same seed');
    numpyRounds.push(n1.r);
    numpyProcesses.push(n1.t);
    startups.push(timeProcess('python3', ['-c', 'import numpy']).ms);
    process.stdout.write(`numpy ${nok(n1.r.precision.paths)} paths ${sec(n1.r.seconds * 1000)}, `);
    for (const s of samplers) {
      const { t, r } = runTo(precisionText, s);
      const seen = runs.get(s);
      if (seen && seen.result.paths !== r.paths) throw new Error(`pensim --sampler ${s} used ${seen.result.paths} paths, then ${r.paths}: a run to precision should be deterministic`);
      if (seen) seen.times.push(t);
      else runs.set(s, { times: [t], result: r });
      process.stdout.write(`${s} ${sec(t.ms)}, `);
    }
    nodeMs.push(timeProcess('node', ['-e', '0']).ms);
    versionMs.push(timeProcess('node', [CLI, '--version']).ms);
    oneChunkMs.push(timeProcess('node', [CLI, 'run', REFERENCE, '--paths', '2048', '--sampler', first, '--format', 'json', '--quiet', '--out', out], { rusage: true }).ms);
    rmSync(out);
    const f = runTo('99%', first);
    floor = f.r;
    floorMs.push(f.t.ms);
    const n = runs.get(first)!.result.paths;
    plainMs.push(timeProcess('node', [CLI, 'run', REFERENCE, '--paths', String(n), '--sampler', first, '--percentile-method', 'sketch', '--format', 'json', '--quiet', '--out', out], { rusage: true }).ms);
    rmSync(out);
    console.log(`--version ${sec(versionMs.at(-1)!)}, pieces done`);
  }

  const numpy = numpyRounds[0]!;
  const np5 = { ...numpy.precision, runs: numpyRounds.flatMap((r) => r.precision.runs) };
  const npMs = median(np5.runs.map((r) => r.seconds)) * 1000;
  const npStartMs = median(startups);

  const figure = (r: PrecisionRun, name: string) => {
    const f = r.precision.figures.find((x) => x.name === name);
    if (!f) throw new Error(`the precision block has no ${name}`);
    return f;
  };
  const worstOf = (r: PrecisionRun) => r.precision.figures.reduce((a, b) => (b.relative > a.relative ? b : a));
  const rows = samplers.map((s) => {
    const { times, result } = runs.get(s)!;
    const wallMs = median(times.map((t) => t.ms));
    const p5 = figure(result, 'capitalAtRetirement.p5');
    const worst = worstOf(result);
    return {
      sampler: s,
      paths: result.paths,
      met: result.precision.met,
      p5Relative: p5.relative,
      worst: { name: worst.name, relative: worst.relative },
      wallMs,
      wallMsAll: times.map((t) => t.ms),
      cpuSeconds: median(times.map((t) => t.cpuSeconds ?? Number.NaN)),
      peakRssMb: median(times.map((t) => t.peakRssMb ?? Number.NaN)),
      ratio: npMs / wallMs,
      ratioWithStartup: (npMs + npStartMs) / wallMs,
      // What the stopping rule's own intervals imply (half-widths fall as 1/√paths):
      pathsIfStoppedExactly: Math.ceil(result.paths * (worst.relative / target) ** 2),
      pathsForP5Alone: Math.ceil(result.paths * (p5.relative / target) ** 2),
    };
  });

  console.log(`\nGoal: numpy's time / pensim's time >= ${GOAL} (pensim: whole process, median of ${repeats}; numpy: in-process, median of ${repeats}, start-up excluded)\n`);
  console.log(
    table(
      ['sampler', 'pensim paths', 'p5 half-width', 'worst half-width', 'pensim wall', 'numpy paths', 'numpy time', 'numpy / pensim', '(with numpy start-up)', `goal >= ${GOAL}`],
      rows.map((r) => [
        r.sampler,
        nok(r.paths) + (r.met ? '' : ' (cap)'),
        pct(r.p5Relative),
        `${pct(r.worst.relative)} ${r.worst.name}`,
        sec(r.wallMs),
        nok(numpy.precision.paths),
        sec(npMs),
        r.ratio.toFixed(3),
        r.ratioWithStartup.toFixed(3),
        r.ratio >= GOAL ? 'met' : `NOT met (${(GOAL / r.ratio).toFixed(0)}x short)`,
      ]),
    ),
  );
  console.log(
    `\nnumpy ${numpy.numpy} (Python ${numpy.python}): pilot ${nok(np5.pilotPaths)} paths (${np5.pilotSeconds.toFixed(2)} s) gave p5's half-width ${pct(np5.pilotRelative)}, ` +
      `so ${nok(np5.paths)} paths for ${pct(target, 1)} (from its density instead: ${nok(np5.pathsFromDensity.kde)} kernel, ${nok(np5.pathsFromDensity.spacing)} spacing). ` +
      `Half-widths reached by the ${np5.runs.length} timed runs: ${np5.runs.map((r) => pct(r.relative)).join(', ')} (median ${pct(median(np5.runs.map((r) => r.relative)))}); ` +
      `times ${np5.runs.map((r) => r.seconds.toFixed(3)).join(', ')} s (${nok(np5.paths / (npMs / 1000))} paths/s); ` +
      `its interval ${(1000 * median(np5.runs.map((r) => r.intervalSeconds))).toFixed(1)} ms more; interpreter + numpy start-up ${sec(npStartMs)}.`,
  );
  console.log(
    `pensim: CPU ${rows.map((r) => `${r.sampler} ${r.cpuSeconds.toFixed(2)} s`).join(', ')}; peak RSS ${rows.map((r) => `${r.sampler} ${Math.round(r.peakRssMb)} MB`).join(', ')}; ` +
      `wall times ${rows.map((r) => `${r.sampler} ${r.wallMsAll.map((m) => (m / 1000).toFixed(2)).join('/')}`).join(', ')} s.`,
  );

  // What stands in the way, measured.
  const nMs = median(nodeMs);
  const vMs = median(versionMs);
  const cMs = median(oneChunkMs);
  const fMs = median(floorMs);
  const pMs = median(plainMs);
  const firstRow = rows[0]!;
  const budget = npMs / GOAL;
  console.log(`\nWhat the goal needs and what stands in the way (median of ${repeats}):`);
  console.log(
    table(
      ['piece', 'paths', 'wall', 'numpy / this'],
      [
        [`the goal: numpy's time / ${GOAL}`, '', sec(budget), String(GOAL)],
        ['node -e 0 (any Node process)', '', sec(nMs), (npMs / nMs).toFixed(3)],
        ['pensim --version (process start-up)', '', sec(vMs), (npMs / vMs).toFixed(3)],
        [`run --paths 2048 --sampler ${first} (one chunk, inline: a run's fixed cost)`, '2 048', sec(cMs), (npMs / cMs).toFixed(3)],
        [`run --precision 99% --sampler ${first} (fewest paths: one step)`, nok(floor!.paths), sec(fMs), (npMs / fMs).toFixed(3)],
        [`run --paths ${firstRow.paths} --sampler ${first} (one pass, no steps)`, nok(firstRow.paths), sec(pMs), (npMs / pMs).toFixed(3)],
        [`run --precision ${precisionText} --sampler ${first}`, nok(firstRow.paths), sec(firstRow.wallMs), firstRow.ratio.toFixed(3)],
      ],
    ),
  );
  console.log(
    `\npensim beyond a one-chunk run: ${first} ${((firstRow.wallMs - cMs) / (firstRow.paths - 2048) * 1000).toFixed(2)} µs a path to precision, ` +
      `${((pMs - cMs) / (firstRow.paths - 2048) * 1000).toFixed(2)} µs in one pass (pool start-up included); numpy ${((npMs / np5.paths) * 1000).toFixed(2)} µs a path.`,
  );
  console.log(
    `\n${table(
      ['sampler', 'paths used', 'if stopped exactly at the worst figure', 'for p5 alone', 'numpy (p5 alone)'],
      rows.map((r) => [r.sampler, nok(r.paths), nok(r.pathsIfStoppedExactly), nok(r.pathsForP5Alone), nok(np5.paths)]),
    )}`,
  );
  console.log(`(pensim's half-widths as its result states them, scaled as 1/√paths; the stopping rule needs every headline figure within ${pct(target, 1)}.)`);

  // The interval method: sobol's real error at the fewest paths, over scrambles (seeds), against the
  // half-widths its result states (for independent paths), and the paths its real error would need.
  const realError: { figure: string; stated: number; real: number; pathsNeeded: number }[] = [];
  if (replications >= 2) {
    process.stdout.write(`\nsobol's real error: ${replications} scrambles of ${nok(floor!.paths)} paths … `);
    const reps: SimulationResult['metrics']['capitalAtRetirement'][] = [];
    for (let k = 1; k <= replications; k++) {
      timeProcess('node', [CLI, 'run', REFERENCE, '--paths', String(floor!.paths), '--sampler', 'sobol', '--seed', String(1000 + k), '--format', 'json', '--quiet', '--out', out]);
      reps.push((JSON.parse(readFileSync(out, 'utf8')) as PrecisionRun).metrics.capitalAtRetirement);
      rmSync(out);
    }
    console.log('done');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
    const Z95 = 1.959963984540054;
    for (const f of ['mean', 'p5', 'p50', 'p95']) {
      const values = reps.map((m) => (f === 'mean' ? m.mean : m.percentiles[f]!));
      const statedHalfWidth = (m: (typeof reps)[number]) => {
        if (f === 'mean') return Z95 * m.stderr;
        const ci = m.ci95?.[f];
        return ci ? (ci[1] - ci[0]) / 2 : Number.NaN;
      };
      const stated = mean(reps.map((m) => statedHalfWidth(m) / (f === 'mean' ? m.mean : m.percentiles[f]!)));
      const real = (Z95 * sd(values)) / mean(values);
      realError.push({ figure: `capitalAtRetirement.${f}`, stated, real, pathsNeeded: Math.ceil(floor!.paths * (real / target) ** 2) });
    }
    console.log(
      `${table(
        ['sobol, ' + nok(floor!.paths) + ' paths', 'stated half-width', `real (1.96 sd over ${replications} seeds)`, 'real / stated', `paths for ${pct(target, 1)} at the real error`],
        realError.map((r) => [r.figure, pct(r.stated), pct(r.real), !Number.isFinite(r.stated) ? 'n/a' : r.real / r.stated < 0.1 ? `1/${Math.round(r.stated / r.real)}` : (r.real / r.stated).toFixed(2), nok(r.pathsNeeded)]),
      )}`,
    );
    console.log(
      `(payoutGross is capitalAtRetirement / 20 here, so the same. An sd from ${replications} values is itself uncertain by about ${Math.round(100 / Math.sqrt(2 * (replications - 1)))} %, the paths by twice that. ` +
        `A run to precision stops at ${nok(floor!.paths)} paths at the fewest, so with intervals this tight sobol would cost what the one-step run above does.)`,
    );
  }

  // Equal work: every sampler's capital at 67 against numpy's, and the means against the exact expectation.
  console.log('');
  const agreements: Record<string, Agreement[]> = {};
  let ok = true;
  for (const r of rows) {
    const result = runs.get(r.sampler)!.result;
    const sketch = result.percentileMethod === 'sketch';
    const a = agreement(result.metrics.capitalAtRetirement.percentiles, result.paths, numpy, sketch);
    agreements[r.sampler] = a;
    ok &&= a.every((x) => x.ok);
    console.log(`pensim --sampler ${r.sampler} (${nok(result.paths)} paths, ${result.percentileMethod}) vs numpy (${nok(numpy.paths)} paths, seed ${numpy.seed}):`);
    printAgreement(a);
  }
  console.log(
    `SE of a sample quantile: √(q(1−q)/n) / f(x_q), f from a kernel density estimate on numpy's samples (independent paths: for antithetic and sobol it overstates pensim's error); ` +
      `tolerance ${AGREEMENT_SE} SE of the difference, + ${100 * SKETCH_RELATIVE_ERROR} % when pensim's percentiles came from its sketch.`,
  );
  const ledger = JSON.parse(timeProcess('node', [CLI, 'project', REFERENCE, '--format', 'json']).stdout) as {
    rows: { age: number; phase: string; capitalStart: number }[];
  };
  const expected = ledger.rows.find((r) => r.phase === 'payout')?.capitalStart;
  if (expected === undefined) throw new Error('pensim project printed no payout year');
  const meanRows = [
    ...rows.map((r) => {
      const c = runs.get(r.sampler)!.result.metrics.capitalAtRetirement;
      return { who: `pensim ${r.sampler}`, m: c.mean, se: c.stderr };
    }),
    { who: 'numpy', m: numpy.meanCapitalAtRetirement, se: numpy.stderrMeanCapitalAtRetirement },
  ].map((x) => ({ ...x, z: (x.m - expected) / x.se }));
  console.log(
    `\n${table(
      ['mean capital at 67', 'mean', 'exact E (ledger)', 'SE', 'z', 'agree'],
      meanRows.map((r) => [r.who, nok(r.m), nok(expected), nok(r.se), r.z.toFixed(2), Math.abs(r.z) <= AGREEMENT_SE ? 'yes' : 'NO']),
    )}`,
  );
  ok &&= meanRows.every((r) => Math.abs(r.z) <= AGREEMENT_SE);
  console.log(ok ? '\npensim and numpy agree within sampling error: the times compare equal work.' : '\nDISAGREEMENT beyond 4 standard errors (see above): the times may not compare equal work.');

  const otherCores = otherWork.report();
  if (flags.json !== undefined) {
    const json = {
      machine: { ...info, otherProcessesCores: otherCores },
      target,
      goal: GOAL,
      repeats,
      numpy: {
        ...numpy,
        seconds: npMs / 1000,
        paths_per_s: np5.paths / (npMs / 1000),
        precision: { ...np5, medianSeconds: npMs / 1000, medianRelative: median(np5.runs.map((r) => r.relative)) },
        startupMs: npStartMs,
        startupMsAll: startups,
        processes: numpyProcesses.map((t) => ({ wallMs: t.ms, cpuSeconds: t.cpuSeconds, peakRssMb: t.peakRssMb })),
      },
      pensim: rows,
      pieces: {
        nodeMs: nMs,
        nodeMsAll: nodeMs,
        versionMs: vMs,
        versionMsAll: versionMs,
        oneChunk: { sampler: first, paths: 2048, wallMs: cMs, wallMsAll: oneChunkMs },
        fewestPaths: { sampler: first, paths: floor!.paths, wallMs: fMs, wallMsAll: floorMs },
        onePass: { sampler: first, paths: firstRow.paths, wallMs: pMs, wallMsAll: plainMs },
        budgetMs: budget,
      },
      sobolRealError: { paths: floor!.paths, replications, figures: realError },
      agreement: agreements,
      means: { expected, rows: meanRows },
    };
    writeFileSync(flags.json, `${JSON.stringify(json, null, 2)}\n`);
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
