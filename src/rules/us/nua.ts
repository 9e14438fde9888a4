/**
 * Net unrealized appreciation (IRC 402(e)(4), docs/model.md §3.7) against an IRA rollover, for a
 * lump-sum distribution of an account holding employer shares with cost basis B and market value S
 * plus other assets F:
 *   rollover (all ordinary income, taxed when withdrawn): (F + S)·(1 − t_ord)
 *   NUA: F rolled over, F·(1 − t_ord); the shares distributed in kind: the basis is ordinary income
 *        now, the appreciation long-term capital gain when sold (here: at once):
 *        S − t_ord·min(B, S) − t_cg·max(0, S − B)
 * (Shares worth less than their basis have no NUA: their value is taxed as ordinary income, so NUA
 * then equals the rollover for them.) Taxes are flat rates at distribution; the deferral of the
 * rollover's tax over the payout years is not valued.
 *
 * Example (a test checks it): F = 100 000, S = 500 000, B = 100 000, t_ord = 0.32, t_cg = 0.15:
 * rollover 408 000; NUA 68 000 + 500 000 − 32 000 − 60 000 = 476 000.
 */
export interface DistributionTax {
  readonly ordinaryRate: number;
  readonly capitalGainsRate: number;
}

/** After-tax value of rolling everything to an IRA (all ordinary income). */
export function rolloverAfterTax(otherAssets: number, stockValue: number, tax: DistributionTax): number {
  return (otherAssets + stockValue) * (1 - tax.ordinaryRate);
}

/** After-tax value of the NUA route: other assets rolled over, employer shares distributed in kind and sold. */
export function nuaAfterTax(otherAssets: number, stockValue: number, costBasis: number, tax: DistributionTax): number {
  const ordinaryPart = Math.min(costBasis, stockValue);
  const gain = Math.max(0, stockValue - costBasis);
  return otherAssets * (1 - tax.ordinaryRate) + stockValue - tax.ordinaryRate * ordinaryPart - tax.capitalGainsRate * gain;
}
