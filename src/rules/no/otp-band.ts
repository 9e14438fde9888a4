/**
 * The legal contribution band of Norwegian occupational DC (innskuddspensjonsloven, OTP).
 * Source: the OTP law (minimum) and innskuddspensjonsloven (maximum); docs/model.md §2.1. Pay is capped at 12 G: nothing is contributed above it.
 */

/** First year of the 2 %-from-the-first-krone minimum (before: 2 % of pay between 1 G and 12 G). */
export const FIRST_KRONE_MINIMUM_FROM = 2022;
export const MIN_RATE = 0.02;
export const MAX_RATE = 0.07;
export const UPPER_BAND_EXTRA_RATE = 0.181;
export const UPPER_BAND_FROM_G = 7.1;
export const PAY_CAP_G = 12;

/**
 * Minimum yearly contribution for pay S in calendar year `year` with base amount G.
 * From 2022: 0.02 · min(S, 12G); before: 0.02 · (min(S, 12G) − G)⁺.
 * Example (golden case G3, docs/model.md §11): minContribution(2_000_000, 130_160, 2025) = 31 238.40.
 */
export function minContribution(pay: number, g: number, year: number): number {
  const capped = Math.min(pay, PAY_CAP_G * g);
  const base = year >= FIRST_KRONE_MINIMUM_FROM ? capped : Math.max(0, capped - g);
  return MIN_RATE * Math.max(0, base);
}

/**
 * Maximum yearly contribution: 0.07 · min(S, 12G) + 0.181 · (min(S, 12G) − 7.1G)⁺.
 * Example (golden case G3): maxContribution(1_200_000, 130_160) = 133 931.38.
 */
export function maxContribution(pay: number, g: number): number {
  const capped = Math.max(0, Math.min(pay, PAY_CAP_G * g));
  return MAX_RATE * capped + UPPER_BAND_EXTRA_RATE * Math.max(0, capped - UPPER_BAND_FROM_G * g);
}
