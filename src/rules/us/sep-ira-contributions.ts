/**
 * One year's SEP IRA contribution (IRC 408(k); docs/model.md §3.5): employer money only, the same share of pay for
 * everyone, at most 25 % of pay capped at 401(a)(17), and at most the 415(c) limit. Always vested.
 *   contribution = min(min(rate, 0.25)·min(pay, 401(a)(17)), 415(c))
 *
 * Example (a test checks it): 2026, rate 25 %, pay 200 000 → 50 000; pay 400 000 → 72 000
 * (25 % of 360 000 = 90 000, cut to 415(c)).
 */
import type { UsLimits } from './limits.js';

export const SEP_MAX_RATE = 0.25;

export function sepIraContribution(pay: number, rate: number, limits: UsLimits): number {
  if (pay <= 0) return 0;
  return Math.min(Math.min(rate, SEP_MAX_RATE) * Math.min(pay, limits.compensationCap), limits.annualAdditions);
}
