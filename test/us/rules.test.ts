/**
 * The US rules (src/rules/us): the limits table by year (DOMAIN.md 2.1) and its indexation, catch-up
 * by age, each match formula on worked examples, the 401(k) year with 402(g), 401(a)(17) and 415(c),
 * SIMPLE and SEP, vesting schedules, NUA against an IRA rollover, and the 55/10 sale.
 */
import { describe, expect, it } from 'vitest';
import { fiftyFiveTenSale } from '../../src/rules/us/diversification.js';
import { k401Contributions } from '../../src/rules/us/k401-contributions.js';
import { catchUpLimit, simpleCatchUpLimit, usLimits } from '../../src/rules/us/limits.js';
import { FIFTY_PERCENT_OF_SIX, matchAmount, matchTierProblems, QACA_MATCH, SAFE_HARBOR_BASIC, SAFE_HARBOR_ENHANCED } from '../../src/rules/us/match-formula.js';
import { nuaAfterTax, rolloverAfterTax } from '../../src/rules/us/nua.js';
import { sepIraContribution } from '../../src/rules/us/sep-ira-contributions.js';
import { simpleIraContributions } from '../../src/rules/us/simple-ira-contributions.js';
import { vestedShare } from '../../src/rules/us/vesting.js';

describe('limits table 2020–2026 (DOMAIN.md 2.1)', () => {
  const table: [number, number, number, number, number, number, number, number, number][] = [
    // year, 402(g), 50+, 60–63, 415(c), 401(a)(17), SIMPLE, SIMPLE 50+, SIMPLE 60–63 (IRS Notice 2024-80, IR-2025-111)
    [2020, 19_500, 6_500, 0, 57_000, 285_000, 13_500, 3_000, 0],
    [2021, 19_500, 6_500, 0, 58_000, 290_000, 13_500, 3_000, 0],
    [2022, 20_500, 6_500, 0, 61_000, 305_000, 14_000, 3_000, 0],
    [2023, 22_500, 7_500, 0, 66_000, 330_000, 15_500, 3_500, 0],
    [2024, 23_000, 7_500, 0, 69_000, 345_000, 16_000, 3_500, 0],
    [2025, 23_500, 7_500, 11_250, 70_000, 350_000, 16_500, 3_500, 5_250],
    [2026, 24_500, 8_000, 11_250, 72_000, 360_000, 17_000, 4_000, 5_250],
  ];
  it.each(table)('%i', (year, deferral, c50, c60, add, comp, simple, simpleC, simpleC60) => {
    expect(usLimits(year)).toEqual({
      year, deferral, catchUp50: c50, catchUp60to63: c60, annualAdditions: add, compensationCap: comp, simpleDeferral: simple, simpleCatchUp50: simpleC, simpleCatchUp60to63: simpleC60,
    });
  });
  it('indexes beyond 2026 by the parameter, compounded', () => {
    expect(usLimits(2028, 0.02).deferral).toBeCloseTo(24_500 * 1.02 ** 2, 9);
    expect(usLimits(2027, 0.03).compensationCap).toBeCloseTo(360_000 * 1.03, 9);
    expect(usLimits(2040, 0).annualAdditions).toBe(72_000);
  });
  it('refuses a year before 2020', () => {
    expect(() => usLimits(2019)).toThrow(/from 2020; got the year 2019/);
  });
});

describe('catch-up by age', () => {
  it('2025: 49 → 0, 50 → 7 500, 60 → 11 250 (replaces 50+), 63 → 11 250, 64 → 7 500', () => {
    const l = usLimits(2025);
    expect([49, 50, 60, 63, 64].map((a) => catchUpLimit(l, a))).toEqual([0, 7_500, 11_250, 11_250, 7_500]);
  });
  it('2024 has no 60–63 amount: 60 gets the 50+ catch-up', () => {
    expect(catchUpLimit(usLimits(2024), 60)).toBe(7_500);
  });
  it('2026 and the SIMPLE catch-up', () => {
    const l = usLimits(2026);
    expect([49, 50, 60, 64].map((a) => catchUpLimit(l, a))).toEqual([0, 8_000, 11_250, 8_000]);
    expect([49, 50].map((a) => simpleCatchUpLimit(l, a))).toEqual([0, 4_000]);
  });
  it('SIMPLE: 60–63 get 5 250 from 2025 instead of the 50+ amount (SECURE 2.0 §109); 2024 has none', () => {
    expect([49, 50, 59, 60, 63, 64].map((a) => simpleCatchUpLimit(usLimits(2026), a))).toEqual([0, 4_000, 4_000, 5_250, 5_250, 4_000]);
    expect([50, 60].map((a) => simpleCatchUpLimit(usLimits(2025), a))).toEqual([3_500, 5_250]);
    expect(simpleCatchUpLimit(usLimits(2024), 61)).toBe(3_500);
  });
  it('a 401(k) deferral of 20 % of 200 000 in 2026 is capped at 402(g) plus the age\'s catch-up', () => {
    const l = usLimits(2026);
    const at = (age: number) => k401Contributions(200_000, 0.2, [], 0, l, age).deferral;
    expect([49, 50, 60, 64].map(at)).toEqual([24_500, 32_500, 35_750, 32_500]);
  });
});

