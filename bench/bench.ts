/**
 * npm run bench: pensim's layers on scenarios/bench-reference.json, each measured in this run,
 * printed as a table and written to bench/results.json with the machine, Node version and date.
 *
 *   uniform and normal generation (draws/s), the kernel on one thread (paths/s), aggregation
 *   (exact order statistics and the sketch, one series of 1e6 values; the engine's collector with
 *   every series of the reference scenario, i.e. headline percentiles and the fans), the whole run
 *   via simulate() on 1, 2 and all cores with the scaling efficiency t1 / (k·tk), the pool's
 *   start-up cost, and the CLI's start-up (`pensim --version` vs a 1 000-path run).
 *   Opt-in (slow): cost linearity time(10 M) / time(1 M) of `pensim run` on all cores.
 *
 * Environment:
 *   PENSIM_BENCH_PATHS      paths of the whole-run timings (default 1 000 000)
 *   PENSIM_BENCH_REPEATS    timed repetitions of each whole run (default 2; the median is reported)
 *   PENSIM_BENCH_LINEARITY  1 to also time `pensim run` at 1 M and 10 M paths (minutes)
 *   PENSIM_BENCH_MEMORY     1 to also measure peak RSS of 10 M-path Norwegian and US runs and of
 *                           `pensim compare` of two US plans at 1 M and 10 M paths (minutes)
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Bench, type Task } from 'tinybench';
import { summarizeChunk } from '../dist/src/engine/chunk-summary.js';
import { SeriesCollector } from '../dist/src/engine/collect-series.js';
import { norwayResult } from '../dist/src/result/norway-result.js';
import { seriesCount } from '../dist/src/plan/simulation-plan.js';
import { loadScenario } from '../dist/src/scenario/load-scenario.js';
import { simulate } from '../dist/src/engine/simulate.js';
import { runChunk } from '../dist/src/kernel/run-chunk.js';
import { compilePlan } from '../dist/src/plan/compile-plan.js';
import { chunkStream } from '../dist/src/random/chunk-stream.js';
import { NormalSource } from '../dist/src/random/normal-source.js';
import { LogBucketSketch } from '../dist/src/stats/log-bucket-sketch.js';
import { quantileSorted } from '../dist/src/stats/quantile-sorted.js';
import { CLI, REFERENCE, ROOT, machine, median, nok, rate, table, timeProcess, warnIfBusy, wholeNumber, OtherWork } from './common.js';

const CHUNK = 2048; // src/base/chunk-size.ts CHUNK_SIZE
const BLOCK = 100_000; // draws per timed call of the generator tasks
const N_VALUES = 1_000_000; // values per series in the aggregation tasks
const AGG_PATHS = 100 * CHUNK; // paths fed to the collector (every series of the reference scenario)
const PERCENTILES = [5, 10, 25, 50, 75, 90, 95];

const runPaths = wholeNumber('PENSIM_BENCH_PATHS', process.env.PENSIM_BENCH_PATHS, 1_000_000);
const repeats = wholeNumber('PENSIM_BENCH_REPEATS', process.env.PENSIM_BENCH_REPEATS, 2);
const linearity = process.env.PENSIM_BENCH_LINEARITY === '1';
const allCores = availableParallelism();

const info = machine();
console.log(`pensim ${info.pensim} benchmarks on ${REFERENCE}`);
console.log(`${info.cpu}, ${info.cores} cores, Node ${info.node}, ${info.date}, load average ${info.loadAverageAtStart.toFixed(2)}\n`);
warnIfBusy();
const otherWork = new OtherWork();

const scenario = await loadScenario(`${ROOT}/${REFERENCE}`);
const plan = compilePlan(scenario);
const seed = scenario.simulation.seed;

interface Row {
  layer: string;
  value: number;
  unit: string;
  detail: string;
}
const rows: Row[] = [];
const add = (layer: string, value: number, unit: string, detail = '') => {
  rows.push({ layer, value, unit, detail });
  console.log(`  ${layer}: ${unit === 'ms' || unit === 'x' || unit === '%' || unit === 's' ? value.toFixed(unit === 'ms' ? 1 : 2) : rate(value)} ${unit}${detail ? `  (${detail})` : ''}`);
};

/** Median latency of a finished tinybench task, in ms. */
function p50(task: Task | undefined): number {
  const r = task?.result;
  if (!r || !('latency' in r)) throw new Error(`benchmark ${task?.name} did not complete: ${JSON.stringify(r)}`);
  return r.latency.p50;
}

