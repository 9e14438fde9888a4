import { describe, expect, it } from 'vitest';
import { best3of5G, uforetrygdYear, assumedIncome, MIN_LEVEL_COHABITING_G, MIN_LEVEL_SINGLE_G } from '../../src/rules/no/uforetrygd.js';
import { disabilityPension } from '../../src/rules/no/disability-pension.js';
import { groupRate, navIncidence, sexFactor } from '../../src/rules/no/disability-incidence.js';

describe('uføretrygd (folketrygdloven §§ 12-11, 12-13)', () => {
  it('averages the best 3 of 5 years, each capped at 6 G', () => {
    // By hand: capped 4, 5, 6, 3, 6 -> best three 6, 6, 5 -> 17/3.
    expect(best3of5G([4, 5, 7, 3, 6.5], 6)).toBeCloseTo(17 / 3, 12);
    // The same years under the assumed income's 12 G cap: 7, 6.5, 5 -> 18.5/3.
    expect(best3of5G([4, 5, 7, 3, 6.5], 12)).toBeCloseTo(18.5 / 3, 12);
    // Order does not matter; zero years count as 0.
    expect(best3of5G([0, 0, 2, 0, 1], 6)).toBeCloseTo(1, 12);
  });
  it('pays 66 % of the basis times G and the degree', () => {
    expect(uforetrygdYear(17 / 3, 130_160, 1, MIN_LEVEL_COHABITING_G)).toBeCloseTo(486_798.4, 6);
    // 50 % degree: half of it.
    expect(uforetrygdYear(17 / 3, 130_160, 0.5, MIN_LEVEL_COHABITING_G)).toBeCloseTo(243_399.2, 6);
  });
  it('pays at least the minimum level: 2.28 G cohabiting, 2.48 G single (§ 12-13 second paragraph)', () => {
    // Basis 2 G: 66 % is 1.32 G, below both minimum levels.
    expect(uforetrygdYear(2, 100_000, 1, MIN_LEVEL_COHABITING_G)).toBeCloseTo(228_000, 6);
    expect(uforetrygdYear(2, 100_000, 1, MIN_LEVEL_SINGLE_G)).toBeCloseTo(248_000, 6);
    expect(uforetrygdYear(2, 100_000, 0.6, MIN_LEVEL_SINGLE_G)).toBeCloseTo(148_800, 6);
  });
  it('assumed income for accrual is degree x basis x G', () => {
    expect(assumedIncome(5, 130_000, 0.8)).toBeCloseTo(520_000, 6);
  });
});

describe('private uførepensjon (tjenestepensjonsloven kap. 8 maximum)', () => {
  it('3 % up to 12 G, plus 0.25 G capped at 6 % of pay, plus 66 % between 6 and 12 G', () => {
    // By hand: 0.03 * 800 000 = 24 000; 0.25 G = 32 540 < 48 000; 0.66 * (800 000 - 780 960) = 12 566.40.
    expect(disabilityPension(0.03, 0.25, 0.66, 800_000, 130_160)).toBeCloseTo(69_106.4, 6);
    // Low pay: 0.25 G = 25 000 but 6 % of 200 000 = 12 000 caps it; no upper band.
    expect(disabilityPension(0.03, 0.25, 0.66, 200_000, 100_000)).toBeCloseTo(6_000 + 12_000, 6);
    // Pay above 12 G: counted to 12 G. 0.03*1.2M + 25 000 + 0.66*600 000.
    expect(disabilityPension(0.03, 0.25, 0.66, 2_000_000, 100_000)).toBeCloseTo(36_000 + 25_000 + 396_000, 6);
  });
});

describe('default incidence (NAV 2012)', () => {
  it('derives each age group from NAV counts and prevalence', () => {
    // 45-49 by hand: population 30 438 / 0.085 = 358 094.1; not disabled 327 656.1; 4 288 new.
    expect(groupRate(6)).toBeCloseTo(4288 / (30438 / 0.085 - 30438), 12);
    expect(groupRate(6)).toBeCloseTo(0.013087, 6);
    // 60-64: 84 158 / 0.298 = 282 409.4 ; minus recipients 198 251.4 ; 4 986 new -> 0.025150.
    expect(groupRate(9)).toBeCloseTo(0.02515, 5);
  });
  it('applies the sex factors from NAV per-1000 rates and is zero outside 18-66', () => {
    expect(sexFactor('female')).toBeCloseTo(88.5 / 73.1, 12);
    expect(sexFactor('male')).toBeCloseTo(58.9 / 73.1, 12);
    expect(navIncidence(47, 'female')).toBeCloseTo(0.015844, 6);
    expect(navIncidence(45, undefined)).toBe(groupRate(6));
    expect(navIncidence(44, undefined)).toBe(groupRate(5));
    expect(navIncidence(17, 'male')).toBe(0);
    expect(navIncidence(67, 'male')).toBe(0);
    expect(navIncidence(66, undefined)).toBe(groupRate(10));
  });
});

describe("the folketrygd's survivors' benefits (kap. 17 and 18, rules from 2024)", () => {
  it('omstillingsstønad: 2.25 G less 45 % of income above 0.5 G, not below 0', async () => {
    const { omstillingG } = await import('../../src/rules/no/survivors.js');
    expect(omstillingG(0)).toBe(2.25);
    expect(omstillingG(0.5)).toBe(2.25);
    expect(omstillingG(3)).toBeCloseTo(2.25 - 0.45 * 2.5, 12);
    expect(omstillingG(5.5)).toBeCloseTo(0, 12);
    expect(omstillingG(8)).toBe(0);
  });
  it('barnepensjon: 1 G a year per child until 20, from the year after the death; the total by hand', async () => {
    const { barnepensjonYears, survivorBenefits } = await import('../../src/rules/no/survivors.js');
    // Death in 2030: the child of 2020 is 11 in 2031 and is paid 2031..2039 (9 years); of 2023, 12 years.
    expect(barnepensjonYears(2030, [2020, 2023])).toBe(21);
    expect(barnepensjonYears(2030, [2005])).toBe(0); // 26 in 2031
    expect(barnepensjonYears(2030, [2031])).toBe(0); // not born at the death
    expect(survivorBenefits(130_160, 2030, [2020, 2023], true, 3, 3)).toBeCloseTo(130_160 * (3 * 1.125 + 21), 6);
    expect(survivorBenefits(130_160, 2030, [2020, 2023], false, 3, 3)).toBeCloseTo(130_160 * 21, 6);
  });
});
