/**
 * Social Security retirement benefit factors by claiming age (an input benefit at full retirement
 * age, the primary insurance amount, is scaled by them).
 *
 * Full retirement age (42 U.S.C. 416(l); 20 CFR 404.409): 66 for born 1943–1954, then 2 months more
 * a year (1955: 66 + 2/12 … 1959: 66 + 10/12), 67 for born 1960 and later. Also 65 + 2 months a year
 * for 1938–1942 and 65 for 1937 and before.
 * Early claiming (20 CFR 404.410): the benefit is reduced 5/9 % for each of the first 36 months
 * before full retirement age and 5/12 % for each further month (62 is the earliest age).
 * Delayed retirement credits (20 CFR 404.313): 2/3 % a month (8 % a year) for born 1943 and later,
 * earned up to age 70 (older cohorts: 7.5 % a year for 1941–42, 7 % 1939–40, 6.5 % 1937–38 and
 * 6 % 1935–36; not used for birth years before 1935).
 *
 *   factor = 1 − 5/900 · min(m, 36) − 5/1200 · max(0, m − 36)  (m months early)
 *   factor = 1 + c/12 · n                                       (n months late, up to age 70)
 *
 * Months are whole: (FRA − claimAge) · 12 rounded to the nearest month. Example (a test checks it):
 * born 1960 (FRA 67): 62 → 0.70, 67 → 1.00, 70 → 1.24; born 1956 (FRA 66 + 4/12): 62 → 0.7333….
 * Not modelled: SSA's treatment of a 1 January birthday as the previous year, spousal and survivor
 * benefits, the earnings test, taxation of benefits (federal-tax.ts).
 */

/** Earliest and latest ages that change the factor. */
export const EARLIEST_CLAIMING_AGE = 62;
export const LATEST_CREDIT_AGE = 70;

/** Full retirement age in years, by birth year. Example: 1956 → 66 + 4/12; 1960 → 67. */
export function fullRetirementAge(birthYear: number): number {
  if (birthYear >= 1960) return 67;
  if (birthYear >= 1955) return 66 + (2 * (birthYear - 1954)) / 12;
  if (birthYear >= 1943) return 66;
  if (birthYear >= 1938) return 65 + (2 * (birthYear - 1937)) / 12;
  return 65;
}

/** Yearly delayed retirement credit rate by birth year (20 CFR 404.313). */
function delayedCreditPerYear(birthYear: number): number {
  if (birthYear >= 1943) return 0.08;
  if (birthYear >= 1941) return 0.075;
  if (birthYear >= 1939) return 0.07;
  if (birthYear >= 1937) return 0.065;
  if (birthYear >= 1935) return 0.06;
  throw new RangeError(`delayed retirement credits are built in for birth years from 1935; got ${birthYear}`);
}

/**
 * The benefit as a multiple of the primary insurance amount when claimed at `claimAge` (whole or
 * fractional years, 62 or more; ages past 70 earn no more credits). Below 62 a RangeError: callers
 * validate the scenario first. Allocation-free.
 */
export function claimingFactor(claimAge: number, birthYear: number): number {
  if (!(claimAge >= EARLIEST_CLAIMING_AGE)) {
    throw new RangeError(`claimingFactor: retirement benefits start at ${EARLIEST_CLAIMING_AGE}; got the claiming age ${claimAge}`);
  }
  const fra = fullRetirementAge(birthYear);
  const age = claimAge < LATEST_CREDIT_AGE ? claimAge : LATEST_CREDIT_AGE;
  const months = Math.round((fra - age) * 12);
  if (months > 0) {
    const first = months < 36 ? months : 36;
    return 1 - (5 / 900) * first - (5 / 1200) * (months - first);
  }
  return 1 + (delayedCreditPerYear(birthYear) / 12) * -months;
}