// --- 1. generators, kernel, per-series aggregation (tinybench, ~1 s each) --------------------
console.log('layers (tinybench, median of the samples):');
const micro = new Bench({ time: 1000, iterations: 10, warmupTime: 200, warmupIterations: 3, throws: true });

const uniform = chunkStream(seed, 0, 'market');
let sink = 0;
micro.add('uniform', () => {
  let s = 0;
  for (let i = 0; i < BLOCK; i++) s += uniform();
  sink += s;
});
const int32Stream = chunkStream(seed, 1, 'market') as unknown as { int32?: () => number };
const hasInt32 = typeof int32Stream.int32 === 'function';
if (hasInt32) {
  const int32 = int32Stream as { int32: () => number };
  micro.add('uniform int32', () => {
    let s = 0;
    for (let i = 0; i < BLOCK; i++) s ^= int32.int32();
    sink += s;
  });
}
const normal = new NormalSource(chunkStream(seed, 2, 'market'));
micro.add('normal', () => {
  let s = 0;
  for (let i = 0; i < BLOCK; i++) s += normal.next();
  sink += s;
});
let kernelChunk = 0;
// The kernel gets a longer budget (~3 s, some 300 chunks): the issue's targets rest on it.
const kernelBench = new Bench({ time: 3000, iterations: 10, warmupTime: 300, warmupIterations: 3, throws: true });
kernelBench.add('kernel', () => {
  sink += runChunk({ plan, seed, chunk: kernelChunk++, paths: CHUNK }).series[0]!;
});

// One series of 1e6 capital-like values (lognormal), as the collector sees them.
const values = new Float64Array(N_VALUES);
{
  const z = new NormalSource(chunkStream(seed, 3, 'market'));
  for (let i = 0; i < N_VALUES; i++) values[i] = 9e6 * Math.exp(0.35 * z.next());
}
micro.add('exact percentiles', () => {
  const sorted = Float64Array.from(values).sort();
  for (const q of PERCENTILES) sink += quantileSorted(sorted, q / 100);
});
micro.add('sketch percentiles', () => {
  const sk = new LogBucketSketch();
  for (let i = 0; i < N_VALUES; i++) sk.add(values[i]!);
  for (const q of PERCENTILES) sink += sk.quantile(q / 100);
});
await micro.run();
await kernelBench.run();

add('uniform: chunkStream() (xor4096, float)', BLOCK / (p50(micro.getTask('uniform')) / 1000), 'draws/s');
if (hasInt32) add('uniform: chunkStream().int32()', BLOCK / (p50(micro.getTask('uniform int32')) / 1000), 'draws/s');
add('normal: NormalSource.next()', BLOCK / (p50(micro.getTask('normal')) / 1000), 'draws/s');
const kernelRate = CHUNK / (p50(kernelBench.getTask('kernel')) / 1000);
const drawsPerPath = plan.nYears * plan.nAssets;
add('kernel: runChunk, 1 thread', kernelRate, 'paths/s', `${drawsPerPath} normals a path = ${rate(kernelRate * drawsPerPath)} normals/s`);
const exactMs = p50(micro.getTask('exact percentiles'));
const sketchMs = p50(micro.getTask('sketch percentiles'));
add('aggregation: exact, 1 series of 1e6 (sort + 7 percentiles)', exactMs, 'ms', `${rate(N_VALUES / (exactMs / 1000))} values/s`);
add('aggregation: sketch, 1 series of 1e6 (add + 7 percentiles)', sketchMs, 'ms', `${rate(N_VALUES / (sketchMs / 1000))} values/s`);

