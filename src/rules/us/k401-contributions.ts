/**
 * One year's 401(k) money (docs/model.md §3.2): the employee defers a share d of pay, up to the
 * 402(g) limit plus the catch-up for the age; the employer matches by tiers on the deferral rate
 * and may add a nonelective share, both on pay capped at 401(a)(17); then 415(c):
 * deferrals (without catch-up) + employer money <= min(415(c) limit, pay), the employer money cut
 * to fit (match and nonelective scaled alike).
 *   regular  = min(d·pay, 402(g)),  catchUp = min(d·pay − regular, catch-up(age))
 *   d_eff    = min(d, (regular + catchUp) / min(pay, 401(a)(17)))
 *   match    = Σ rate_i·max(0, min(d_eff, to_i) − from_i)·min(pay, 401(a)(17))
 *
 * Example (a test checks it): 2026, age 45, pay 100 000, d = 6 %, safe-harbor basic match:
 * deferral 6 000, match 4 000. Pay 500 000, d = 10 %: deferral 24 500 (402(g)), match 4 % of
 * 360 000 = 14 400.
 */
import { catchUpLimit, type UsLimits } from './limits.js';
import { matchAmount, type MatchTier } from './match-formula.js';

export interface K401Year {
  /** Employee deferral, catch-up included. */
  readonly deferral: number;
  readonly catchUp: number;
  readonly match: number;
  readonly nonelective: number;
}

export function k401Contributions(
  pay: number,
  deferralRate: number,
  tiers: readonly MatchTier[],
  nonelectiveRate: number,
  limits: UsLimits,
  age: number,
): K401Year {
  // One object literal for both cases: two (one with integer fields) gave the result two shapes, so
  // the optimizer allocated it (and boxed its numbers) on every path-year instead of dissolving it.
  let deferral = 0;
  let catchUp = 0;
  let match = 0;
  let nonelective = 0;
  if (!(pay <= 0)) {
    const wanted = deferralRate * pay;
    const regular = Math.min(wanted, limits.deferral);
    catchUp = Math.min(wanted - regular, catchUpLimit(limits, age));
    const capped = Math.min(pay, limits.compensationCap);
    const rate = Math.min(deferralRate, (regular + catchUp) / capped);
    match = matchAmount(tiers, rate, capped);
    nonelective = nonelectiveRate * capped;
    const room = Math.max(0, Math.min(limits.annualAdditions, pay) - regular);
    const employer = match + nonelective;
    if (employer > room) {
      const f = room / employer;
      match *= f;
      nonelective *= f;
    }
    deferral = regular + catchUp;
  }
  return { deferral, catchUp, match, nonelective };
}
