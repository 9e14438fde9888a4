import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { weightsAtAge } from '../../src/plan/weights-at-age.js';
import { averageG, gForYear } from '../../src/rules/no/grunnbelop.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import type { ProfileSpec } from '../../src/scenario/schema.js';
import { scenarioHash } from '../../src/base/scenario-hash.js';
import { annuityPayment } from '../../src/rules/annuity.js';

describe('G (DOMAIN.md 1.1, NAV)', () => {
  it('average G = old · 4/12 + new · 8/12 matches NAV\'s published yearly averages', () => {
    const published: [number, number][] = [
      [2011, 78_024], [2015, 89_502], [2020, 100_853], [2022, 109_784], [2024, 122_225], [2025, 128_116], [2026, 134_419],
    ];
    for (const [year, avg] of published) expect(Math.round(averageG(year))).toBe(avg);
  });

  it('G is projected with the growth beyond 2026', () => {
    expect(gForYear(2026, 0.03)).toBe(136_549);
    expect(gForYear(2028, 0.03)).toBeCloseTo(136_549 * 1.03 ** 2, 6);
  });
});

describe('glide path', () => {
  const profile = {
    assets: [
      { name: 'equity', expectedReturn: 0.07, volatility: 0.16 },
      { name: 'bond', expectedReturn: 0.03, volatility: 0.06 },
    ],
    glidePath: [
      { age: 55, weights: { equity: 1, bond: 0 } },
      { age: 67, weights: { equity: 0.4, bond: 0.6 } },
    ],
    rebalancing: 'yearly',
    fees: { managementRate: 0, perMember: 0 },
  } as ProfileSpec;

  it('100 % equities until 55, then down 5 points a year to 40 % at 67', () => {
    expect(weightsAtAge(profile, 30)).toEqual([1, 0]);
    expect(weightsAtAge(profile, 55)).toEqual([1, 0]);
    for (let age = 56; age <= 67; age++) expect(weightsAtAge(profile, age)[0]).toBeCloseTo(1 - 0.05 * (age - 55), 12);
    expect(weightsAtAge(profile, 80)).toEqual([0.4, 0.6]);
  });
});

describe('annuity payment', () => {
  it('pays K back over n years at rate i (present value identity), and K/n at 0 %', () => {
    const p = annuityPayment(403_064, 0.04, 10);
    let pv = 0;
    for (let t = 1; t <= 10; t++) pv += p / 1.04 ** t;
    expect(pv).toBeCloseTo(403_064, 6);
    expect(Math.round(p)).toBe(49_694); // GOLDEN.md G1, 10 saving years
    expect(annuityPayment(100, 0, 4)).toBe(25);
  });
});

describe('compiled plan and scenario hash', () => {
  const input = {
    person: { birthYear: 1990, startYear: 2026, retirementAge: 67, salary: 650_000 },
    plan: { kind: 'no-otp-dc', contribution: { method: 'percent-of-pay', rate: 0.05 } },
    profile: { assets: [{ name: 'a', expectedReturn: 0.05, volatility: 0.1 }], weights: { a: 1 } },
    payout: { years: 10, method: { kind: 'balance-over-remaining-years' } },
  };

  it('lognormal parameters reproduce the arithmetic mean and volatility', () => {
    const plan = compilePlan(checkScenario(input));
    const m = plan.logMean[0]!;
    const s = plan.covFactor[0]!;
    expect(Math.exp(m + (s * s) / 2)).toBeCloseTo(1.05, 12);
    expect(Math.sqrt((Math.exp(s * s) - 1) * Math.exp(2 * m + s * s))).toBeCloseTo(0.1, 12);
    expect([plan.nAccum, plan.payStart, plan.nYears]).toEqual([31, 31, 41]);
  });

  it('the hash ignores key order and spelled-out defaults, and changes with any value', () => {
    const a = scenarioHash(checkScenario(input));
    const reordered = { payout: input.payout, profile: input.profile, plan: input.plan, person: { ...input.person, wageGrowth: 0.03 } };
    expect(scenarioHash(checkScenario(reordered))).toBe(a);
    expect(scenarioHash(checkScenario({ ...input, person: { ...input.person, salary: 650_001 } }))).not.toBe(a);
  });
});
