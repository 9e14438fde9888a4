/**
 * CompiledPlan: a compiled plan of any kind, tagged with its kind (plan/compiled-plan.ts compiles
 * one). This module holds only the type and what the workers need of it (series counts), so a
 * worker loads no compiler and no schema: its start-up is part of every run's time.
 */
import { G_SCALARS } from './g-series.js';
import { REAL_SCALARS } from './inflation-series.js';
import { fanOffset, gSeriesAt, inflationSeriesAt, seriesCount, type SimulationPlan } from './simulation-plan.js';
import { usPayoutFans, usPayoutSeriesIndex, usSeriesCount, type UsSimulationPlan } from './us-simulation-plan.js';

export type CompiledPlan = { readonly kind: 'norway'; readonly plan: SimulationPlan } | { readonly kind: 'us'; readonly plan: UsSimulationPlan };

/** Per-path series a chunk of this plan produces (kernel/price-chunk.ts). */
export function planSeriesCount(cp: CompiledPlan): number {
  return cp.kind === 'us' ? usSeriesCount(cp.plan) : seriesCount(cp.plan);
}

/** Simulated years of one path (for the resource limits). */
export function planYears(cp: CompiledPlan): number {
  return cp.plan.nYears;
}

/**
 * Whether each per-path series of the plan is reported with 95 % intervals: the metrics and the
 * capital fan (result/norway-result.ts, result/us-result.ts; the real-terms and in-G metrics of
 * result/returns-result.ts and result/g-result.ts), not the other fans. Under sobol and antithetic
 * only these keep a sketch per randomized block (engine/chunk-job.ts jobBlocks).
 */
export function planIntervalSeries(cp: CompiledPlan): boolean[] {
  const out = new Array<boolean>(planSeriesCount(cp)).fill(cp.kind === 'us');
  if (cp.kind === 'us') {
    for (const s of planMomentOnlySeries(cp)) out[s] = false;
    return out;
  }
  const plan = cp.plan;
  const n = plan.nYears + 1;
  const m = plan.nYears - plan.payStart;
  const mark = (from: number, count: number) => out.fill(true, from, from + count);
  mark(0, fanOffset(plan) + n);
  if (plan.gStochastic) mark(gSeriesAt(plan) + 2 * n + 2 * m, G_SCALARS.length);
  if (plan.inflation) mark(inflationSeriesAt(plan) + 2 * n, REAL_SCALARS.length);
  return out;
}

/**
 * Series whose mean is all the result reads (0/1 indicators reported as probabilities): they go
 * into no sketch (engine/chunk-job.ts jobSketched), which spares the sketch's work on every value.
 * A US payout's ran-out indicator (overall and by age) and the NUA-better indicator.
 */
export function planMomentOnlySeries(cp: CompiledPlan): number[] {
  if (cp.kind !== 'us' || !cp.plan.payout) return [];
  const plan = { ...cp.plan, payout: cp.plan.payout };
  const fans = usPayoutFans(plan);
  const byAge = Array.from({ length: fans.n }, (_, k) => fans.ranOut + k);
  return [usPayoutSeriesIndex(plan, 'ranOut'), usPayoutSeriesIndex(plan, 'nuaBetter'), ...byAge];
}
