/**
 * With the folketrygd modelled, the DC payout is taxed on top of the simulated folketrygd pension
 * AND of tax.otherPensionIncome (income besides the folketrygd, e.g. AFP): before this was fixed,
 * otherPensionIncome was silently ignored whenever a folketrygd block was present.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { projectLedger } from '../../src/ledger/project-ledger.js';
import { NO_PENSION_TAX, norwegianPensionTax as pensionTax } from '../../src/rules/no/pension-tax.js';
import { scenarioFrom, still } from './helpers.js';

const flat = { profile: { assets: still([{ name: 'equity', expectedReturn: 0.05 }, { name: 'bond', expectedReturn: 0.05 }]), correlation: undefined, glidePath: undefined, weights: { equity: 0.5, bond: 0.5 } } };
const noDeaths = { mortality: undefined };

describe('otherPensionIncome with the folketrygd', () => {
  const without = scenarioFrom('total-pension-with-folketrygd.json', { ...flat, ...noDeaths });
  const withAfp = scenarioFrom('total-pension-with-folketrygd.json', { ...flat, ...noDeaths, tax: { otherPensionIncome: 100_000 } });

  it('raises the tax on the DC payout: the payout is taxed on top of folketrygd + other income', () => {
    const a = projectLedger(without);
    const b = projectLedger(withAfp);
    expect(b.firstPayoutGross.toNumber()).toBe(a.firstPayoutGross.toNumber());
    expect(b.firstPayoutNet.toNumber()).toBeLessThan(a.firstPayoutNet.toNumber() - 1000);
  });

  it('the tax on the payout is tax(folketrygd + other + payout) − tax(folketrygd + other), in tax-year kroner at the tax year\'s G', () => {
    // Payout start 2059 at 67; the 2026 rules apply with brackets indexed by G: deflate by G_2026 / G_2059.
    const l = projectLedger(withAfp);
    const gross = l.firstPayoutGross.toNumber();
    const ft = l.folketrygdAtPayoutStart.toNumber();
    const scale = 1 / 1.03 ** (2059 - 2026);
    const p = NO_PENSION_TAX[2026]!;
    const other = ft * scale + 100_000;
    const tax = (pensionTax(other + gross * scale, p) - pensionTax(other, p)) / scale;
    expect(l.firstPayoutNet.toNumber()).toBeCloseTo(gross - tax, 4);
  });

  it('the simulation taxes alike (zero volatility: every path is the ledger)', async () => {
    const r = await simulate(withAfp, { paths: 50, threads: 1 });
    expect(r.metrics.payoutNet.percentiles.p50).toBeCloseTo(projectLedger(withAfp).firstPayoutNet.toNumber(), 6);
  });
});
