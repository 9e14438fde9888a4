/**
 * The AmountBasis of a US run's report from the unit asked for: nominal dollars, or today's
 * (start-year) dollars deflated by the scenario's price inflation. A US scenario's inflation is its
 * payout section's (payout.inflation, which indexes spending and Social Security) when it has one,
 * else the limits' indexation (limits.indexation: the IRS indexes the 402(g), 415(c) and 401(a)(17)
 * limits by the CPI, IRC §415(d), so that rate is the scenario's price inflation). G is a
 * Norwegian unit: asking for it is refused, naming the flag.
 *
 * Example (a test checks it): ksop-concentrated (start 2026, limits.indexation 0.025) in real
 * dollars is { kind: 'real', inflation: 0.025, baseYear: 2026 }.
 */
import { UserError } from '../base/user-error.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { startOf } from '../scenario/validate-scenario.js';
import { NOMINAL, type AmountBasis } from './amount-basis.js';
import type { Amounts } from './amounts-choices.js';

type PayoutInflation = number | { kind: 'ar1'; mean: number };

/** The payout section's inflation, read narrowly (the payout section may be absent). */
function payoutInflation(s: UsScenario): PayoutInflation | undefined {
  return (s as { payout?: { inflation?: PayoutInflation } }).payout?.inflation;
}

/**
 * The scenario's yearly price inflation: the payout's (under its AR(1) model the mean, at which
 * the saving years compound: the payout years' amounts in today's dollars come from the engine,
 * each path deflated by its own index, us-result-in-basis.ts), else the limits' indexation.
 */
export function usInflation(s: UsScenario): number {
  const p = payoutInflation(s);
  if (p === undefined) return s.limits.indexation;
  return typeof p === 'number' ? p : p.mean;
}

/** Where usInflation took the rate from, for the report's words. */
export function usInflationSource(s: UsScenario): string {
  const p = payoutInflation(s);
  if (p === undefined) return 'limits.indexation, the CPI indexation of the IRS limits';
  return typeof p === 'number' ? 'payout.inflation' : "the mean of payout.inflation's AR(1) model; the payout years drawn path by path, each deflated by its own index";
}

export function usAmountBasis(s: UsScenario, amounts: Amounts, flag = '--amounts'): AmountBasis {
  if (amounts === 'g') throw new UserError([{ path: flag, message: 'G (the Norwegian grunnbeløp) is not a unit of a US plan: give nominal or real (today\'s dollars)' }]);
  if (amounts === 'nominal') return NOMINAL;
  return { kind: 'real', inflation: usInflation(s), baseYear: startOf({ ...s.person, careerBreaks: [], children: [], spouse: false }).startYear };
}
