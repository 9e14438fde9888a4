/**
 * simulate(scenario): compile once, run the fixed chunks (inline or on a pool) where each chunk is
 * priced by the plan kind's pricer and reduced where it ran, gather the summaries by chunk index,
 * and read the result off them. One engine for every plan kind: Norwegian scenarios give a
 * SimulationResult, US ones a UsRunResult. The thread count changes only the speed, never a digit.
 */
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { compileAny, planYears, type AnyScenario, type CompiledPlan } from '../plan/compiled-plan.js';
import { jobBlocks, jobSeriesCount, jobSketchAliases } from './chunk-job.js';
import { runJob } from './run-job.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioHash } from '../base/scenario-hash.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { UserError, type Problem } from '../base/user-error.js';
import { randomizedBlocks } from '../random/randomized-blocks.js';
import { VERSION } from '../version.js';
import { chunkRanges, type ChunkRange } from './chunking.js';
import { SeriesCollector, type PercentileMethod } from './collect-series.js';
import { collectorSink } from './collector-sink.js';
import { finiteResult } from '../result/finite-result.js';
import { checkRunSize } from './limits.js';
import { norwayResult } from '../result/norway-result.js';
import { runChunks } from './run-chunks.js';
import type { SimulationResult } from '../result/simulation-result.js';
import { usResult, type UsRunResult } from '../result/us-result.js';

/** 'auto' keeps exact percentiles up to this many paths, then uses the sketch (bounded memory). */
export const AUTO_EXACT_MAX_PATHS = 100_000;

export type AnyResult = SimulationResult | UsRunResult;

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
  /** Called with each chunk's per-path series (the pricer's layout: kernel/run-chunk.ts, kernel/run-us-chunk.ts), in any chunk order. Workers then send their raw series back, which costs some speed. */
  onChunk?: (first: number, paths: number, series: Float64Array) => void;
  /** Aborts the run: workers are terminated and simulate rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Lifts the resource limits of engine/limits.ts (paths × years, exact-percentile memory). */
  allowLarge?: boolean;
  /** A worker pool shared by many runs (engine/worker-pool.ts createSharedPool); else each run makes its own. */
  pool?: Piscina;
}

export interface RunSetup {
  scenario: AnyScenario;
  paths: number;
  seed: number;
  threads: number;
  method: PercentileMethod;
  signal?: AbortSignal;
  allowLarge?: boolean;
  pool?: Piscina;
}

export function simulate(scenario: Scenario, options?: SimulateOptions): Promise<SimulationResult>;
export function simulate(scenario: UsScenario, options?: SimulateOptions): Promise<UsRunResult>;
export function simulate(scenario: AnyScenario, options?: SimulateOptions): Promise<AnyResult>;
export async function simulate(scenario: AnyScenario, options: SimulateOptions = {}): Promise<AnyResult> {
  const setup = resolveSetup(scenario, options);
  const { plan, collector } = await collect(setup, chunkRanges(setup.paths), options.onProgress, options.onChunk);
  return buildResult(plan, collector, setup);
}

/** Paths, seed, threads and percentile method after options override the scenario; checked. */
export function resolveSetup(scenario: AnyScenario, options: SimulateOptions): RunSetup {
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
  problems.push(...blockPathProblems(scenario, paths));
  if (problems.length > 0) throw new UserError(problems);
  const wanted = options.percentileMethod ?? scenario.simulation.percentileMethod;
  const method = wanted === 'auto' ? (paths <= AUTO_EXACT_MAX_PATHS ? 'exact' : 'sketch') : wanted;
  return { scenario, paths, seed, threads, method, signal: options.signal, allowLarge: options.allowLarge, ...(options.pool && { pool: options.pool }) };
}

/**
 * Under sobol and antithetic every randomized block needs a path (a pair) at least, for its
 * interval (random/randomized-blocks.ts): a run of fewer paths is refused, naming R.
 */
export function blockPathProblems(scenario: AnyScenario, paths: number): Problem[] {
  const { sampler, randomizations } = scenario.simulation;
  const blocks = randomizedBlocks(sampler, randomizations);
  if (blocks.count === 1 || !Number.isInteger(paths) || paths >= blocks.count * blocks.unit) return [];
  const least = `${blocks.count * blocks.unit} paths${blocks.unit === 2 ? ` (${blocks.count} pairs)` : ''}`;
  return [{ path: 'paths', message: `the ${sampler} sampler splits the paths into ${blocks.count} independent randomizations (simulation.randomizations), each needing one ${blocks.unit === 2 ? 'pair' : 'path'} at least for the intervals: run at least ${least}; got ${paths}` }];
}

/** A collector for the whole run of a compiled plan, its size checked against the limits. */
export function runCollector(setup: RunSetup, plan: CompiledPlan): SeriesCollector {
  const job = runJob(plan, setup.scenario);
  const nSeries = jobSeriesCount(job);
  checkRunSize({ paths: setup.paths, years: planYears(plan), series: nSeries, method: setup.method }, setup.allowLarge);
  return new SeriesCollector(nSeries, setup.paths, setup.method, jobBlocks(job), jobSketchAliases(job));
}

/** Run the given chunks into a collector for the whole path count. */
export async function collect(
  setup: RunSetup,
  chunks: readonly ChunkRange[],
  onProgress?: (done: number, total: number) => void,
  onChunk?: SimulateOptions['onChunk'],
): Promise<{ plan: CompiledPlan; collector: SeriesCollector }> {
  const plan = compileAny(setup.scenario);
  const collector = runCollector(setup, plan);
  const total = chunks.reduce((n, c) => n + c.paths, 0);
  let done = 0;
  const recorded = (c: ChunkRange) => {
    done += c.paths;
    onProgress?.(done, total);
  };
  const job = runJob(plan, setup.scenario);
  await runChunks(job, setup.seed, chunks, setup.threads, collectorSink(collector, { onChunk, recorded }), setup.signal, setup.pool);
  return { plan, collector };
}

/** The result of the plan's kind, every number checked finite. */
export function buildResult(plan: CompiledPlan, collector: SeriesCollector, setup: Pick<RunSetup, 'scenario' | 'seed'>): AnyResult {
  const meta = resultMeta(setup);
  return finiteResult(
    plan.kind === 'us'
      ? usResult(collector, plan.plan, setup.scenario as UsScenario, meta)
      : norwayResult(collector, plan.plan, setup.scenario as Scenario, meta),
  );
}

export function resultMeta(setup: Pick<RunSetup, 'scenario' | 'seed'>): Pick<SimulationResult, 'pensim' | 'scenario' | 'seed' | 'sampler'> {
  return {
    pensim: VERSION,
    scenario: { name: setup.scenario.name ?? null, hash: scenarioHash(setup.scenario) },
    seed: setup.seed,
    sampler: setup.scenario.simulation.sampler,
  };
}
