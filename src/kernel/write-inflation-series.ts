/**
 * Writes one path's inflation series (layout in plan/inflation-series.ts) once its years are done:
 * the price index at each age, the capital at each age divided by it, the headline amounts
 * divided by the index at the payout start, and each payout year's payouts divided by its index. Reads the path's nominal values from `series`.
 */
import { REAL_SCALARS } from '../plan/inflation-series.js';
import { fanOffset, inflationSeriesAt, type SimulationPlan } from '../plan/simulation-plan.js';

export function writeInflationSeries(plan: SimulationPlan, series: Float64Array, paths: number, p: number, priceIndex: Float64Array): void {
  const n = plan.nYears + 1;
  const at = inflationSeriesAt(plan);
  const capitalAt = fanOffset(plan);
  for (let a = 0; a < n; a++) {
    series[(at + a) * paths + p] = priceIndex[a]!;
    series[(at + n + a) * paths + p] = series[(capitalAt + a) * paths + p]! / priceIndex[a]!;
  }
  const atPayout = priceIndex[plan.payStart]!;
  for (let s = 0; s < REAL_SCALARS.length; s++) series[(at + 2 * n + s) * paths + p] = series[s * paths + p]! / atPayout;
  // The gross and net payout fans (adjacent) in start-year money, each year by its own index.
  const m = plan.nYears - plan.payStart;
  const payoutAt = capitalAt + n;
  const realPayoutAt = at + 2 * n + REAL_SCALARS.length;
  for (let j = 0; j < 2 * m; j++) {
    series[(realPayoutAt + j) * paths + p] = series[(payoutAt + j) * paths + p]! / priceIndex[plan.payStart + (j % m)]!;
  }
}