// --- 2. the collector: every series of the reference scenario (headline metrics and fans) -----
// The chunk outputs live only inside this function, so they are garbage before the whole runs.
const collectorMs = await (async () => {
  const outputs = Array.from({ length: AGG_PATHS / CHUNK }, (_, c) => runChunk({ plan, seed, chunk: c, paths: CHUNK }).series);
  const bench = new Bench({ time: 0, iterations: 3, warmupIterations: 1, warmupTime: 0, throws: true });
  for (const method of ['exact', 'sketch'] as const) {
    bench.add(method, () => {
      // What a worker does per chunk (summarizeChunk) and the coordinator per run (addSummary, result), on one thread.
      const collector = new SeriesCollector(seriesCount(plan), AGG_PATHS, method);
      outputs.forEach((o, c) => collector.addSummary(c, CHUNK, summarizeChunk(seriesCount(plan), undefined, o, CHUNK, collector.sketchSet), o));
      const r = norwayResult(collector, plan, scenario, { pensim: info.pensim, scenario: { name: null, hash: '' }, seed, sampler: 'pseudo' });
      sink += r.metrics.capitalAtRetirement.mean;
    });
  }
  await bench.run();
  return { exact: p50(bench.getTask('exact')), sketch: p50(bench.getTask('sketch')), series: outputs[0]!.length / CHUNK };
})();
const nSeries = collectorMs.series;
const collectorRate: Record<string, number> = {};
for (const method of ['exact', 'sketch'] as const) {
  const ms = collectorMs[method];
  collectorRate[method] = AGG_PATHS / (ms / 1000);
  add(`aggregation: collector, ${method} (${nSeries} series: metrics + fans)`, collectorRate[method], 'paths/s', `${nok(AGG_PATHS)} paths in ${ms.toFixed(0)} ms`);
}

// --- 3. the whole run via simulate(): 1, 2 and all cores -------------------------------------
console.log(`\nwhole run, simulate(), ${nok(runPaths)} paths, median of ${repeats}:`);
const timeSimulate = async (paths: number, threads: number, times: number) => {
  const ms: number[] = [];
  let method = '';
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const r = await simulate(scenario, { paths, threads });
    ms.push(performance.now() - started);
    method = (r as { percentileMethod?: string }).percentileMethod ?? 'exact';
  }
  return { ms: median(ms), samples: ms, method };
};
const threadCounts = [...new Set([1, 2, allCores])];
const whole: Record<number, { ms: number; samples: number[]; method: string }> = {};
for (const t of threadCounts) {
  whole[t] = await timeSimulate(runPaths, t, repeats);
  const label = t === allCores ? `${t} threads (all cores)` : `${t} thread${t > 1 ? 's' : ''}`;
  add(`simulate, ${label}`, runPaths / (whole[t].ms / 1000), 'paths/s', `${(whole[t].ms / 1000).toFixed(2)} s, percentiles: ${whole[t].method}`);
}
const t1 = whole[1]!.ms;
const efficiency: Record<number, number> = {};
for (const t of threadCounts.filter((k) => k > 1)) {
  efficiency[t] = t1 / (t * whole[t]!.ms);
  add(`scaling efficiency, ${t} threads: t1 / (${t}·t${t})`, 100 * efficiency[t], '%', 'target >= 85 % at 2 threads');
}

// Pool start-up: the same two chunks on a 2-thread pool and inline.
const poolBench = new Bench({ time: 0, iterations: 9, warmupIterations: 2, warmupTime: 0, throws: true });
poolBench.add('pool', async () => void (await simulate(scenario, { paths: 2 * CHUNK, threads: 2 })));
poolBench.add('inline', async () => void (await simulate(scenario, { paths: 2 * CHUNK, threads: 1 })));
await poolBench.run();
const poolMs = p50(poolBench.getTask('pool'));
const inlineMs = p50(poolBench.getTask('inline'));
add('pool start-up: simulate 4 096 paths, 2 threads − inline', poolMs - inlineMs, 'ms', `${poolMs.toFixed(1)} − ${inlineMs.toFixed(1)} ms`);

// --- 4. the CLI: start-up, and (opt-in) cost linearity -----------------------------------------
console.log('\nthe CLI (whole process, median of 10, interleaved):');
const versionMs: number[] = [];
const smallMs: number[] = [];
timeProcess('node', [CLI, '--version']); // warm the file cache
for (let i = 0; i < 10; i++) {
  versionMs.push(timeProcess('node', [CLI, '--version']).ms);
  smallMs.push(timeProcess('node', [CLI, 'run', REFERENCE, '--paths', '1000', '--quiet']).ms);
}
const versionTime = median(versionMs);
const smallTime = median(smallMs);
add('pensim --version', versionTime, 'ms');
add('pensim run --paths 1000 --quiet (table)', smallTime, 'ms');
add('start-up ratio: run 1 000 / --version', smallTime / versionTime, 'x', 'target <= 1.3');

