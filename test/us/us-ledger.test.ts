/**
 * `pensim project` on a US plan (ledger/project-us-ledger.ts, decimal.js) against the kernel's
 * zero-volatility path: the same saving years, payout years (RMDs, Social Security, federal tax,
 * the RMD excess reinvested) and bequest, to float precision.
 */
import { describe, expect, it } from 'vitest';
import { projectUsLedger } from '../../src/ledger/project-us-ledger.js';
import { US_PAYOUT_SERIES } from '../../src/plan/us-payout-plan.js';
import { usPayoutAt, usPayoutFans, US_SERIES } from '../../src/plan/us-simulation-plan.js';
import { usScenario } from './helpers.js';

describe('the US ledger equals a zero-volatility run', () => {
  it('a 401(k) saving 2020-2029 from 62, paying out 72-95 with federal tax, Social Security and RMDs from 73', async () => {
    const s = usScenario('401k-diversified.json', (j) => {
      j.person = { birthYear: 1958, startYear: 2020, retirementAge: 72, salary: 90_000, wageGrowth: 0.03, initialCapital: 400_000 };
      j.plan = { kind: 'us-401k', deferralRate: 0.08, match: [{ from: 0, to: 0.04, rate: 1 }] };
      j.profile = { assets: [{ name: 'stocks', expectedReturn: 0.06, volatility: 0 }, { name: 'bonds', expectedReturn: 0.03, volatility: 0 }], weights: { stocks: 0.6, bonds: 0.4 }, fees: { managementRate: 0.002, perMember: 25 } };
      j.employment = { leaveProbability: 0 };
      j.payout = {
        horizonAge: 95, weights: { stocks: 0.4, bonds: 0.6 }, withdrawal: { kind: 'percent-of-balance', rate: 0.035 }, tax: { kind: 'federal', filing: 'married-joint' },
        socialSecurity: { benefitAtFullRetirementAge: 36_000, claimingAge: 70 }, inflation: 0.025,
      };
      delete j.simulation.targetWealth;
    });
    const ledger = projectUsLedger(s);
    const { simulatePaths } = await import('../../src/engine/simulate-paths.js');
    const { compileUsPlan } = await import('../../src/plan/compile-us.js');
    const plan = compileUsPlan(s);
    const { series } = await simulatePaths(s, { threads: 1, paths: 2 });
    const close = (a: number, b: number) => expect(Math.abs(a - b) / Math.max(1, Math.abs(b))).toBeLessThan(1e-9);
    close(series[US_SERIES.indexOf('terminalWealth')]![0]!, ledger.accountAtRetirement.toNumber());
    const fans = usPayoutFans({ nYears: plan.nYears, payout: plan.payout! });
    expect(ledger.payout).toHaveLength(23);
    expect(ledger.payout.filter((r) => r.rmd.gt(r.policy)).length).toBeGreaterThan(0); // the RMD binds in some years
    ledger.payout.forEach((r, k) => {
      close(series[fans.account + k]![0]!, r.accountEnd.toNumber());
      close(series[fans.spending + k]![0]!, r.spending.toNumber() / plan.payout!.priceIndex[k]!);
    });
    close(series[usPayoutAt(plan) + US_PAYOUT_SERIES.indexOf('bequest')]![0]!, ledger.bequest!.toNumber());
    expect(ledger.payout[1]!.rmdDivisor).toBe(26.5); // age 73 (IRS Uniform Lifetime Table)
  });
});
