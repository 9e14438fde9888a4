/**
 * Level annuity-immediate payment: the yearly amount, paid at each year end, that a capital K
 * buys over n years at rate i.  P = K · i / (1 − (1+i)^−n); at i = 0, P = K / n.
 * Example (golden case G1, docs/model.md §11): annuityPayment(403 064, 0.04, 10) ≈ 49 694.
 */
export function annuityPayment(capital: number, rate: number, years: number): number {
  if (years <= 0) return capital;
  if (rate === 0) return capital / years;
  return (capital * rate) / (1 - Math.pow(1 + rate, -years));
}
