/**
 * The streamed comparison (figures reduced chunk by chunk in the workers, bounded memory) against
 * the exact one (every path's values kept) on the same 200 000 paths of the KSOP against a
 * diversified 401(k): every figure equals the exact one within its stated bound. Percentiles and
 * VaR are the sketch's (each within 2⁻¹² of the order statistic it stands for, so within 2⁻¹¹
 * relative of the exact type-7 value); CVaR and the CE value at the mean share within the bounds
 * the result reports; means, probabilities and certainty equivalents to rounding.
 */
import { describe, expect, it } from 'vitest';
import { compareScenarios, type Comparison } from '../../src/studies/compare.js';
import { loadAnyScenario } from '../../src/scenario/load-any-scenario.js';

const PATHS = 200_000;
/**
 * Sums of the same n values in another order (chunk by chunk, then merged) differ by at most about
 * n·ε relative for same-sign terms (Higham, Accuracy and Stability of Numerical Algorithms, §4.2):
 * the streamed means, moments and certainty equivalents must agree with the exact ones to that.
 */
const ROUNDING = PATHS * Number.EPSILON;
/** The sketch: each order statistic within 2⁻¹² of its bucket's midpoint, so a type-7 percentile within 2⁻¹¹. */
const SKETCH = 2 ** -11;

describe('pensim compare streamed at 200 000 paths', () => {
  it('equals the exact comparison within the stated bounds', async () => {
    const scenarios = await Promise.all(['scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json'].map((f) => loadAnyScenario(f)));
    const o = { paths: PATHS, seed: 21, threads: 2, gamma: 3, alpha: 0.05, percentiles: [5, 50, 95] };
    const exact = (await compareScenarios(scenarios, { ...o, percentileMethod: 'exact' })) as Comparison;
    const streamed = (await compareScenarios(scenarios, { ...o, percentileMethod: 'sketch' })) as Comparison;
    expect(exact.percentileMethod).toBe('exact');
    expect(streamed.percentileMethod).toBe('sketch');
    const rel = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));
    exact.scenarios.forEach((e, i) => {
      const s = streamed.scenarios[i]!;
      for (const k of ['p5', 'p50', 'p95']) {
        rel(s.terminalWealth.percentiles[k]!, e.terminalWealth.percentiles[k]!, SKETCH);
        rel(s.afterTaxBest.percentiles[k]!, e.afterTaxBest.percentiles[k]!, SKETCH);
      }
      rel(s.terminalWealth.mean, e.terminalWealth.mean, ROUNDING);
      rel(s.terminalWealth.stderr, e.terminalWealth.stderr, ROUNDING);
      rel(s.valueAtRisk, e.valueAtRisk, SKETCH);
      expect(e.expectedShortfallErrorBound).toBe(0);
      expect(s.expectedShortfallErrorBound).toBeGreaterThan(0);
      expect(Math.abs(s.expectedShortfall - e.expectedShortfall)).toBeLessThanOrEqual(s.expectedShortfallErrorBound);
      rel(s.certaintyEquivalent, e.certaintyEquivalent, ROUNDING);
      expect(s.shortfall).toEqual(e.shortfall);
      if (e.employerStock) {
        const se = s.employerStock!;
        expect(se.probabilityOfDefault).toBe(e.employerStock.probabilityOfDefault);
        expect(se.probabilityStockLosesHalf).toBe(e.employerStock.probabilityStockLosesHalf);
        rel(se.meanShareAtRetirement, e.employerStock.meanShareAtRetirement, ROUNDING);
        rel(se.ceValuePerDollar, e.employerStock.ceValuePerDollar, ROUNDING);
        expect(Math.abs(se.ceValuePerDollarAtMeanShare! - e.employerStock.ceValuePerDollarAtMeanShare!)).toBeLessThanOrEqual(se.ceValuePerDollarAtMeanShareErrorBound! + ROUNDING * e.employerStock.ceValuePerDollarAtMeanShare!);
        // The bound is informative, not vacuous: no coarser than the sketch's own relative resolution.
        expect(se.ceValuePerDollarAtMeanShareErrorBound!).toBeLessThanOrEqual(SKETCH * e.employerStock.ceValuePerDollarAtMeanShare!);
      }
    });
    const pe = exact.paired[0]!;
    const ps = streamed.paired[0]!;
    expect(ps.probabilityALessThanB).toBe(pe.probabilityALessThanB);
    expect(ps.ratio.paths).toBe(pe.ratio.paths);
    expect(Math.abs(ps.difference.mean - pe.difference.mean)).toBeLessThanOrEqual(ROUNDING * (exact.scenarios[0]!.terminalWealth.mean + exact.scenarios[1]!.terminalWealth.mean));
    for (const k of ['p5', 'p50', 'p95']) {
      rel(ps.ratio.percentiles[k]!, pe.ratio.percentiles[k]!, SKETCH);
      rel(ps.difference.percentiles[k]!, pe.difference.percentiles[k]!, SKETCH);
    }
    expect(Math.abs(ps.differenceExpectedShortfall - pe.differenceExpectedShortfall)).toBeLessThanOrEqual(ps.differenceExpectedShortfallErrorBound);
  });
});
