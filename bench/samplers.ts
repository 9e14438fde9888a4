/**
 * Samplers on bench-reference: REPS independent replications of N paths per sampler
 * (seeds 1..REPS: a new pseudo-random stream, antithetic stream or set of Sobol scrambles each),
 * and the RMSE of each replication's mean and p5 / p50 / p95 of the capital at 67 against the truth:
 *   - the mean: the exact expectation, `pensim project`'s capital at 67 (deterministic pay,
 *     proportional fees, returns independent across years);
 *   - the percentiles: one sobol run of TRUTH_PATHS paths (64 × N) on scrambles of their own
 *     (seed 1 000 000), whose own error is a small fraction of a replication's.
 * sobol runs once per number of randomized blocks R (simulation.randomizations, from
 * PENSIM_SAMPLER_BLOCKS), which is what its intervals cost: each block is a smaller net (antithetic
 * pairs are the same whatever R, which only groups them, so it runs once). Every run
 * is simulate() with threads 1 and exact percentiles. The figures are deterministic (fixed seeds);
 * only the time depends on the machine. Not a test: it takes minutes.
 *
 *   npm run build && tsc -p bench/tsconfig.json && nice node dist-bench/samplers.js
 *   PENSIM_SAMPLER_REPLICATIONS=30 PENSIM_SAMPLER_PATHS=16384 PENSIM_SAMPLER_TRUTH_PATHS=1048576
 *   PENSIM_SAMPLER_BLOCKS=2,4,8,16 (the defaults)
 *
 * Speed (issue 25: antithetic <= 1.1 x and sobol <= 1.25 x pseudo's wall time at 1 M paths):
 * PENSIM_SAMPLER_TIMING=ROUNDS times `pensim run scenarios/bench-reference.json --paths N
 * --sampler S --format json` (a whole process, the default threads) for each sampler, the
 * samplers interleaved round by round so a change of load hits all alike, and prints the medians
 * and each sampler's median ratio to pseudo within a round; then exits (no RMSE part).
 * PENSIM_SAMPLER_TIMING_PATHS (default 1 000 000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../dist/src/scenario/load-scenario.js';
import { simulate } from '../dist/src/engine/simulate.js';
import { projectLedger } from '../dist/src/ledger/project-ledger.js';
import { DEFAULT_RANDOMIZATIONS } from '../dist/src/random/randomized-blocks.js';
import type { Sampler } from '../dist/src/random/sampler.js';
import { CLI, REFERENCE, ROOT, machine, median, nok, OtherWork, table, timeProcess, wholeNumber } from './common.js';

const REPS = wholeNumber('PENSIM_SAMPLER_REPLICATIONS', process.env.PENSIM_SAMPLER_REPLICATIONS, 30);
const N = wholeNumber('PENSIM_SAMPLER_PATHS', process.env.PENSIM_SAMPLER_PATHS, 16_384);
const TRUTH_PATHS = wholeNumber('PENSIM_SAMPLER_TRUTH_PATHS', process.env.PENSIM_SAMPLER_TRUTH_PATHS, 2 ** 20);
const BLOCKS = (process.env.PENSIM_SAMPLER_BLOCKS ?? '2,4,8,16').split(',').map((s) => wholeNumber('PENSIM_SAMPLER_BLOCKS', s.trim(), 4));
const FIGURES = ['mean', 'p5', 'p50', 'p95'] as const;
type Figure = (typeof FIGURES)[number];
interface Variant {
  label: string;
  sampler: Sampler;
  randomizations?: number;
}

const TIMING = process.env.PENSIM_SAMPLER_TIMING;
if (TIMING !== undefined) {
  const rounds = wholeNumber('PENSIM_SAMPLER_TIMING', TIMING, 5);
  const paths = wholeNumber('PENSIM_SAMPLER_TIMING_PATHS', process.env.PENSIM_SAMPLER_TIMING_PATHS, 1_000_000);
  const names = ['pseudo', 'antithetic', 'sobol'] as const;
  const dir = mkdtempSync(join(tmpdir(), 'pensim-samplers-'));
  const wall = new Map<string, number[]>(names.map((n) => [n, []]));
  const cpu = new Map<string, number[]>(names.map((n) => [n, []]));
  const ratio = new Map<string, number[]>(names.map((n) => [n, []]));
  const load = loadavg()[0]!;
  const other = new OtherWork();
  for (let r = 0; r < rounds; r++) {
    const round = new Map<string, number>();
    for (const n of names) {
      const t = timeProcess('node', [CLI, 'run', REFERENCE, '--paths', String(paths), '--sampler', n, '--format', 'json', '--quiet', '--force', '--out', join(dir, 'out.json')], { rusage: true });
      round.set(n, t.ms);
      wall.get(n)!.push(t.ms);
      if (t.cpuSeconds !== null) cpu.get(n)!.push(t.cpuSeconds);
    }
    for (const n of names) ratio.get(n)!.push(round.get(n)! / round.get('pseudo')!);
    process.stderr.write(`round ${r + 1}: ${names.map((n) => `${n} ${(round.get(n)! / 1000).toFixed(2)} s`).join(', ')}\n`);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`pensim run ${REFERENCE} --paths ${nok(paths)} (whole process, default threads), ${rounds} rounds interleaved; medians`);
  console.log(
    table(
      ['sampler', 'wall', 'CPU (user + sys)', '÷ pseudo (median of rounds)', 'target'],
      names.map((n) => [
        n,
        `${(median(wall.get(n)!) / 1000).toFixed(2)} s`,
        cpu.get(n)!.length > 0 ? `${median(cpu.get(n)!).toFixed(2)} s` : '–',
        median(ratio.get(n)!).toFixed(2),
        n === 'antithetic' ? '<= 1.1' : n === 'sobol' ? '<= 1.25' : '',
      ]),
    ),
  );
  console.log(`1-minute load average at the start ${load.toFixed(2)}`);
  other.report();
  process.exit(0);
}

const base = await loadScenario(`${ROOT}${REFERENCE}`);
const withSampler = (v: Omit<Variant, 'label'>) => ({ ...base, simulation: { ...base.simulation, sampler: v.sampler, ...(v.randomizations !== undefined && { randomizations: v.randomizations }) } });

async function capitalAt67(v: Omit<Variant, 'label'>, paths: number, seed: number): Promise<Record<Figure, number>> {
  const r = await simulate(withSampler(v), { paths, seed, threads: 1, percentileMethod: 'exact' });
  const c = r.metrics.capitalAtRetirement;
  return { mean: c.mean, p5: c.percentiles.p5!, p50: c.percentiles.p50!, p95: c.percentiles.p95! };
}

const load = loadavg()[0]!;
const other = new OtherWork();
const started = performance.now();
const exactMean = projectLedger(base).capitalAtRetirement.toNumber();
const reference = await capitalAt67({ sampler: 'sobol' }, TRUTH_PATHS, 1_000_000);
const truth: Record<Figure, number> = { ...reference, mean: exactMean };

// Antithetic pairs are the same whatever R (R groups them for the intervals only): one run of it.
const variants: Variant[] = [
  { label: 'pseudo', sampler: 'pseudo' },
  { label: 'antithetic (any R)', sampler: 'antithetic' },
  ...BLOCKS.map((r): Variant => ({ label: `sobol, R = ${r}`, sampler: 'sobol', randomizations: r })),
];
const rmse = new Map<string, Record<Figure, number>>();
const spread = new Map<string, Record<Figure, number>>();
for (const v of variants) {
  const runs: Record<Figure, number>[] = [];
  for (let seed = 1; seed <= REPS; seed++) runs.push(await capitalAt67(v, N, seed));
  const e = {} as Record<Figure, number>;
  const s = {} as Record<Figure, number>;
  for (const f of FIGURES) {
    const xs = runs.map((x) => x[f]);
    const m = xs.reduce((a, b) => a + b, 0) / REPS;
    e[f] = Math.sqrt(xs.reduce((a, x) => a + (x - truth[f]) ** 2, 0) / REPS);
    s[f] = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (REPS - 1));
  }
  rmse.set(v.label, e);
  spread.set(v.label, s);
  process.stderr.write(`${v.label}: ${REPS} replications done\n`);
}

const pseudo = rmse.get('pseudo')!;
const ratio = (label: string, f: Figure) => rmse.get(label)![f] / pseudo[f];
const show = (x: number) => (x < 0.1 ? `1/${Math.round(1 / x)}` : x.toFixed(2));
console.log(`Samplers on ${REFERENCE}: ${REPS} replications × ${nok(N)} paths, capital at 67 (NOK); threads 1, exact percentiles; R = randomized blocks`);
console.log(`Truth: mean = pensim project ${nok(exactMean)}; p5/p50/p95 = a sobol run of ${nok(TRUTH_PATHS)} paths (seed 1 000 000, R = ${DEFAULT_RANDOMIZATIONS}): ${nok(truth.p5)} / ${nok(truth.p50)} / ${nok(truth.p95)}\n`);
console.log(
  table(
    ['sampler', ...FIGURES.map((f) => `RMSE ${f}`), ...FIGURES.map((f) => `÷ pseudo ${f}`)],
    variants.map((v) => [v.label, ...FIGURES.map((f) => nok(rmse.get(v.label)![f])), ...FIGURES.map((f) => show(ratio(v.label, f)))]),
  ),
);
console.log(`\nSpread (sd across replications, mean / p5 / p50 / p95): ${variants.map((v) => `${v.label} ${FIGURES.map((f) => nok(spread.get(v.label)![f])).join(' / ')}`).join('; ')}`);
for (const r of BLOCKS) {
  const label = `sobol, R = ${r}`;
  const ok = ratio(label, 'mean') <= 1 / 20 && (['p5', 'p50', 'p95'] as const).every((f) => ratio(label, f) <= 0.58);
  console.log(`Targets (sobol ÷ pseudo: mean <= 1/20, p5/p50/p95 <= 0.58) at R = ${r}: ${ok ? 'met' : 'NOT met'}`);
}
console.log(`${Math.round((performance.now() - started) / 1000)} s on ${machine().cpu}; 1-minute load average at the start ${load.toFixed(2)}`);
other.report();
