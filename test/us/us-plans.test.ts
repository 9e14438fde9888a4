/**
 * The US plans through the kernel: the KSOP/401(k) identity (σ_ε = 0, β = 1, no default), limits
 * applied every year (402(g) and the catch-up by age, indexed after 2026), forfeiture on leaving,
 * the double hit of a default that ends the job, diversification policies, the distribution, and
 * common random numbers across scenarios.
 */
import { describe, expect, it } from 'vitest';
import { catchUpLimit, usLimits } from '../../src/rules/us/limits.js';
import { usScenario, type Json } from './helpers.js';
import { usRun } from './helpers.js';

const PATHS = 3_000;

/** 100 % equity, no fees: the fund and a β = 1, σ_ε = 0 stock earn the same return. */
function allEquity(j: Json) {
  j.profile.weights = { 'us-equity': 1, 'us-bond': 0 };
  j.profile.fees = { managementRate: 0, perMember: 0 };
}

describe('property: σ_ε = 0, β = 1, no default → KSOP = diversified 401(k) on every path', () => {
  it('with vesting, leaving the employer and 30 % of deferrals in stock', async () => {
    const stock = { marketAsset: 'us-equity', beta: 1, idiosyncraticVolatility: 0, defaultHazard: 0, riskFreeRate: 0.035 };
    const ksop = (await usRun(usScenario('ksop-concentrated.json', (j) => {
      allEquity(j);
      j.plan.deferralStockShare = 0.3;
      j.employerStock = stock;
      j.employment = { leaveProbability: 0.1 };
    }), { paths: PATHS }));
    const k401 = (await usRun(usScenario('401k-diversified.json', (j) => {
      allEquity(j);
      j.employment = { leaveProbability: 0.1 };
    }), { paths: PATHS }));
    const a = ksop.values.terminalWealth;
    const b = k401.values.terminalWealth;
    let worst = 0;
    for (let p = 0; p < PATHS; p++) worst = Math.max(worst, Math.abs(a[p]! / b[p]! - 1));
    expect(worst).toBeLessThan(1e-9);
    // Not trivially equal: the KSOP did hold company stock, and forfeitures happened.
    expect(Math.max(...ksop.values.employerStockValue)).toBeGreaterThan(0);
    expect(Math.max(...k401.values.forfeited)).toBeGreaterThan(0);
  });
  it('and it breaks as soon as σ_ε > 0', async () => {
    const ksop = (await usRun(usScenario('ksop-concentrated.json', (j) => {
      allEquity(j);
      j.employerStock.idiosyncraticVolatility = 0.05;
      j.employerStock.defaultHazard = 0;
      j.employerStock.beta = 1;
    }), { paths: 200 }));
    const k401 = (await usRun(usScenario('401k-diversified.json', allEquity), { paths: 200 }));
    expect(ksop.values.terminalWealth.some((x, p) => Math.abs(x / k401.values.terminalWealth[p]! - 1) > 1e-6)).toBe(true);
  });
});

describe('limits every year', () => {
  it('a 50 % deferral on 500 000 pay, ages 58–64, 2026–2032: 402(g) + the age\'s catch-up, indexed 2 %', async () => {
    const run = (await usRun(usScenario('401k-diversified.json', (j) => {
      j.person = { birthYear: 1968, startYear: 2026, retirementAge: 65, salary: 500_000, wageGrowth: 0 };
      j.plan.deferralRate = 0.5;
      j.limits = { indexation: 0.02 };
      j.employment = { leaveProbability: 0 };
    }), { paths: 10 }));
    let expected = 0;
    for (let y = 0; y < 7; y++) {
      const l = usLimits(2026 + y, 0.02);
      expected += l.deferral + catchUpLimit(l, 58 + y);
    }
    // Ages 60–63 take the larger catch-up: 11 250 (indexed), not 8 000.
    expect(expected).toBeGreaterThan(7 * 24_500 + 7 * 8_000);
    for (const d of run.values.deferrals) expect(d).toBeCloseTo(expected, 6);
  });
  it('SEP at 25 % on 400 000 pay: 415(c) a year', async () => {
    const run = (await usRun(usScenario('sep-ira.json', (j) => {
      j.person = { birthYear: 1976, startYear: 2026, retirementAge: 52, salary: 400_000, wageGrowth: 0 };
      j.plan.rate = 0.25;
      j.limits = { indexation: 0 };
    }), { paths: 5 }));
    for (const e of run.values.employerMoney) expect(e).toBeCloseTo(2 * 72_000, 6);
  });
});

