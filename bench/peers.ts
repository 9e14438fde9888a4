/**
 * npm run bench:peers [-- --paths N] [--seed S] [--kernel-paths N] [--numpy-threads T] [--json FILE]
 *
 * pensim against its numpy peer (bench/peers/numpy_model.py, the same model vectorised over paths)
 * in one run, at the same number of paths, on scenarios/bench-reference.json:
 *   (a) pensim's single-thread kernel (runChunk over whole chunks, no aggregation) vs numpy's paths/s;
 *   (b) `pensim run` end to end on all cores (whole process: start-up, scenario, pool, kernel,
 *       percentiles, JSON) vs numpy's paths/s;
 * and checks that the two give the same median, 5th and 95th percentile of the capital at 67 within
 * sampling error, so that the throughputs compare equal work. Exits 1 if they disagree.
 *
 * numpy's seconds are its own timing of simulation + percentiles, excluding the interpreter and
 * numpy start-up (reported separately): that favours numpy in (b).
 * Paths: --paths, else PENSIM_PEERS_PATHS, else 1 000 000.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadScenario } from '../dist/src/scenario/load-scenario.js';
import { runChunk } from '../dist/src/kernel/run-chunk.js';
import { compilePlan } from '../dist/src/plan/compile-plan.js';
import { seriesCount } from '../dist/src/plan/simulation-plan.js';
import {
  AGREEMENT_SE,
  CLI,
  REFERENCE,
  SKETCH_RELATIVE_ERROR,
  ROOT,
  agreement,
  machine,
  median,
  nok,
  printAgreement,
  rate,
  table,
  timeProcess,
  warnIfBusy,
  wholeNumber,
  OtherWork,
  type NumpyResult,
} from './common.js';

/** Paths per chunk of the engine (src/base/chunk-size.ts CHUNK_SIZE): the kernel runs whole chunks. */
const CHUNK = 2048;
/** Throughput targets (ratios to numpy's paths/s). */
const KERNEL_TARGET = 1.5;
const END_TO_END_TARGET = 2.5;

const { values: flags } = parseArgs({
  options: {
    paths: { type: 'string' },
    seed: { type: 'string' },
    'kernel-paths': { type: 'string' },
    'numpy-threads': { type: 'string' },
    json: { type: 'string' },
  },
});
const paths = wholeNumber('--paths', flags.paths ?? process.env.PENSIM_PEERS_PATHS, 1_000_000);
/** numpy's seed; pensim runs the scenario's seed (1). Different generators: independent samples. */
const numpySeed = wholeNumber('--seed', flags.seed, 2026);
const kernelPaths = wholeNumber('--kernel-paths', flags['kernel-paths'], 400 * CHUNK);
const numpyThreads = flags['numpy-threads'];

const info = machine();
console.log(`pensim ${info.pensim} vs numpy on ${REFERENCE}: ${nok(paths)} paths`);
console.log(`${info.cpu}, ${info.cores} cores, Node ${info.node}, ${info.date}, load average ${info.loadAverageAtStart.toFixed(2)}\n`);
warnIfBusy();
const otherWork = new OtherWork();

// numpy: as a quant would run it (BLAS threads as numpy sets them), unless --numpy-threads is given.
const threadEnv =
  numpyThreads === undefined
    ? {}
    : { OPENBLAS_NUM_THREADS: numpyThreads, OMP_NUM_THREADS: numpyThreads, MKL_NUM_THREADS: numpyThreads };
process.stdout.write('numpy peer … ');
let np: ReturnType<typeof timeProcess>;
try {
  np = timeProcess('python3', ['bench/peers/numpy_model.py', '--paths', String(paths), '--seed', String(numpySeed)], {
    rusage: true,
    env: threadEnv,
  });
} catch (e) {
  console.error(`\nthe numpy peer failed: it needs python3 with numpy (e.g. pip install numpy).\n${(e as Error).message}`);
  process.exit(1);
}
const numpy = JSON.parse(np.stdout) as NumpyResult & { seconds_simulation: number; seconds_percentiles: number };
console.log(`${numpy.seconds.toFixed(2)} s`);

// (a) the kernel on one thread: whole chunks, after a warm-up, median of three timings.
process.stdout.write('pensim kernel, 1 thread … ');
const scenario = await loadScenario(`${ROOT}/${REFERENCE}`);
const plan = compilePlan(scenario);
const seed = scenario.simulation.seed;
const chunks = Math.max(1, Math.round(kernelPaths / CHUNK));
// One output buffer reused from chunk to chunk, as the engine's workers do (engine/chunk-job.ts).
const out = new Float64Array(seriesCount(plan) * CHUNK);
for (let c = 0; c < 20; c++) runChunk({ plan, seed, chunk: c, paths: CHUNK, out });
const kernelRates: number[] = [];
for (let rep = 0; rep < 3; rep++) {
  const started = performance.now();
  for (let c = 0; c < chunks; c++) runChunk({ plan, seed, chunk: rep * chunks + c, paths: CHUNK, out });
  kernelRates.push((chunks * CHUNK) / ((performance.now() - started) / 1000));
}
const kernel = median(kernelRates);
console.log(`${rate(kernel)} paths/s`);

