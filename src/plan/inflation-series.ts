/**
 * The per-path series an inflation model adds, after every other series of the chunk output
 * (so other optional series never shift them): at inflationSeriesAt(plan),
 *   [0, nYears]          the price index at the start of each age (1 at the start age);
 *   [nYears+1, 2nYears+1] the capital at the start of each age, divided by that age's price index;
 *   then 3 scalars:      capitalAtRetirement, payoutGross, payoutNet divided by the price index at
 *                        the payout start (the convention of report/deflate-result.ts: the capital at
 *                        the start of age a and the payout of the year of age a share one index);
 *   then m + m:          the gross and the net payout of each of the m payout years divided by the
 *                        price index of its age.
 * Each path is deflated by its own price index, so percentiles of these are real-terms percentiles
 * (not the nominal percentiles over a mean deflator).
 */
import type { InflationModel } from '../market/market-model.js';

export const REAL_SCALARS = ['capitalAtRetirement', 'payoutGross', 'payoutNet'] as const;

interface Layout {
  readonly nYears: number;
  readonly payStart: number;
  readonly inflation?: InflationModel;
}

export function inflationSeriesCount(plan: Layout): number {
  return plan.inflation ? 2 * (plan.nYears + 1) + REAL_SCALARS.length + 2 * (plan.nYears - plan.payStart) : 0;
}
