/**
 * simulateUs(scenario): compile a US scenario once and run its fixed chunks of 2 048 paths with
 * the US kernel, inline (simulateUs) or on a worker pool (simulateUsOnPool), keeping every path's
 * outputs at its fixed offset, so results do not depend on anything but the seed and the path
 * count, never on the thread count. The per-path values are kept (8 bytes a path a series) because
 * the paired comparison (engine/compare.ts) needs them path by path.
 */
import { runUsChunk } from '../kernel/run-us-chunk.js';
import { compileUsPlan } from '../plan/compile-us.js';
import { US_SERIES, usSeriesCount, type UsSeries, type UsSimulationPlan } from '../plan/us-simulation-plan.js';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { canonicalJson } from '../scenario/scenario-hash.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { UserError } from '../scenario/user-error.js';
import { chunkRanges, type ChunkRange } from './chunking.js';
import { runUsChunks } from './run-us-chunks.js';

export interface UsRun {
  scenario: UsScenario;
  plan: UsSimulationPlan;
  name: string | null;
  hash: string;
  paths: number;
  seed: number;
  /** Every path's value of each US series. */
  values: Record<UsSeries, Float64Array>;
  /** Account value at the start of every age, startAge..retirementAge: one array of paths per age. */
  capitalByAge: Float64Array[];
}

export interface UsRunOptions {
  paths?: number;
  seed?: number;
}

/** Inline on the calling thread (the library's synchronous entry point). */
export function simulateUs(scenario: UsScenario, options: UsRunOptions = {}): UsRun {
  const { plan, paths, seed } = setup(scenario, options);
  const all = allocate(plan, paths);
  for (const c of chunkRanges(paths)) place(all, c, runUsChunk({ plan, seed, chunk: c.chunk, paths: c.paths }).series);
  return finish(scenario, plan, paths, seed, all);
}

/**
 * On `threads` worker threads (default: the machine's available parallelism; 1 runs inline):
 * the same numbers as simulateUs, digit for digit, whatever the thread count. `signal` aborts.
 */
export async function simulateUsOnPool(scenario: UsScenario, options: UsRunOptions & { threads?: number; signal?: AbortSignal } = {}): Promise<UsRun> {
  const { plan, paths, seed } = setup(scenario, options);
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) throw new UserError([{ path: 'threads', message: `must be a whole number from 1 to 256; got ${threads}` }]);
  const all = allocate(plan, paths);
  await runUsChunks(plan, seed, chunkRanges(paths), threads, (c, series) => place(all, c, series), options.signal);
  return finish(scenario, plan, paths, seed, all);
}

function setup(scenario: UsScenario, options: UsRunOptions): { plan: UsSimulationPlan; paths: number; seed: number } {
  const paths = options.paths ?? scenario.simulation.paths;
  const seed = options.seed ?? scenario.simulation.seed;
  if (!Number.isInteger(paths) || paths < 1) throw new UserError([{ path: 'paths', message: `must be a whole number >= 1; got ${paths}` }]);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UserError([{ path: 'seed', message: `must be a whole number from 0 to 4294967295; got ${seed}` }]);
  return { plan: compileUsPlan(scenario), paths, seed };
}

function allocate(plan: UsSimulationPlan, paths: number): Float64Array[] {
  return Array.from({ length: usSeriesCount(plan) }, () => new Float64Array(paths));
}

/** A chunk's series (series-major) at its paths' offsets. */
function place(all: Float64Array[], c: ChunkRange, series: Float64Array): void {
  all.forEach((out, s) => out.set(series.subarray(s * c.paths, (s + 1) * c.paths), c.first));
}

function finish(scenario: UsScenario, plan: UsSimulationPlan, paths: number, seed: number, all: Float64Array[]): UsRun {
  // Amounts beyond double precision (an extreme volatility or return over a long horizon) are a user error, never printed.
  all.forEach((series, s) => {
    const name = s < US_SERIES.length ? US_SERIES[s]! : `capital at age ${plan.startAge + s - US_SERIES.length}`;
    if (name === 'stockWealthRelative' && !plan.stock) return;
    const p = series.findIndex((x) => !Number.isFinite(x));
    if (p >= 0) {
      throw new UserError([{ path: '', message: `${name} is ${series[p]} on path ${p}, not a finite number: the scenario's parameters take the simulation beyond double precision (e.g. an extreme volatility, return or pay growth over a long horizon); use more moderate parameters` }]);
    }
  });
  const values = Object.fromEntries(US_SERIES.map((name, i) => [name, all[i]!])) as Record<UsSeries, Float64Array>;
  return {
    scenario,
    plan,
    name: scenario.name ?? null,
    hash: `sha256:${createHash('sha256').update(canonicalJson(scenario)).digest('hex')}`,
    paths,
    seed,
    values,
    capitalByAge: all.slice(US_SERIES.length),
  };
}
