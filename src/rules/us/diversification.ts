/**
 * How many employer-sourced shares a diversification policy sells at a year start (docs/model.md §3.6):
 * - hold: none;
 * - sell-after-service: all employer-sourced shares once service reaches N years (401(a)(35) lets
 *   employer-sourced public shares be sold after 3 years of service);
 * - 55/10 (401(a)(28)(B)): from age 55 with 10 years of participation, the sold share of the
 *   employer-sourced shares reaches 25 % cumulatively in each of the first five election years and
 *   50 % in the sixth: sold this year = max(0, q_k·(held + sold before) − sold before), q = 0.25
 *   (k = 1..5), 0.5 (k = 6), nothing after;
 * - cap: company stock (all sources) is cut to a share of the account (handled by the kernel, which
 *   knows the account; fiftyFiveTenTarget and the service rule are here).
 *
 * Example (a test checks it): 55/10, first election year, 1 000 shares held, none sold before → 250.
 */
export function fiftyFiveTenSale(electionYear: number, held: number, soldBefore: number): number {
  if (electionYear < 1 || electionYear > 6) return 0;
  const q = electionYear <= 5 ? 0.25 : 0.5;
  return Math.min(held, Math.max(0, q * (held + soldBefore) - soldBefore));
}
