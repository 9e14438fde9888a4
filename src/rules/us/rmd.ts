/**
 * Required minimum distributions (RMDs) from a traditional IRA or an employer plan, IRC §401(a)(9).
 *
 * Start age ("applicable age", §401(a)(9)(C)(v) as amended by SECURE 2.0, Pub. L. 117-328 §107):
 *   born 1951–1959 → 73; born 1960 or later → 75 (the statute's overlap for 1959 read as 73, as in
 *   the IRS's 2024 proposed regulations); born 1950 and before → 72 (SECURE Act 2019 §114 for those
 *   born after 30 June 1949). Choice: people born before July 1949 really began at 70½ under the old
 *   rule, but in every year the 2022 table below applies (2022 on) they are 73 or older, so 72 gives
 *   the same RMDs for every year this module is used for; birth month is not an input.
 *
 * Divisor: the Uniform Lifetime Table of Treas. Reg. §1.401(a)(9)-9(c) as amended by T.D. 9930
 * (85 FR 72472, 12 Nov 2020), for distribution calendar years from 2022, indexed by the age the
 * owner reaches in the distribution year (72 → 27.4, 75 → 24.6, 120 and older → 2.0).
 *
 *   RMD for year Y = balance on 31 Dec of Y−1 / divisor(age reached in Y)
 *
 * Example (a test checks it): born 1955, age 75 in the year, prior year-end balance 1 000 000 →
 * 1 000 000 / 24.6 = 40 650.41. Not modelled: the first RMD's deferral to 1 April of the next year,
 * the Joint Life table for a spouse more than 10 years younger, and 5 % owners still working.
 */

/** First and last ages of the Uniform Lifetime Table; the last row is "120 and older". */
export const UNIFORM_LIFETIME_FIRST_AGE = 72;
export const UNIFORM_LIFETIME_LAST_AGE = 120;

/**
 * Distribution periods for ages 72, 73, …, 120+ (index = age − 72), keyed in from
 * Treas. Reg. §1.401(a)(9)-9(c)(2) (T.D. 9930), the same table as IRS Publication 590-B,
 * Appendix B, Table III.
 */
export const UNIFORM_LIFETIME_TABLE: readonly number[] = Object.freeze([
  27.4, 26.5, 25.5, 24.6, 23.7, 22.9, 22.0, 21.1, 20.2, 19.4, // 72–81
  18.5, 17.7, 16.8, 16.0, 15.2, 14.4, 13.7, 12.9, 12.2, 11.5, // 82–91
  10.8, 10.1, 9.5, 8.9, 8.4, 7.8, 7.3, 6.8, 6.4, 6.0, //         92–101
  5.6, 5.2, 4.9, 4.6, 4.3, 4.1, 3.9, 3.7, 3.5, 3.4, //          102–111
  3.3, 3.1, 3.0, 2.9, 2.8, 2.7, 2.5, 2.3, 2.0, //               112–120+
]);

/** The table as a typed array for the hot loop (same values). */
const DIVISORS = Float64Array.from(UNIFORM_LIFETIME_TABLE);

/**
 * The applicable age at which RMDs begin, by birth year (SECURE 2.0 §107). Example: 1950 → 72,
 * 1951 → 73, 1959 → 73, 1960 → 75.
 */
export function rmdStartAge(birthYear: number): number {
  if (birthYear >= 1960) return 75;
  if (birthYear >= 1951) return 73;
  return 72;
}

/**
 * The Uniform Lifetime Table divisor for the age reached in the distribution year (fractional ages
 * are floored). Ages above 120 use the "120 and older" row, 2.0. Below 72 the table has no row:
 * a RangeError (a programming error; callers ask only from rmdStartAge on).
 */
export function rmdDivisor(age: number): number {
  const a = Math.floor(age);
  if (!(a >= UNIFORM_LIFETIME_FIRST_AGE)) {
    throw new RangeError(`rmdDivisor: the Uniform Lifetime Table starts at age ${UNIFORM_LIFETIME_FIRST_AGE}; got ${age}`);
  }
  const i = a >= UNIFORM_LIFETIME_LAST_AGE ? UNIFORM_LIFETIME_LAST_AGE - UNIFORM_LIFETIME_FIRST_AGE : a - UNIFORM_LIFETIME_FIRST_AGE;
  return DIVISORS[i]!;
}

/**
 * The RMD for a distribution year: 0 before rmdStartAge(birthYear), else the prior year-end
 * balance / rmdDivisor(age); 0 for a balance of 0 or less. `age` is the age reached in the
 * distribution year. Allocation-free.
 */
export function requiredMinimumDistribution(priorYearEndBalance: number, age: number, birthYear: number): number {
  if (age < rmdStartAge(birthYear) || !(priorYearEndBalance > 0)) return 0;
  return priorYearEndBalance / rmdDivisor(age);
}
