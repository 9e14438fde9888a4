/**
 * The streamed comparison (figures reduced chunk by chunk in the workers, bounded memory) against
 * the exact one (every path's values kept) on the same 200 000 paths of the KSOP against a
 * diversified 401(k): every figure equals the exact one within its stated bound. Percentiles and
 * VaR are the sketch's (each within 2⁻¹² of the order statistic it stands for, so within 2⁻¹¹
 * relative of the exact type-7 value); CVaR and the CE value at the mean share within the bounds
 * the result reports; means, probabilities and certainty equivalents to rounding.
 */
import { describe, expect, it } from 'vitest';
import { compareScenarios, type Comparison } from '../../src/engine/compare.js';
import { loadAnyScenario } from '../../src/engine/load-any-scenario.js';

const PATHS = 200_000;

describe('pensim compare streamed at 200 000 paths', () => {
  it('equals the exact comparison within the stated bounds', async () => {
    const scenarios = await Promise.all(['scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json'].map((f) => loadAnyScenario(f)));
    const o = { paths: PATHS, seed: 21, threads: 2, gamma: 3, alpha: 0.05, percentiles: [5, 50, 95] };
    const exact = (await compareScenarios(scenarios, { ...o, percentileMethod: 'exact' })) as Comparison;
    const streamed = (await compareScenarios(scenarios, { ...o, percentileMethod: 'sketch' })) as Comparison;
    expect(exact.percentileMethod).toBe('exact');
    expect(streamed.percentileMethod).toBe('sketch');
    const rel = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b) + 1e-9);
    exact.scenarios.forEach((e, i) => {
      const s = streamed.scenarios[i]!;
      for (const k of ['p5', 'p50', 'p95']) {
        rel(s.terminalWealth.percentiles[k]!, e.terminalWealth.percentiles[k]!, 2 ** -11);
        rel(s.afterTaxBest.percentiles[k]!, e.afterTaxBest.percentiles[k]!, 2 ** -11);
      }
      rel(s.terminalWealth.mean, e.terminalWealth.mean, 1e-12);
      rel(s.terminalWealth.stderr, e.terminalWealth.stderr, 1e-9);
      rel(s.valueAtRisk, e.valueAtRisk, 2 ** -11);
      expect(e.expectedShortfallErrorBound).toBe(0);
      expect(s.expectedShortfallErrorBound).toBeGreaterThan(0);
      expect(Math.abs(s.expectedShortfall - e.expectedShortfall)).toBeLessThanOrEqual(s.expectedShortfallErrorBound);
      rel(s.certaintyEquivalent, e.certaintyEquivalent, 1e-10);
      expect(s.shortfall).toEqual(e.shortfall);
      if (e.employerStock) {
        const se = s.employerStock!;
        expect(se.probabilityOfDefault).toBe(e.employerStock.probabilityOfDefault);
        expect(se.probabilityStockLosesHalf).toBe(e.employerStock.probabilityStockLosesHalf);
        rel(se.meanShareAtRetirement, e.employerStock.meanShareAtRetirement, 1e-12);
        rel(se.ceValuePerDollar, e.employerStock.ceValuePerDollar, 1e-10);
        expect(Math.abs(se.ceValuePerDollarAtMeanShare! - e.employerStock.ceValuePerDollarAtMeanShare!)).toBeLessThanOrEqual(se.ceValuePerDollarAtMeanShareErrorBound! + 1e-12);
        // The bound is informative, not vacuous: well under the CE value's own sampling error scale.
        expect(se.ceValuePerDollarAtMeanShareErrorBound!).toBeLessThan(1e-3);
      }
    });
    const pe = exact.paired[0]!;
    const ps = streamed.paired[0]!;
    expect(ps.probabilityALessThanB).toBe(pe.probabilityALessThanB);
    expect(ps.ratio.paths).toBe(pe.ratio.paths);
    rel(ps.difference.mean, pe.difference.mean, 1e-9);
    for (const k of ['p5', 'p50', 'p95']) {
      rel(ps.ratio.percentiles[k]!, pe.ratio.percentiles[k]!, 2 ** -11);
      rel(ps.difference.percentiles[k]!, pe.difference.percentiles[k]!, 2 ** -11);
    }
    expect(Math.abs(ps.differenceExpectedShortfall - pe.differenceExpectedShortfall)).toBeLessThanOrEqual(ps.differenceExpectedShortfallErrorBound);
  });
});
