/**
 * The per-path series a plan with stochastic G adds (plan.gStochastic: wage growth with a shock
 * past the last published G), at gSeriesAt(plan), so that amounts can be reported in G exactly:
 *   [0, n)                    G in the year of each age (n = nYears + 1 ages, start age first);
 *   [n, 2n)                   the capital at the start of each age divided by that age's G;
 *   [2n, 2n + m)              the gross payout of each payout year divided by its G (m payout years);
 *   [2n + m, 2n + 2m)         the net payout likewise;
 *   then the scalars G_SCALARS divided by G in the payout start year.
 * Each path is divided by its own G, so percentiles of these are percentiles in G (not nominal
 * percentiles over an average G). With certain pay growth G is the same on every path and the
 * report divides the nominal result instead (report/deflate-result.ts), so none of this is kept.
 */
export const G_SCALARS = ['capitalAtRetirement', 'payoutGross', 'payoutNet', 'folketrygdPension', 'totalPension'] as const;

interface Layout {
  readonly nYears: number;
  readonly payStart: number;
  readonly gStochastic: boolean;
}

export function gSeriesCount(plan: Layout): number {
  return plan.gStochastic ? 2 * (plan.nYears + 1) + 2 * (plan.nYears - plan.payStart) + G_SCALARS.length : 0;
}
