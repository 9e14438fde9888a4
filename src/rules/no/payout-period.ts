/**
 * Payout rules for Norwegian DC capital (innskuddspensjonsloven; docs/model.md §2.5): start between 62 and 75,
 * at least 10 years, and not ending before age 77.
 */
export const PAYOUT_START_MIN = 62;
export const PAYOUT_START_MAX = 75;
export const PAYOUT_MIN_YEARS = 10;
export const PAYOUT_MIN_END_AGE = 77;

/** Problems with a payout start age and period, each naming the field; empty when allowed. */
export function payoutPeriodProblems(
  startAge: number,
  years: number,
): { field: 'startAge' | 'years'; message: string }[] {
  const problems: { field: 'startAge' | 'years'; message: string }[] = [];
  if (startAge < PAYOUT_START_MIN || startAge > PAYOUT_START_MAX) {
    problems.push({ field: 'startAge', message: `payout must start between age ${PAYOUT_START_MIN} and ${PAYOUT_START_MAX}; got ${startAge}` });
  }
  if (years < PAYOUT_MIN_YEARS) {
    problems.push({ field: 'years', message: `the payout period must be at least ${PAYOUT_MIN_YEARS} years; got ${years}` });
  } else if (startAge + years < PAYOUT_MIN_END_AGE) {
    problems.push({
      field: 'years',
      message:
        `the payout must not end before age ${PAYOUT_MIN_END_AGE}: starting at ${startAge} it needs at least ` +
        `${PAYOUT_MIN_END_AGE - startAge} years; got ${years}`,
    });
  }
  return problems;
}
