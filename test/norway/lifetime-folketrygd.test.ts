import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { runChunk } from '../../src/kernel/run-chunk.js';
import { projectLedger } from '../../src/ledger/project-ledger.js';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { SCALAR_SERIES } from '../../src/plan/simulation-plan.js';
import { survivalCurve } from '../../src/rules/no/k2013.js';
import { scenarioFrom, still } from './helpers.js';

const flat = { profile: { assets: still([{ name: 'equity', expectedReturn: 0.05 }, { name: 'bond', expectedReturn: 0.05 }]), correlation: undefined, glidePath: undefined, weights: { equity: 0.5, bond: 0.5 } } };

describe('lifetime risk (K2013 draws)', () => {
  const s = scenarioFrom('total-pension-with-folketrygd.json', {});
  const curve = survivalCurve('female', 34, 2026, 110 - 34);

  it('the mean age at death is the start age plus the curtate expectation, within 4 SE', async () => {
    const r = await simulate(s, { paths: 40_000, threads: 1, percentileMethod: 'sketch' });
    let e = 0;
    for (let t = 1; t < curve.length; t++) e += curve[t]!;
    const m = r.metrics.ageAtDeath!;
    expect(Math.abs(m.mean - (34 + e))).toBeLessThan(4 * m.stderr);
    // Alive when the 10-year payout from 67 ends (no path is shortened here: checked by the ledger).
    const p = curve[77 - 34]!;
    const outlived = r.metrics.outlivedPayout!;
    expect(Math.abs(outlived.mean - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / r.paths));
  });

  it('heirs (docs/model.md §2.6): children get min(capital, G × child-years left before 21), the spouse the rest, per path', () => {
    const plan = compilePlan(s);
    const paths = 2048;
    const { series } = runChunk({ plan, seed: 2, chunk: 0, paths });
    const col = (name: string) => (SCALAR_SERIES.length + plan.extraSeries.indexOf(name as never)) * paths;
    // G of each year from the ledger (decimal, its own code), not from the kernel.
    const gOf = new Map(projectLedger(s).rows.map((r) => [r.year, r.g.toNumber()]));
    let deaths = 0;
    let capped = 0;
    let uncapped = 0;
    for (let p = 0; p < paths; p++) {
      const total = series[col('inheritance') + p]!;
      const children = series[col('heirsChildren') + p]!;
      const spouse = series[col('heirsSpouse') + p]!;
      expect(series[col('heirsEstate') + p]).toBe(0); // a spouse: nothing to the estate
      if (total === 0) {
        expect(children).toBe(0);
        expect(spouse).toBe(0);
        continue;
      }
      deaths++;
      // Death at the end of the year of age ageAtDeath; children born 2020 and 2023 get 1 G a year each until 21.
      const year = 2026 + (series[col('ageAtDeath') + p]! - 34);
      const childYears = [2020, 2023].reduce((a, born) => a + Math.max(0, 21 - (year - born)), 0);
      const g = gOf.get(year)!;
      expect(g, `G of ${year}`).toBeGreaterThan(100_000);
      const cap = g * childYears;
      expect(children).toBeLessThanOrEqual(cap * (1 + 1e-12));
      expect(Math.abs(children - Math.min(total, cap))).toBeLessThanOrEqual(1e-9 * total);
      expect(spouse).toBe(total - children);
      if (total > cap && childYears > 0) capped++;
      if (total < cap) uncapped++;
    }
    // Both sides of the cap, and enough early deaths to matter.
    expect(deaths).toBeGreaterThan(50);
    expect(capped).toBeGreaterThan(5);
    expect(uncapped).toBeGreaterThan(5);
  });
});

describe('folketrygd (DOMAIN.md 1.9)', () => {
  it('closed form: pay growing with G gives pension = 0.181 · n · pay at withdrawal / delingstall', async () => {
    const s = scenarioFrom('total-pension-with-folketrygd.json', { ...flat, mortality: undefined, folketrygd: { delingstall: 19.16, initialHolding: 0 } });
    const l = projectLedger(s);
    const n = 33;
    const want = (0.181 * n * l.payAtPayoutStart.toNumber()) / 19.16;
    expect(l.folketrygdAtPayoutStart.toNumber() / want - 1).toBeCloseTo(0, 12);
    const r = await simulate(s, { paths: 100, threads: 1 });
    expect(Math.abs(r.metrics.folketrygdPension!.mean / want - 1)).toBeLessThan(1e-12);
    expect(Math.abs(r.metrics.totalReplacementRatio!.mean - l.totalReplacementRatio.toNumber())).toBeLessThan(1e-12);
  });

  it('a self-employed premium below 7.1 G lowers folketrygd earnings by 18.1 % of the premium', () => {
    const s = scenarioFrom('self-employed.json', { ...flat, folketrygd: { delingstall: 20, initialHolding: 0 } });
    const l = projectLedger(s);
    // Regulated to withdrawal, each year's premium c lowers the holding by 0.181 · c.
    const rows = l.rows.filter((r) => r.phase === 'saving');
    const gW = l.rows.find((r) => r.phase === 'payout')!.g.toNumber();
    let full = 0;
    let reduced = 0;
    for (const r of rows) {
      const reg = gW / r.g.toNumber();
      full += 0.181 * r.salary.toNumber() * reg;
      reduced += 0.181 * (r.salary.toNumber() - r.contribution.toNumber()) * reg;
    }
    expect(l.folketrygdAtPayoutStart.toNumber() * 20).toBeCloseTo(reduced, 4);
    expect(reduced).toBeLessThan(full);
  });
});
