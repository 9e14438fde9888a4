/**
 * Pension saving for the self-employed (innskuddspensjon for selvstendig næringsdrivende,
 * docs/model.md §2.3): contributions as a share of personinntekt between a floor (default 1 G; whether
 * it still applies is unconfirmed, so it is a parameter) and 12 G. The maximum share by year is
 * 4 % before 2017, 6 % in 2017–2018 and 7 % from 2019 (KLP).
 */
import { PAY_CAP_G } from './otp-band.js';

/** Maximum contribution rate in a calendar year. Example: selfEmployedMaxRate(2018) = 0.06. */
export function selfEmployedMaxRate(year: number): number {
  if (year < 2017) return 0.04;
  if (year < 2019) return 0.06;
  return 0.07;
}

/**
 * Contribution: rate · (min(S, 12G) − floorG·G)⁺.
 * Example: selfEmployedContribution(0.07, 1, 600 000, 130 160) = 0.07 · 469 840 = 32 888.80.
 */
export function selfEmployedContribution(rate: number, floorG: number, income: number, g: number): number {
  return rate * Math.max(0, Math.min(income, PAY_CAP_G * g) - floorG * g);
}