let linear: { ms1M: number; ms10M: number; ratio: number; rss1M: number | null; rss10M: number | null } | null = null;
if (linearity) {
  const cli = (paths: number) => timeProcess('node', [CLI, 'run', REFERENCE, '--paths', String(paths), '--format', 'json', '--quiet'], { rusage: true });
  const one = cli(1_000_000);
  const ten = cli(10_000_000);
  linear = { ms1M: one.ms, ms10M: ten.ms, ratio: ten.ms / one.ms, rss1M: one.peakRssMb, rss10M: ten.peakRssMb };
  add('pensim run 1 M paths, all cores', one.ms / 1000, 's', `peak RSS ${one.peakRssMb?.toFixed(0) ?? 'n/a'} MB`);
  add('pensim run 10 M paths, all cores', ten.ms / 1000, 's', `peak RSS ${ten.peakRssMb?.toFixed(0) ?? 'n/a'} MB`);
  add('linearity: time(10 M) / time(1 M)', linear.ratio, 'x', 'target <= 11');
} else {
  console.log('  (cost linearity 10 M / 1 M skipped: set PENSIM_BENCH_LINEARITY=1, it takes minutes)');
}

// --- 5. memory of every plan kind, and the small default run (opt-in: minutes) ----------------
let memory: Record<string, { s: number; peakRssMb: number | null }> | null = null;
if (process.env.PENSIM_BENCH_MEMORY === '1') {
  console.log('\nmemory and small runs (whole process, peak RSS from getrusage):');
  memory = {};
  const cases: [string, string[]][] = [
    ['run Norwegian (bench-reference), 10 M paths, full fan', ['run', REFERENCE, '--paths', '10000000', '--format', 'json', '--quiet']],
    ['run US (ksop-concentrated), 10 M paths, full fan', ['run', 'scenarios/ksop-concentrated.json', '--paths', '10000000', '--format', 'json', '--quiet']],
    ['compare KSOP vs 401(k), 1 M paths', ['compare', 'scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json', '--paths', '1000000', '--format', 'json', '--quiet']],
    ['compare KSOP vs 401(k), 10 M paths', ['compare', 'scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json', '--paths', '10000000', '--format', 'json', '--quiet']],
    ['run scenarios/default.json (20 000 paths, table)', ['run', 'scenarios/default.json', '--quiet']],
  ];
  for (const [name, args] of cases) {
    const r = timeProcess('node', [CLI, ...args], { rusage: true });
    memory[name] = { s: r.ms / 1000, peakRssMb: r.peakRssMb };
    add(name, r.ms / 1000, 's', `peak RSS ${r.peakRssMb?.toFixed(0) ?? 'n/a'} MB`);
  }
} else {
  console.log('  (memory of 10 M-path runs and compares skipped: set PENSIM_BENCH_MEMORY=1, it takes minutes)');
}

// --- report -----------------------------------------------------------------------------------
const show = (r: Row) => (r.unit === 'ms' ? r.value.toFixed(1) : r.unit === 'x' || r.unit === '%' || r.unit === 's' ? r.value.toFixed(2) : rate(r.value));
console.log(`\n${table(['benchmark', 'figure', 'unit', 'detail'], rows.map((r) => [r.layer, show(r), r.unit, r.detail]))}`);

const otherCores = otherWork.report();
const results = {
  machine: { ...info, otherProcessesCores: otherCores },
  scenario: REFERENCE,
  settings: { runPaths, repeats, chunk: CHUNK, aggregationPaths: AGG_PATHS, valuesPerSeries: N_VALUES, linearity },
  generators: {
    uniformDrawsPerS: BLOCK / (p50(micro.getTask('uniform')) / 1000),
    uniformInt32DrawsPerS: hasInt32 ? BLOCK / (p50(micro.getTask('uniform int32')) / 1000) : null,
    normalDrawsPerS: BLOCK / (p50(micro.getTask('normal')) / 1000),
  },
  kernel: { pathsPerS: kernelRate, normalsPerPath: drawsPerPath },
  aggregation: {
    exactSeriesMs: exactMs,
    sketchSeriesMs: sketchMs,
    collectorPathsPerS: collectorRate,
    collectorSeries: nSeries,
  },
  wholeRun: {
    paths: runPaths,
    byThreads: Object.fromEntries(threadCounts.map((t) => [t, { ...whole[t], pathsPerS: runPaths / (whole[t]!.ms / 1000) }])),
    scalingEfficiency: efficiency,
  },
  pool: { startupMs: poolMs - inlineMs, poolMs, inlineMs },
  cli: { versionMs: versionTime, run1000Ms: smallTime, ratio: smallTime / versionTime, versionSamples: versionMs, run1000Samples: smallMs },
  linearity: linear,
  memory,
  table: rows,
};
writeFileSync(`${ROOT}/bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: bench/results.json${sink === 42 ? ' ' : ''}`);
