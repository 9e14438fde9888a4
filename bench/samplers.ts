/**
 * Samplers on bench-reference (issue 13): R independent replications of N paths per sampler
 * (seeds 1..R: a new pseudo-random stream, antithetic stream or Sobol scramble each), and the RMSE
 * of each replication's mean and p5 / p50 / p95 of the capital at 67 against the truth:
 *   - the mean: the exact expectation, `pensim project`'s capital at 67 (deterministic pay,
 *     proportional fees, returns independent across years);
 *   - the percentiles: one sobol run of TRUTH_PATHS paths (64 × N) on a scramble of its own
 *     (seed 1 000 000), whose own error is a small fraction of a replication's.
 * Every run is simulate() with threads 1 and exact percentiles. Not a test: it takes minutes.
 *
 *   npm run build && tsc -p bench/tsconfig.json && nice node dist-bench/samplers.js
 *   PENSIM_SAMPLER_REPLICATIONS=30 PENSIM_SAMPLER_PATHS=16384 PENSIM_SAMPLER_TRUTH_PATHS=1048576 (the defaults)
 */
import { loadScenario } from '../dist/src/engine/load-scenario.js';
import { simulate } from '../dist/src/engine/simulate.js';
import { projectLedger } from '../dist/src/ledger/project-ledger.js';
import { SAMPLERS, type Sampler } from '../dist/src/random/sampler.js';
import { REFERENCE, ROOT, machine, nok, table, wholeNumber } from './common.js';

const R = wholeNumber('PENSIM_SAMPLER_REPLICATIONS', process.env.PENSIM_SAMPLER_REPLICATIONS, 30);
const N = wholeNumber('PENSIM_SAMPLER_PATHS', process.env.PENSIM_SAMPLER_PATHS, 16_384);
const TRUTH_PATHS = wholeNumber('PENSIM_SAMPLER_TRUTH_PATHS', process.env.PENSIM_SAMPLER_TRUTH_PATHS, 2 ** 20);
const FIGURES = ['mean', 'p5', 'p50', 'p95'] as const;
type Figure = (typeof FIGURES)[number];

const base = await loadScenario(`${ROOT}${REFERENCE}`);
const withSampler = (sampler: Sampler) => ({ ...base, simulation: { ...base.simulation, sampler } });

async function capitalAt67(sampler: Sampler, paths: number, seed: number): Promise<Record<Figure, number>> {
  const r = await simulate(withSampler(sampler), { paths, seed, threads: 1, percentileMethod: 'exact' });
  const c = r.metrics.capitalAtRetirement;
  return { mean: c.mean, p5: c.percentiles.p5!, p50: c.percentiles.p50!, p95: c.percentiles.p95! };
}

const started = performance.now();
const exactMean = projectLedger(base).capitalAtRetirement.toNumber();
const reference = await capitalAt67('sobol', TRUTH_PATHS, 1_000_000);
const truth: Record<Figure, number> = { ...reference, mean: exactMean };

const rmse: Record<Sampler, Record<Figure, number>> = {} as never;
const spread: Record<Sampler, Record<Figure, number>> = {} as never;
for (const sampler of SAMPLERS) {
  const runs: Record<Figure, number>[] = [];
  for (let seed = 1; seed <= R; seed++) runs.push(await capitalAt67(sampler, N, seed));
  rmse[sampler] = {} as Record<Figure, number>;
  spread[sampler] = {} as Record<Figure, number>;
  for (const f of FIGURES) {
    const xs = runs.map((x) => x[f]);
    const m = xs.reduce((a, b) => a + b, 0) / R;
    rmse[sampler][f] = Math.sqrt(xs.reduce((a, x) => a + (x - truth[f]) ** 2, 0) / R);
    spread[sampler][f] = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (R - 1));
  }
  process.stderr.write(`${sampler}: ${R} replications done\n`);
}

const ratio = (s: Sampler, f: Figure) => rmse[s][f] / rmse.pseudo[f];
console.log(`Samplers on ${REFERENCE}: ${R} replications × ${nok(N)} paths, capital at 67 (NOK); threads 1, exact percentiles`);
console.log(`Truth: mean = pensim project ${nok(exactMean)}; p5/p50/p95 = a sobol run of ${nok(TRUTH_PATHS)} paths (seed 1 000 000): ${nok(truth.p5)} / ${nok(truth.p50)} / ${nok(truth.p95)}\n`);
console.log(
  table(
    ['sampler', ...FIGURES.map((f) => `RMSE ${f}`), ...FIGURES.map((f) => `÷ pseudo ${f}`)],
    SAMPLERS.map((s) => [s, ...FIGURES.map((f) => nok(rmse[s][f])), ...FIGURES.map((f) => (f === 'mean' && ratio(s, f) < 0.1 ? `1/${Math.round(1 / ratio(s, f))}` : ratio(s, f).toFixed(2)))]),
  ),
);
console.log(`\nSpread (sd across replications): ${SAMPLERS.map((s) => `${s} ${FIGURES.map((f) => nok(spread[s][f])).join(' / ')}`).join('; ')}`);
const ok = ratio('sobol', 'mean') <= 1 / 20 && (['p5', 'p50', 'p95'] as const).every((f) => ratio('sobol', f) <= 0.58);
console.log(`Targets (sobol ÷ pseudo: mean <= 1/20, p5/p50/p95 <= 0.58): ${ok ? 'met' : 'NOT met'}`);
console.log(`${Math.round((performance.now() - started) / 1000)} s on ${machine().cpu}`);
