/**
 * The year-by-year ledger of one path exactly as a run simulated it: the path's chunk is run with
 * the run's seed (so every draw is the same) and the kernel reports that path's years.
 */
import { runChunk, type TraceYear } from '../kernel/run-chunk.js';
import { compilePlan } from '../plan/compile-plan.js';
import { SCALAR_SERIES } from '../plan/simulation-plan.js';
import type { Scenario } from '../scenario/schema.js';
import { UserError } from '../scenario/user-error.js';
import { chunkRanges, CHUNK_SIZE } from './chunking.js';

export interface PathTrace {
  path: number;
  seed: number;
  /** regimeName: the year's regime under regime switching (TraceYear.regime is its index). */
  rows: (TraceYear & { year: number; age: number; phase: 'saving' | 'deferral' | 'payout'; regimeName?: string })[];
  /** The run's per-path outputs for this path (the same numbers `pensim run --per-path` writes). */
  outputs: Record<(typeof SCALAR_SERIES)[number], number>;
}

export function tracePath(scenario: Scenario, path: number, options: { seed?: number; paths?: number } = {}): PathTrace {
  const seed = options.seed ?? scenario.simulation.seed;
  const paths = options.paths ?? scenario.simulation.paths;
  if (!Number.isInteger(path) || path < 0 || path >= paths) {
    throw new UserError([{ path: '--path', message: `must be a path number from 0 to ${paths - 1} (the run has ${paths} paths); got ${path}` }]);
  }
  const plan = compilePlan(scenario);
  const chunk = chunkRanges(paths)[Math.floor(path / CHUNK_SIZE)]!;
  const rows: PathTrace['rows'] = [];
  const p = path - chunk.first;
  const { series } = runChunk({ plan, seed, chunk: chunk.chunk, paths: chunk.paths }, {
    path: p,
    year: (t) =>
      rows.push({
        ...t,
        year: plan.startYear + t.y,
        age: plan.startAge + t.y,
        phase: t.y < plan.nAccum ? 'saving' : t.y < plan.payStart ? 'deferral' : 'payout',
        ...(t.regime !== undefined && plan.market?.kind === 'regime-switching' && { regimeName: plan.market.names[t.regime]! }),
      }),
  });
  const outputs = Object.fromEntries(SCALAR_SERIES.map((name, s) => [name, series[s * chunk.paths + p]!])) as PathTrace['outputs'];
  return { path, seed, rows, outputs };
}
