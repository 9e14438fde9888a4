/**
 * Folketrygd old-age pension, new model (born 1963 or later; folketrygdloven chapter 20; docs/model.md §2.7): each year 18.1 % of
 * pensionable income up to 7.1 G is added to the pension holding (pensjonsbeholdning), which is
 * regulated with wage growth (G); at withdrawal the yearly pension is holding / delingstall (an
 * input: NAV's cohort- and age-specific divisor). Pensions in payment are regulated with wage
 * growth less 0.75 % a year (folketrygdloven § 19-14 as before 2022; a parameter).
 */
export const ACCRUAL_RATE = 0.181;
export const ACCRUAL_CAP_G = 7.1;
export const FIRST_NEW_MODEL_COHORT = 1963;

/** Yearly accrual: 0.181 · min(income, 7.1 G). Example: folketrygdAccrual(500 000, 130 160) = 90 500. */
export function folketrygdAccrual(income: number, g: number): number {
  return ACCRUAL_RATE * Math.max(0, Math.min(income, ACCRUAL_CAP_G * g));
}

/**
 * Pensionable income of a self-employed saver: for cohorts from 1963 earning below 7.1 G the
 * deductible premium lowers the income on which folketrygd is earned (docs/model.md §2.3).
 */
export function selfEmployedPensionableIncome(income: number, premium: number, g: number): number {
  return income < ACCRUAL_CAP_G * g ? Math.max(0, income - premium) : income;
}
