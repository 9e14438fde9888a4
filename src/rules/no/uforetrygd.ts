/**
 * Uføretrygd, the folketrygd's disability benefit (folketrygdloven kap. 12), as yearly amounts on
 * pay expressed in G (docs/model.md §2.9):
 * - § 12-11: the basis (beregningsgrunnlag) is the average of the best 3 of the last 5 calendar
 *   years' pensionable income before the disability, each year's income adjusted to today's value
 *   with G and counted only up to 6 G;
 * - § 12-13 first paragraph: full uføretrygd is 66 % of the basis; second paragraph: at least
 *   2.28 G a year for someone living with a spouse or cohabitant, 2.48 G living alone (NAV,
 *   "Berekning av uføretrygd"; the young-disabled levels 2.66 / 2.91 G of the third paragraph are
 *   not modelled);
 * - the degree (uføregrad, § 12-7, § 12-10): the benefit is the full amount times the degree; at
 *   least 50 % (30 % when the disability is a recognised work injury, § 12-17);
 * - it is regulated with G (paid as a share of each year's G here) and ends at 67 (§ 12-4), when
 *   the old-age pension takes over;
 * - § 20-7a: while disabled, the old-age pension holding grows as if the member earned an assumed
 *   income (antatt inntekt): the same best-3-of-5 average but counted up to 12 G a year (as § 3-17
 *   a for the old rules; the 12 G cap in § 20-7a is estimated from it), times the degree, until the
 *   year the member turns 61 (accrual through age 61, so to 62); the 2024 pension settlement agreed
 *   to extend this to the year of 64, which is a parameter (accrualEndAge) since its entry into force
 *   was not verified.
 */

export const UFORETRYGD_RATE = 0.66;
/** § 12-11: income above 6 G a year is not counted in the basis. */
export const BASIS_CAP_G = 6;
/** § 20-7a (estimated from § 3-17 a): the assumed income counts income up to 12 G a year. */
export const ASSUMED_INCOME_CAP_G = 12;
/** § 12-13 second paragraph: minimum full uføretrygd in G, living with a spouse or cohabitant / alone. */
export const MIN_LEVEL_COHABITING_G = 2.28;
export const MIN_LEVEL_SINGLE_G = 2.48;
/** § 12-7: the least degree; § 12-17: with a recognised work injury. */
export const MIN_DEGREE = 0.5;
export const MIN_DEGREE_WORK_INJURY = 0.3;
/** § 12-4: uføretrygd is paid until 67. */
export const UFORETRYGD_END_AGE = 67;
/** § 20-7a: accrual on the assumed income through the year the member turns 61. */
export const DEFAULT_ACCRUAL_END_AGE = 62;
/** Years the basis looks back over, and how many of them count. */
export const BASIS_YEARS = 5;
export const BASIS_BEST = 3;

/**
 * The average of the best 3 of the last 5 years' incomes, each in G of its year and capped at capG.
 * `incomesG` holds the 5 years (any order). Allocation-free: the kernel calls it once per disabled path.
 * Example: best3of5G([4, 5, 7, 3, 6.5], 6) = (6 + 6 + 5) / 3 = 5.6667.
 */
export function best3of5G(incomesG: ArrayLike<number>, capG: number): number {
  let a = -Infinity;
  let b = -Infinity;
  let c = -Infinity;
  for (let i = 0; i < BASIS_YEARS; i++) {
    const x = Math.min(Math.max(0, incomesG[i]!), capG);
    if (x > a) {
      c = b;
      b = a;
      a = x;
    } else if (x > b) {
      c = b;
      b = x;
    } else if (x > c) c = x;
  }
  return (a + b + c) / BASIS_BEST;
}

/**
 * Uføretrygd paid in a year: degree · G · max(66 % · basis, minimum level), basis in G.
 * Example: uforetrygdYear(17 / 3, 130 160, 1, 2.28) = 0.66 · (17/3) · 130 160 = 486 798.40.
 */
export function uforetrygdYear(basisG: number, g: number, degree: number, minLevelG: number): number {
  return degree * g * Math.max(UFORETRYGD_RATE * basisG, minLevelG);
}

/** The assumed income (antatt inntekt, § 20-7a) of a disabled year: degree · assumed basis in G · G. */
export function assumedIncome(assumedG: number, g: number, degree: number): number {
  return degree * assumedG * g;
}
