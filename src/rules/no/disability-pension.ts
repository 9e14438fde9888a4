/**
 * Private disability pension (uførepensjon) in an occupational scheme, tjenestepensjonsloven kap. 8
 * (Prop. 42 L (2014–2015)), and the premium waiver (innskuddsfritak) every DC scheme carries
 * (innskuddspensjonsloven § 2-3, tjenestepensjonsloven; docs/model.md §2.9).
 *
 * The legal maximum of the yearly pension at full disability, on the pay at disability S:
 *   3 % of S up to 12 G, plus 0.25 G but not more than 6 % of S, plus 66 % of S between 6 G and 12 G,
 * times the degree. A scheme may give less: its cover is the three parts as rates, each at most the
 * law's. The pension starts after a waiting time (karenstid, in whole years here) and ends at 67.
 * Estimated: the pension is kept at the kroner of the onset year (no regulation), child supplements
 * are not modelled.
 */
import { PAY_CAP_G } from './otp-band.js';

export const MAX_BASE_RATE = 0.03;
export const MAX_ADD_G = 0.25;
export const ADD_CAP_SHARE = 0.06;
export const MAX_UPPER_RATE = 0.66;
export const UPPER_FROM_G = 6;

/**
 * Yearly uførepensjon at full disability: baseRate · min(S, 12G) + min(addG · G, 6 % · S) + upperRate · (min(S, 12G) − 6G)⁺.
 * Example (the legal maximum): disabilityPension(0.03, 0.25, 0.66, 800 000, 130 160)
 *   = 24 000 + min(32 540, 48 000) + 0.66 · 19 040 = 24 000 + 32 540 + 12 566.40 = 69 106.40.
 */
export function disabilityPension(baseRate: number, addG: number, upperRate: number, pay: number, g: number): number {
  const capped = Math.min(Math.max(0, pay), PAY_CAP_G * g);
  return baseRate * capped + Math.min(addG * g, ADD_CAP_SHARE * Math.max(0, pay)) + upperRate * Math.max(0, capped - UPPER_FROM_G * g);
}
