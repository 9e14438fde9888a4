/**
 * The four OTP contribution methods (docs/model.md §2.2), as one numeric rule the kernel can call
 * per path-year without objects: the method is a small integer compiled from the scenario.
 */
import { PAY_CAP_G, UPPER_BAND_FROM_G } from './otp-band.js';

/** Method codes; compiled plans carry the number, the schema carries the name. */
export const FLAT_AMOUNT = 0;
export const PERCENT_OF_PAY = 1;
export const PERCENT_OF_BASIS = 2;
export const TIERED = 3;
export type ContributionMethod = typeof FLAT_AMOUNT | typeof PERCENT_OF_PAY | typeof PERCENT_OF_BASIS | typeof TIERED;

/**
 * Yearly contribution before the legal band is applied.
 * - flat amount:  c = amount
 * - % of pay:     c = rate · (min(S, 12G) − [G])⁺
 * - % of basis:   c = rate · (min(B, 12G) − [G])⁺
 * - tiered:       c = rate · (min(S, 7.1G) − [G])⁺ + upperRate · (min(S, 12G) − 7.1G)⁺
 * where [G] is G when the plan excludes the first G, else 0.
 * `amountOrBasis` is the flat amount (method 0) or the pay basis (method 2) of that year.
 * Example (golden case G2, docs/model.md §11): % of pay 2 % of 300 000 without the first G (G = 92 633) = 4 147.34.
 */
export function otpContribution(
  method: ContributionMethod,
  rate: number,
  upperRate: number,
  excludeFirstG: boolean,
  pay: number,
  amountOrBasis: number,
  g: number,
): number {
  const floor = excludeFirstG ? g : 0;
  switch (method) {
    case FLAT_AMOUNT:
      return amountOrBasis;
    case PERCENT_OF_PAY:
      return rate * Math.max(0, Math.min(pay, PAY_CAP_G * g) - floor);
    case PERCENT_OF_BASIS:
      return rate * Math.max(0, Math.min(amountOrBasis, PAY_CAP_G * g) - floor);
    case TIERED:
      return (
        rate * Math.max(0, Math.min(pay, UPPER_BAND_FROM_G * g) - floor) +
        upperRate * Math.max(0, Math.min(pay, PAY_CAP_G * g) - UPPER_BAND_FROM_G * g)
      );
  }
}
