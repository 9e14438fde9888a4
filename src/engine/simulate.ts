/**
 * simulate(scenario): compile once, run the fixed chunks (inline or on a pool), gather them by
 * chunk index, and summarise. The thread count changes only the speed, never a digit.
 */
import { availableParallelism } from 'node:os';
import { compilePlan } from '../plan/compile-plan.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioHash } from '../scenario/scenario-hash.js';
import { UserError, type Problem } from '../scenario/user-error.js';
import { VERSION } from '../version.js';
import { seriesCount } from '../plan/simulation-plan.js';
import { chunkRanges, type ChunkRange } from './chunking.js';
import { SeriesCollector, type PercentileMethod } from './collect-series.js';
import { collectorSink } from './collector-sink.js';
import { finiteResult } from './finite-result.js';
import { checkRunSize } from './limits.js';
import { runChunks } from './run-chunks.js';
import type { SimulationResult } from './simulation-result.js';

/** 'auto' keeps exact percentiles up to this many paths, then uses the sketch (bounded memory). */
export const AUTO_EXACT_MAX_PATHS = 100_000;

export interface SimulateOptions {
  /** Overrides scenario.simulation.paths. */
  paths?: number;
  /** Overrides scenario.simulation.seed. */
  seed?: number;
  /** Worker threads; default: the machine's available parallelism. 1 runs inline. */
  threads?: number;
  /** Overrides scenario.simulation.percentileMethod. */
  percentileMethod?: 'auto' | PercentileMethod;
  /** Called after each chunk with the paths done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Called with each chunk's per-path series (see kernel/run-chunk.ts for the layout), in any chunk order. Workers then send their raw series back, which costs some speed. */
  onChunk?: (first: number, paths: number, series: Float64Array) => void;
  /** Aborts the run: workers are terminated and simulate rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Lifts the resource limits of engine/limits.ts (paths × years, exact-percentile memory). */
  allowLarge?: boolean;
}

export interface RunSetup {
  scenario: Scenario;
  paths: number;
  seed: number;
  threads: number;
  method: PercentileMethod;
  signal?: AbortSignal;
  allowLarge?: boolean;
}

export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<SimulationResult> {
  const setup = resolveSetup(scenario, options);
  const collector = await collect(setup, chunkRanges(setup.paths), options.onProgress, options.onChunk);
  return finiteResult(collector.result(scenario, resultMeta(setup)));
}

/** Paths, seed, threads and percentile method after options override the scenario; checked. */
export function resolveSetup(scenario: Scenario, options: SimulateOptions): RunSetup {
  const paths = options.paths ?? scenario.simulation.paths;
  const seed = options.seed ?? scenario.simulation.seed;
  const threads = options.threads ?? availableParallelism();
  const problems: Problem[] = [];
  if (!Number.isInteger(paths) || paths < 1) problems.push({ path: 'paths', message: `must be a whole number >= 1; got ${paths}` });
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    problems.push({ path: 'seed', message: `must be a whole number from 0 to 4294967295; got ${seed}` });
  }
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    problems.push({ path: 'threads', message: `must be a whole number from 1 to 256; got ${threads}` });
  }
  if (problems.length > 0) throw new UserError(problems);
  const wanted = options.percentileMethod ?? scenario.simulation.percentileMethod;
  const method = wanted === 'auto' ? (paths <= AUTO_EXACT_MAX_PATHS ? 'exact' : 'sketch') : wanted;
  return { scenario, paths, seed, threads, method, signal: options.signal, allowLarge: options.allowLarge };
}

/** Run the given chunks into a collector for the whole path count. */
export async function collect(
  setup: RunSetup,
  chunks: ReturnType<typeof chunkRanges>,
  onProgress?: (done: number, total: number) => void,
  onChunk?: SimulateOptions['onChunk'],
): Promise<SeriesCollector> {
  const plan = compilePlan(setup.scenario);
  checkRunSize({ paths: setup.paths, years: plan.nYears, series: seriesCount(plan), method: setup.method }, setup.allowLarge);
  const collector = new SeriesCollector(plan, setup.paths, setup.method, setup.scenario.simulation.targetReplacementRatio);
  const total = chunks.reduce((n, c) => n + c.paths, 0);
  let done = 0;
  const recorded = (c: ChunkRange) => {
    done += c.paths;
    onProgress?.(done, total);
  };
  await runChunks(plan, setup.seed, chunks, setup.threads, collectorSink(collector, { onChunk, recorded }), setup.signal);
  return collector;
}

export function resultMeta(setup: RunSetup): Pick<SimulationResult, 'pensim' | 'scenario' | 'seed'> {
  return {
    pensim: VERSION,
    scenario: { name: setup.scenario.name ?? null, hash: scenarioHash(setup.scenario) },
    seed: setup.seed,
  };
}