describe('vesting and leaving', () => {
  const withLeaving = async (vesting: string) =>
    (await usRun(usScenario('401k-diversified.json', (j) => {
      j.plan.vesting = vesting;
      j.employment = { leaveProbability: 1 };
    }), { paths: 500 }));
  it('leaving every year under a 3-year cliff forfeits every match dollar: as if there were no match', async () => {
    const noMatch = (await usRun(usScenario('401k-diversified.json', (j) => {
      j.plan.match = [];
    }), { paths: 500 }));
    const cliff = await withLeaving('cliff-3');
    cliff.values.terminalWealth.forEach((x, p) => expect(x / noMatch.values.terminalWealth[p]! - 1).toBeCloseTo(0, 9));
    expect(Math.min(...cliff.values.forfeited)).toBeGreaterThan(0);
  });
  it('immediate vesting forfeits nothing', async () => {
    expect(Math.max(...(await withLeaving('immediate')).values.forfeited)).toBe(0);
  });
});

describe('default, job loss and diversification', () => {
  const mean = (x: Float64Array) => x.reduce((a, b) => a + b, 0) / x.length;
  it('a default that ends the job stops pay for a year: fewer deferrals, and the stock is gone', async () => {
    const edit = (ends: boolean) => (j: Json) => {
      j.employerStock.defaultHazard = 0.2;
      j.employment = { leaveProbability: 0, defaultEndsJob: ends, yearsWithoutPay: 1 };
    };
    const hit = (await usRun(usScenario('ksop-concentrated.json', edit(true)), { paths: 2_000 }));
    const kept = (await usRun(usScenario('ksop-concentrated.json', edit(false)), { paths: 2_000 }));
    expect(mean(hit.values.deferrals)).toBeLessThan(mean(kept.values.deferrals));
    let defaults = 0;
    hit.values.defaulted.forEach((d, p) => {
      if (d === 1) {
        defaults++;
        expect(hit.values.employerStockValue[p]).toBe(0);
      }
    });
    // The check above ran: at a 20 % yearly hazard most of the 2 000 paths default.
    expect(defaults).toBeGreaterThan(500);
  });
  it('diversifying lowers the company-stock share at retirement: hold > 55/10 > sell after 3 years; a 5 % cap holds', async () => {
    const share = async (policy: Json) =>
      mean((await usRun(usScenario('ksop-concentrated.json', (j) => {
        j.plan.diversification = policy;
        j.employerStock.defaultHazard = 0;
        j.plan.deferralStockShare = 0;
      }), { paths: 1_000 })).values.employerStockShare);
    const hold = (await share({ kind: 'hold' }));
    const fiftyFive = (await share({ kind: 'fifty-five-ten' }));
    const sell = (await share({ kind: 'sell-after-service', years: 3 }));
    expect(hold).toBeGreaterThan(fiftyFive);
    expect(fiftyFive).toBeGreaterThan(sell);
    // A cap of 5 % at each year start, plus at most one year's match bought since.
    expect((await share({ kind: 'cap', share: 0.05 }))).toBeLessThan(0.08);
  });
});

describe('distribution and common random numbers', () => {
  it('after tax: the better of NUA and rollover; without company stock NUA = rollover', async () => {
    const ksop = (await usRun(usScenario('ksop-concentrated.json'), { paths: 1_000 }));
    ksop.values.afterTaxBest.forEach((b, p) => {
      expect(b).toBe(Math.max(ksop.values.afterTaxNua[p]!, ksop.values.afterTaxRollover[p]!));
    });
    expect(ksop.values.afterTaxNua.some((n, p) => n > ksop.values.afterTaxRollover[p]!)).toBe(true);
    const k401 = (await usRun(usScenario('401k-diversified.json'), { paths: 200 }));
    k401.values.afterTaxNua.forEach((n, p) => expect(n).toBeCloseTo(k401.values.afterTaxRollover[p]!, 6));
  });
  it('the same seed gives every scenario the same market path by path; a run repeats exactly', async () => {
    const a = (await usRun(usScenario('ksop-concentrated.json'), { paths: 4_100 }));
    const b = (await usRun(usScenario('sep-ira.json'), { paths: 4_100 }));
    expect(b.values.marketWealthRelative).toEqual(a.values.marketWealthRelative);
    expect((await usRun(usScenario('ksop-concentrated.json'), { paths: 4_100 })).values.terminalWealth).toEqual(a.values.terminalWealth);
    const other = (await usRun(usScenario('ksop-concentrated.json'), { paths: 4_100, seed: 2 }));
    expect(other.values.marketWealthRelative).not.toEqual(a.values.marketWealthRelative);
  });
});