// (b) pensim run end to end, all cores.
process.stdout.write('pensim run, all cores … ');
const run = timeProcess('node', [CLI, 'run', REFERENCE, '--paths', String(paths), '--format', 'json', '--quiet'], { rusage: true });
const result = JSON.parse(run.stdout) as {
  paths: number;
  percentileMethod?: string;
  metrics: { capitalAtRetirement: { mean: number; stderr: number; percentiles: Record<string, number> } };
};
const endToEnd = paths / (run.ms / 1000);
console.log(`${(run.ms / 1000).toFixed(2)} s\n`);

const rows = [
  ['numpy (simulation + percentiles, in-process)', rate(numpy.paths_per_s), '1', ''],
  ['(a) pensim kernel, 1 thread', rate(kernel), (kernel / numpy.paths_per_s).toFixed(2), `>= ${KERNEL_TARGET}`],
  ['(b) pensim run, all cores, whole process', rate(endToEnd), (endToEnd / numpy.paths_per_s).toFixed(2), `>= ${END_TO_END_TARGET}`],
];
console.log(table(['throughput', 'paths/s', 'x numpy', 'target'], rows));
const cpu = (t: { cpuSeconds: number | null; ms: number }) =>
  t.cpuSeconds === null ? 'n/a' : `${t.cpuSeconds.toFixed(1)} s CPU in ${(t.ms / 1000).toFixed(1)} s wall`;
const rss = (t: { peakRssMb: number | null }) => (t.peakRssMb === null ? 'n/a' : `${Math.round(t.peakRssMb)} MB`);
console.log(
  `\nnumpy ${numpy.numpy} (Python ${numpy.python}${numpyThreads === undefined ? '' : `, ${numpyThreads} BLAS thread(s)`}): ` +
    `simulation ${numpy.seconds_simulation.toFixed(2)} s + percentiles ${numpy.seconds_percentiles.toFixed(2)} s; ` +
    `whole process ${cpu(np)} (start-up, warm-up and the density estimate included), peak RSS ${rss(np)}`,
);
console.log(`pensim run: whole process ${cpu(run)}, peak RSS ${rss(run)}\n`);

const sketch = result.percentileMethod === 'sketch';
const agree = agreement(result.metrics.capitalAtRetirement.percentiles, result.paths, numpy, sketch);
printAgreement(agree);
console.log(
  `SE of a sample quantile: √(q(1−q)/n) / f(x_q), f from a kernel density estimate on numpy's samples; ` +
    `tolerance 4 SE of the difference${sketch ? ` + ${100 * SKETCH_RELATIVE_ERROR} % (pensim's percentiles came from its sketch)` : ''}.`,
);

// Both means against the exact expectation: the model is linear in independent yearly gross
// returns with mean 1 + E, so E[capital at 67] is the deterministic ledger at expected returns.
const ledger = JSON.parse(timeProcess('node', [CLI, 'project', REFERENCE, '--format', 'json']).stdout) as {
  rows: { age: number; phase: string; capitalStart: number }[];
};
const expected = ledger.rows.find((r) => r.phase === 'payout')?.capitalStart;
if (expected === undefined) throw new Error('pensim project printed no payout year');
const means = [
  ['pensim', result.metrics.capitalAtRetirement.mean, result.metrics.capitalAtRetirement.stderr],
  ['numpy', numpy.meanCapitalAtRetirement, numpy.stderrMeanCapitalAtRetirement],
] as const;
const meanRows = means.map(([who, m, se]) => ({ who, m, se, z: (m - expected) / se }));
console.log(
  `\n${table(
    ['mean capital at 67', 'mean', 'exact E (ledger)', 'SE', 'z', 'agree'],
    meanRows.map((r) => [r.who, nok(r.m), nok(expected), nok(r.se), r.z.toFixed(2), Math.abs(r.z) <= AGREEMENT_SE ? 'yes' : 'NO']),
  )}`,
);
const ok = agree.every((r) => r.ok) && meanRows.every((r) => Math.abs(r.z) <= AGREEMENT_SE);
console.log(
  ok
    ? '\npensim and numpy agree within sampling error: the throughputs compare equal work.'
    : '\nDISAGREEMENT beyond 4 standard errors (see above): the ratios above may not compare equal work.',
);

const otherCores = otherWork.report();
if (flags.json !== undefined) {
  const out = {
    machine: { ...info, otherProcessesCores: otherCores },
    paths,
    numpy: { ...numpy, wallMs: np.ms, cpuSeconds: np.cpuSeconds, peakRssMb: np.peakRssMb, blasThreads: numpyThreads ?? 'default' },
    kernel: { pathsPerS: kernel, samples: kernelRates, chunks, ratioToNumpy: kernel / numpy.paths_per_s },
    endToEnd: {
      pathsPerS: endToEnd,
      wallMs: run.ms,
      cpuSeconds: run.cpuSeconds,
      peakRssMb: run.peakRssMb,
      ratioToNumpy: endToEnd / numpy.paths_per_s,
    },
    percentileMethod: result.percentileMethod ?? 'exact',
    agreement: agree,
    means: { expected, rows: meanRows },
  };
  writeFileSync(flags.json, `${JSON.stringify(out, null, 2)}\n`);
}
process.exitCode = ok ? 0 : 1;