describe('match formulas on worked examples (pay 100 000)', () => {
  it('safe-harbor basic: 100 % of the first 3 % + 50 % of the next 2 %', () => {
    expect(matchAmount(SAFE_HARBOR_BASIC, 0.05, 100_000)).toBeCloseTo(4_000, 9);
    expect(matchAmount(SAFE_HARBOR_BASIC, 0.04, 100_000)).toBeCloseTo(3_500, 9);
    expect(matchAmount(SAFE_HARBOR_BASIC, 0.02, 100_000)).toBeCloseTo(2_000, 9);
    expect(matchAmount(SAFE_HARBOR_BASIC, 0.1, 100_000)).toBeCloseTo(4_000, 9);
  });
  it('enhanced 100 % of the first 4 %', () => {
    expect(matchAmount(SAFE_HARBOR_ENHANCED, 0.06, 100_000)).toBeCloseTo(4_000, 9);
    expect(matchAmount(SAFE_HARBOR_ENHANCED, 0.03, 100_000)).toBeCloseTo(3_000, 9);
  });
  it('QACA 100 % of the first 1 % + 50 % of the next 5 %', () => {
    expect(matchAmount(QACA_MATCH, 0.06, 100_000)).toBeCloseTo(3_500, 9);
    expect(matchAmount(QACA_MATCH, 0.03, 100_000)).toBeCloseTo(2_000, 9);
  });
  it('50 % of the first 6 %', () => {
    expect(matchAmount(FIFTY_PERCENT_OF_SIX, 0.06, 100_000)).toBeCloseTo(3_000, 9);
    expect(matchAmount(FIFTY_PERCENT_OF_SIX, 0.04, 100_000)).toBeCloseTo(2_000, 9);
    expect(matchAmount(FIFTY_PERCENT_OF_SIX, 0.1, 100_000)).toBeCloseTo(3_000, 9);
  });
  it('any list of tiers: 100 % of 0–2 %, 25 % of 2–8 %', () => {
    const tiers = [{ from: 0, to: 0.02, rate: 1 }, { from: 0.02, to: 0.08, rate: 0.25 }];
    expect(matchAmount(tiers, 0.05, 100_000)).toBeCloseTo(2_000 + 750, 9);
  });
  it('finds overlapping and empty tiers', () => {
    expect(matchTierProblems(SAFE_HARBOR_BASIC)).toEqual([]);
    expect(matchTierProblems([{ from: 0, to: 0.04, rate: 1 }, { from: 0.03, to: 0.05, rate: 0.5 }]).map((p) => p.index)).toEqual([1]);
    expect(matchTierProblems([{ from: 0.03, to: 0.03, rate: 1 }])[0]!.message).toMatch(/from < to/);
  });
});

describe('one 401(k) year with the limits', () => {
  it('2026, age 45, pay 100 000, 6 %, basic match: 6 000 + 4 000', () => {
    expect(k401Contributions(100_000, 0.06, SAFE_HARBOR_BASIC, 0, usLimits(2026), 45)).toEqual({ deferral: 6_000, catchUp: 0, match: 4_000, nonelective: 0 });
  });
  it('pay above 401(a)(17): deferral at 402(g), match on 360 000', () => {
    const c = k401Contributions(500_000, 0.1, SAFE_HARBOR_BASIC, 0, usLimits(2026), 45);
    expect(c.deferral).toBe(24_500);
    expect(c.match).toBeCloseTo(0.04 * 360_000, 9);
  });
  it('415(c) cuts the employer money: deferral 24 500 + employer ≤ 72 000', () => {
    const c = k401Contributions(300_000, 0.1, SAFE_HARBOR_BASIC, 0.2, usLimits(2026), 45);
    // Uncut: match 12 000 + nonelective 60 000 = 72 000; room 72 000 − 24 500 = 47 500.
    expect(c.match + c.nonelective).toBeCloseTo(47_500, 9);
    expect(c.match / c.nonelective).toBeCloseTo(12_000 / 60_000, 12);
  });
  it('415(c) is also 100 % of pay', () => {
    const c = k401Contributions(20_000, 0.9, [], 0.5, usLimits(2026), 45);
    expect(c.deferral).toBe(18_000);
    expect(c.nonelective).toBeCloseTo(2_000, 9);
  });
  it('no pay (a year without a job): no money at all, at any deferral rate or age', () => {
    for (const age of [45, 61]) expect(k401Contributions(0, 0.1, SAFE_HARBOR_BASIC, 0.03, usLimits(2026), age)).toEqual({ deferral: 0, catchUp: 0, match: 0, nonelective: 0 });
  });
});

