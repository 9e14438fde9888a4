/**
 * The physical bounds on a scenario's amounts (docs/scenarios.md §3 states and justifies them), and
 * the zod number builders every schema uses, so that a number out of range is refused with a
 * message that says the range. Why bounds at all: a value the schema lets through is simulated, and
 * a pay of 1e308 overflows to Infinity within a few years, which turns the replacement ratio
 * (payout ÷ pay) into a silent 0 %. The bounds are chosen so that the product of the largest
 * allowed values over the longest horizon stays far inside double precision (docs/model.md §9.4).
 */
import * as z from 'zod';

/** Yearly pay, NOK: about 730 G (2026); pensionable pay is capped at 12 G, so nothing above is modelled anyway. */
export const MAX_PAY_NOK = 100_000_000;
/** Capital or a holding already saved, NOK: ten times the largest pay. */
export const MAX_CAPITAL_NOK = 1_000_000_000;
/** Yearly pay, USD: about 28 times the 2026 401(a)(17) compensation cap of $360 000. */
export const MAX_PAY_USD = 10_000_000;
/** Plan balance already saved, USD: ten times the largest pay. */
export const MAX_CAPITAL_USD = 100_000_000;
/** Target terminal wealth, USD. */
export const MAX_TARGET_USD = 10_000_000_000;
/** Fixed yearly fee per member, in the scenario's currency (real fees are a few hundred kroner or dollars). */
export const MAX_FEE_PER_MEMBER = 1_000_000;

/** "100 000 000": digits grouped by thin spaces, as the docs write them. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A finite number in [min, max]; `unit` explains the range in the refusal ("a yearly rate; 0.03 = 3 %"). */
export function between(min: number, max: number, unit: string) {
  const error = `must be between ${groupDigits(min)} and ${groupDigits(max)} (${unit})`;
  return z.number({ error: `must be a number between ${groupDigits(min)} and ${groupDigits(max)} (${unit})` }).finite({ error }).min(min, { error }).max(max, { error });
}

/** An amount of money in [0, max] of `currency` (a yearly flow or a stock, as `what` says). */
export function amount(max: number, currency: string, what: string) {
  return between(0, max, `${currency}${what ? ` ${what}` : ''}`);
}

/** An amount of money above 0 and at most max (a pay: 0 would make the replacement ratio 0 ÷ 0). */
export function positiveAmount(max: number, currency: string, what: string) {
  const error = `must be above 0 and at most ${groupDigits(max)} (${currency} ${what})`;
  return z.number({ error }).finite({ error }).gt(0, { error }).max(max, { error });
}
