import { describe, expect, it } from 'vitest';
import { projectLedger } from '../../src/ledger/project-ledger.js';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { selfEmployedContribution, selfEmployedMaxRate } from '../../src/rules/no/self-employed.js';
import { UserError } from '../../src/base/user-error.js';
import { scenarioFrom } from './helpers.js';

describe('self-employed saving (DOMAIN.md 1.3)', () => {
  it('maximum 4 % before 2017, 6 % in 2017–2018, 7 % from 2019; contributions on income between 1 G and 12 G', () => {
    expect([2016, 2017, 2018, 2019, 2026].map(selfEmployedMaxRate)).toEqual([0.04, 0.06, 0.06, 0.07, 0.07]);
    expect(selfEmployedContribution(0.07, 1, 600_000, 130_160)).toBeCloseTo(32_888.8, 6);
    expect(selfEmployedContribution(0.07, 1, 3_000_000, 100_000)).toBeCloseTo(0.07 * 1_100_000, 6);
    expect(selfEmployedContribution(0.07, 1, 90_000, 100_000)).toBe(0);
  });

  it('the ledger pays rate · (pay − G) each year', () => {
    const l = projectLedger(scenarioFrom('self-employed.json', {}));
    for (const r of l.rows.filter((row) => row.phase === 'saving')) {
      expect(r.contribution.toNumber()).toBeCloseTo(0.07 * (r.salary.toNumber() - r.g.toNumber()), 6);
    }
  });

  it('a rate above the year\'s maximum is refused, naming the years', () => {
    const s = scenarioFrom('self-employed.json', { person: { startYear: 2015, birthYear: 1974 } });
    expect(() => compilePlan(s)).toThrow(UserError);
    expect(() => compilePlan(s)).toThrow(/in 4 of .* saving years, e\.g\. 2015 \(age 41\): rate 7 %, maximum 4 %/);
  });
});

describe('payout rules (DOMAIN.md 1.5)', () => {
  it('a yearly amount below 0.2 G shortens the period (here to one payment of everything)', () => {
    const s = scenarioFrom('default.json', { person: { birthYear: 1964, salary: 200_000, initialCapital: 0 }, plan: { contribution: { method: 'percent-of-pay', rate: 0.02 } } });
    const l = projectLedger(s);
    const payouts = l.rows.filter((r) => r.phase === 'payout').map((r) => r.payoutGross.toNumber());
    // One payment at the year end: the capital with a year of expected return (5.2 %), less the 0.25 % fee.
    expect(payouts[0]).toBeCloseTo(l.capitalAtRetirement.toNumber() * 1.052 * 0.9975, 6);
    expect(payouts.slice(1).every((p) => p === 0)).toBe(true);
  });

  it('a period is shortened only as far as needed: every payment reaches 0.2 G', () => {
    const s = scenarioFrom('default.json', { person: { birthYear: 1964, salary: 650_000, initialCapital: 20_000 } });
    const l = projectLedger(s);
    const rows = l.rows.filter((r) => r.phase === 'payout' && r.payoutGross.gt(0));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThan(10);
    // Every payment but the last (everything that is left) reaches 0.2 G.
    for (const r of rows.slice(0, -1)) expect(r.payoutGross.toNumber()).toBeGreaterThanOrEqual(0.2 * r.g.toNumber() - 1e-6);
  });

  it('graded withdrawal pays the share of the formula until the full age', () => {
    const full = projectLedger(scenarioFrom('default.json', {}));
    const graded = projectLedger(scenarioFrom('default.json', { payout: { graded: { share: 0.5, fullFromAge: 70 } } }));
    expect(graded.firstPayoutGross.div(full.firstPayoutGross).toNumber()).toBeCloseTo(0.5, 12);
    const at70 = graded.rows.find((r) => r.age === 70)!;
    expect(at70.payoutGross.gt(full.rows.find((r) => r.age === 70)!.payoutGross)).toBe(true);
  });
});