describe('SIMPLE and SEP', () => {
  it('SIMPLE 2026, pay 80 000, 5 %: match 3 % or nonelective 2 %', () => {
    expect(simpleIraContributions(80_000, 0.05, 'match-3', usLimits(2026), 40)).toEqual({ deferral: 4_000, employer: 2_400 });
    expect(simpleIraContributions(80_000, 0.05, 'nonelective-2', usLimits(2026), 40)).toEqual({ deferral: 4_000, employer: 1_600 });
    expect(simpleIraContributions(80_000, 0.02, 'match-3', usLimits(2026), 40).employer).toBe(1_600);
  });
  it('SIMPLE without pay: nothing from either side', () => {
    expect(simpleIraContributions(0, 0.05, 'match-3', usLimits(2026), 40)).toEqual({ deferral: 0, employer: 0 });
    expect(simpleIraContributions(0, 0.05, 'nonelective-2', usLimits(2026), 55)).toEqual({ deferral: 0, employer: 0 });
  });
  it('SIMPLE deferral limit and catch-up: 2026, pay 300 000, 10 %', () => {
    expect(simpleIraContributions(300_000, 0.1, 'match-3', usLimits(2026), 49).deferral).toBe(17_000);
    expect(simpleIraContributions(300_000, 0.1, 'match-3', usLimits(2026), 50).deferral).toBe(21_000);
  });
  it('SEP: 25 % of capped pay, at most 415(c)', () => {
    expect(sepIraContribution(200_000, 0.25, usLimits(2026))).toBe(50_000);
    expect(sepIraContribution(400_000, 0.25, usLimits(2026))).toBe(72_000);
    expect(sepIraContribution(400_000, 0.1, usLimits(2026))).toBe(36_000);
  });
});

describe('vesting schedules', () => {
  it('immediate, 3-year cliff, 2–6 graded by completed years 0..7', () => {
    const years = [0, 1, 2, 3, 4, 5, 6, 7];
    expect(years.map((y) => vestedShare('immediate', y))).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(years.map((y) => vestedShare('cliff-3', y))).toEqual([0, 0, 0, 1, 1, 1, 1, 1]);
    years.map((y) => vestedShare('graded-2-6', y)).forEach((v, i) => expect(v).toBeCloseTo([0, 0, 0.2, 0.4, 0.6, 0.8, 1, 1][i]!, 12));
  });
});

describe('NUA against an IRA rollover', () => {
  const tax = { ordinaryRate: 0.32, capitalGainsRate: 0.15 };
  it('worked example: funds 100 000, shares 500 000 with basis 100 000', () => {
    expect(rolloverAfterTax(100_000, 500_000, tax)).toBeCloseTo(408_000, 6);
    // 68 000 + 500 000 − 0.32 · 100 000 − 0.15 · 400 000
    expect(nuaAfterTax(100_000, 500_000, 100_000, tax)).toBeCloseTo(476_000, 6);
  });
  it('shares below their basis: no gain, NUA equals the rollover', () => {
    expect(nuaAfterTax(50_000, 80_000, 100_000, tax)).toBeCloseTo(rolloverAfterTax(50_000, 80_000, tax), 6);
  });
});

describe('55/10 diversification', () => {
  it('25 % cumulative for five years, 50 % in the sixth, nothing after', () => {
    expect(fiftyFiveTenSale(1, 1_000, 0)).toBe(250);
    // Year 2: held 750 + sold 250 = 1 000 → 25 % reached already.
    expect(fiftyFiveTenSale(2, 750, 250)).toBe(0);
    // New shares: held 950, sold 250 → 25 % of 1 200 = 300 → sell 50.
    expect(fiftyFiveTenSale(3, 950, 250)).toBe(50);
    expect(fiftyFiveTenSale(6, 900, 300)).toBe(300);
    expect(fiftyFiveTenSale(7, 600, 600)).toBe(0);
  });
});
