/**
 * US retirement-plan dollar limits by calendar year (docs/model.md §3.1 and §10.6; IRS notices for 2020–2026):
 * 402(g) elective deferral, catch-up 50+ and 60–63 (SECURE 2.0 §109, from 2025, replacing the 50+
 * catch-up at those ages), 415(c) annual additions, 401(a)(17) compensation cap, SIMPLE deferral and
 * SIMPLE catch-up 50+ and 60–63 (SECURE 2.0 §109 for SIMPLE plans: 5 250 in 2025, IRS Notice 2024-80;
 * unchanged at 5 250 in 2026, IR-2025-111 / Notice 2025-67). Years after 2026 grow from the 2026 values by `indexation` a year,
 * compounded, without the IRS's rounding to $500 steps (a modelling simplification).
 * Years before 2020 are not built in (a RangeError; scenarios are checked before that).
 *
 * Example (a test checks it): usLimits(2025).deferral = 23 500, usLimits(2028, 0.02).deferral = 24 500 · 1.02² = 25 489.8.
 */
export interface UsLimits {
  readonly year: number;
  /** 402(g) elective deferral limit. */
  readonly deferral: number;
  /** Catch-up for ages 50+ (age attained by the year end). */
  readonly catchUp50: number;
  /** Catch-up for ages 60–63, replacing the 50+ one; 0 before 2025 (none then). */
  readonly catchUp60to63: number;
  /** 415(c) annual additions limit (deferrals + employer money, catch-ups outside). */
  readonly annualAdditions: number;
  /** 401(a)(17) compensation cap. */
  readonly compensationCap: number;
  readonly simpleDeferral: number;
  readonly simpleCatchUp50: number;
  /** SIMPLE catch-up for ages 60–63, replacing the 50+ one; 0 before 2025. */
  readonly simpleCatchUp60to63: number;
}

/** First and last years of the built-in table. */
export const US_LIMITS_FIRST_YEAR = 2020;
export const US_LIMITS_LAST_YEAR = 2026;

type Row = Omit<UsLimits, 'year'>;
const TABLE: Record<number, Row> = {
  2020: { deferral: 19_500, catchUp50: 6_500, catchUp60to63: 0, annualAdditions: 57_000, compensationCap: 285_000, simpleDeferral: 13_500, simpleCatchUp50: 3_000, simpleCatchUp60to63: 0 },
  2021: { deferral: 19_500, catchUp50: 6_500, catchUp60to63: 0, annualAdditions: 58_000, compensationCap: 290_000, simpleDeferral: 13_500, simpleCatchUp50: 3_000, simpleCatchUp60to63: 0 },
  2022: { deferral: 20_500, catchUp50: 6_500, catchUp60to63: 0, annualAdditions: 61_000, compensationCap: 305_000, simpleDeferral: 14_000, simpleCatchUp50: 3_000, simpleCatchUp60to63: 0 },
  2023: { deferral: 22_500, catchUp50: 7_500, catchUp60to63: 0, annualAdditions: 66_000, compensationCap: 330_000, simpleDeferral: 15_500, simpleCatchUp50: 3_500, simpleCatchUp60to63: 0 },
  2024: { deferral: 23_000, catchUp50: 7_500, catchUp60to63: 0, annualAdditions: 69_000, compensationCap: 345_000, simpleDeferral: 16_000, simpleCatchUp50: 3_500, simpleCatchUp60to63: 0 },
  2025: { deferral: 23_500, catchUp50: 7_500, catchUp60to63: 11_250, annualAdditions: 70_000, compensationCap: 350_000, simpleDeferral: 16_500, simpleCatchUp50: 3_500, simpleCatchUp60to63: 5_250 },
  2026: { deferral: 24_500, catchUp50: 8_000, catchUp60to63: 11_250, annualAdditions: 72_000, compensationCap: 360_000, simpleDeferral: 17_000, simpleCatchUp50: 4_000, simpleCatchUp60to63: 5_250 },
};

/** The limits of a calendar year; after 2026 indexed by `indexation` a year (default 2.5 %). */
export function usLimits(year: number, indexation = 0.025): UsLimits {
  if (!Number.isInteger(year) || year < US_LIMITS_FIRST_YEAR) {
    throw new RangeError(`US plan limits are built in from ${US_LIMITS_FIRST_YEAR}; got the year ${year}`);
  }
  const row = TABLE[Math.min(year, US_LIMITS_LAST_YEAR)]!;
  const f = year > US_LIMITS_LAST_YEAR ? (1 + indexation) ** (year - US_LIMITS_LAST_YEAR) : 1;
  return {
    year,
    deferral: row.deferral * f,
    catchUp50: row.catchUp50 * f,
    catchUp60to63: row.catchUp60to63 * f,
    annualAdditions: row.annualAdditions * f,
    compensationCap: row.compensationCap * f,
    simpleDeferral: row.simpleDeferral * f,
    simpleCatchUp50: row.simpleCatchUp50 * f,
    simpleCatchUp60to63: row.simpleCatchUp60to63 * f,
  };
}

/**
 * The 401(k)/403(b) catch-up allowed at `age` (attained by the year end): none below 50, the 60–63
 * amount at 60–63 when the year has one (2025 on), else the 50+ amount.
 * Example: 2025 → age 49: 0, 50: 7 500, 60: 11 250, 64: 7 500.
 */
export function catchUpLimit(limits: UsLimits, age: number): number {
  if (age < 50) return 0;
  if (age >= 60 && age <= 63 && limits.catchUp60to63 > 0) return limits.catchUp60to63;
  return limits.catchUp50;
}

/**
 * The SIMPLE IRA catch-up at `age`: none below 50, the SIMPLE 60–63 amount at 60–63 when the year
 * has one (2025 on), else the SIMPLE 50+ amount. (The 110 % small-employer SIMPLE limits are not modelled.)
 * Example: 2026 → age 49: 0, 50: 4 000, 60: 5 250, 64: 4 000.
 */
export function simpleCatchUpLimit(limits: UsLimits, age: number): number {
  if (age < 50) return 0;
  if (age >= 60 && age <= 63 && limits.simpleCatchUp60to63 > 0) return limits.simpleCatchUp60to63;
  return limits.simpleCatchUp50;
}
