/**
 * The year-by-year ledger of one path of a US plan exactly as a run simulated it: the path's chunk
 * is run with the run's seed (every draw the same) and the US kernel reports that path's years.
 * For researchers asking why a KSOP path ended low: the year the stock fell or defaulted, the job
 * it took with it, the match forfeited.
 */
import { runUsChunk, type UsTraceYear } from '../kernel/run-us-chunk.js';
import { compileUsPlan } from '../plan/compile-us.js';
import { US_SERIES, type UsSeries } from '../plan/us-simulation-plan.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { UserError } from '../scenario/user-error.js';
import { chunkRanges, CHUNK_SIZE } from './chunking.js';

export interface UsPathTrace {
  path: number;
  seed: number;
  plan: string;
  rows: (UsTraceYear & { year: number; age: number })[];
  /** The run's per-path outputs for this path (as `pensim run --format json` summarises them). */
  outputs: Record<UsSeries, number>;
}

export function traceUsPath(scenario: UsScenario, path: number, options: { seed?: number; paths?: number } = {}): UsPathTrace {
  const seed = options.seed ?? scenario.simulation.seed;
  const paths = options.paths ?? scenario.simulation.paths;
  if (!Number.isInteger(path) || path < 0 || path >= paths) {
    throw new UserError([{ path: '--path', message: `must be a path number from 0 to ${paths - 1} (the run has ${paths} paths); got ${path}` }]);
  }
  const plan = compileUsPlan(scenario);
  const chunk = chunkRanges(paths)[Math.floor(path / CHUNK_SIZE)]!;
  const p = path - chunk.first;
  const rows: UsPathTrace['rows'] = [];
  const { series } = runUsChunk({ plan, seed, chunk: chunk.chunk, paths: chunk.paths }, {
    path: p,
    year: (t) => rows.push({ ...t, year: plan.startYear + t.y, age: plan.startAge + t.y }),
  });
  const outputs = Object.fromEntries(US_SERIES.map((name, s) => [name, series[s * chunk.paths + p]!])) as UsPathTrace['outputs'];
  return { path, seed, plan: plan.kind, rows, outputs };
}
