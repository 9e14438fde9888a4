/**
 * The additional tax on early distributions from a qualified plan or an IRA, IRC §72(t).
 *
 *   §72(t)(1):          10 % of the taxable amount of a distribution before age 59½;
 *   §72(t)(2)(A)(v):    none on a distribution from the employer plan to an employee separated from
 *                       service in or after the year of turning 55 ("rule of 55"); by §72(t)(3)(A)
 *                       it does not apply to IRAs, so money rolled to an IRA loses it;
 *   §72(t)(6):          25 % instead of 10 % on a SIMPLE IRA distribution within the 2-year period
 *                       beginning when the employee first participated in the employer's SIMPLE plan.
 *
 * Inputs: `age` is the age at the distribution in years (fractional: 59.5 is the boundary, the
 * distribution on or after it is free). `separationAge` is the age reached in the calendar year of
 * separation from service (year − birth year), NaN or Infinity when the person has not separated;
 * `yearsSinceFirstParticipation` is the time since first SIMPLE participation, in years.
 *
 * Example (a test checks it): a plan distribution at 58 after leaving at 56 → 0; the same money
 * in a rollover IRA → 0.10; a SIMPLE IRA distribution at 45 in the first year → 0.25.
 * Not modelled: the other exceptions (death, disability, substantially equal periodic payments,
 * medical expenses, the age-50 rule for public-safety employees, SECURE 2.0's emergency and
 * other new exceptions).
 */

export type EarlyWithdrawalSource = 'plan' | 'ira' | 'simple-ira';

/** §72(t)(1) age: distributions from 59½ on carry no additional tax. */
export const EARLY_WITHDRAWAL_FREE_AGE = 59.5;
/** §72(t)(2)(A)(v): separation in or after the year of turning 55. */
export const RULE_OF_55_AGE = 55;
/** §72(t)(6): the SIMPLE IRA's 2-year period. */
export const SIMPLE_HIGHER_RATE_YEARS = 2;

/** The additional-tax rate on a distribution: 0, 0.10 or 0.25. Allocation-free. */
export function additionalTaxRate(
  age: number,
  source: EarlyWithdrawalSource,
  separationAge: number,
  yearsSinceFirstParticipation: number,
): number {
  if (age >= EARLY_WITHDRAWAL_FREE_AGE) return 0;
  if (source === 'plan') {
    // Rule of 55: separated in or after the year of turning 55, and the distribution follows it.
    if (separationAge >= RULE_OF_55_AGE && Number.isFinite(separationAge) && age >= separationAge) return 0;
    return 0.1;
  }
  if (source === 'simple-ira' && yearsSinceFirstParticipation < SIMPLE_HIGHER_RATE_YEARS) return 0.25;
  return 0.1;
}
