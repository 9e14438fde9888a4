/**
 * priceChunk: one chunk of paths through the pricer of the plan's kind (kernel/run-chunk.ts for the
 * Norwegian plans, kernel/run-us-chunk.ts for the US ones). Both draw the same markets for path i
 * of a profile (market/market-path.ts), so any two plans compared on one seed pair path by path.
 * Output: the kind's per-path series, series-major (series s of path p at s · paths + p).
 */
import type { CompiledPlan } from '../plan/plan-kind.js';
import { runChunk, type GroupFanColumns } from './run-chunk.js';
import { runUsChunk } from './run-us-chunk.js';

export function priceChunk(cp: CompiledPlan, seed: number, chunk: number, paths: number, out?: Float64Array, groupFans?: GroupFanColumns | null): Float64Array {
  const task = { seed, chunk, paths, ...(out && { out }) };
  switch (cp.kind) {
    case 'norway':
      return runChunk({ plan: cp.plan, ...task, ...(groupFans && { groupFans }) }).series;
    case 'us':
      return runUsChunk({ plan: cp.plan, ...task }).series;
  }
}
