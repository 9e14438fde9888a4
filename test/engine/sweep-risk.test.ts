/**
 * US risk metrics in a sweep: each cell's certainty-equivalent value of company stock (and VaR,
 * CE) are exactly what `pensim compare` reports for that cell's scenario on the same seed and paths.
 */
import { describe, expect, it } from 'vitest';
import { compareScenarios, type Comparison } from '../../src/studies/compare.js';
import { loadAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { runSweep } from '../../src/studies/sweep.js';
import { sweepAxes, sweepCells } from '../../src/studies/sweep-grid.js';
import { sweepMetrics } from '../../src/studies/sweep-metrics.js';

describe('US risk metrics in a sweep', () => {
  it('equal the comparison figures of each cell', async () => {
    const base = await loadAnyScenario('scenarios/ksop-research.json');
    const other = await loadAnyScenario('scenarios/401k-diversified.json');
    const axes = sweepAxes(base, ['plan.deferralStockShare=0.1,0.5']);
    const cells = sweepCells(base, axes);
    const metrics = sweepMetrics(['ceValuePerDollarAtMeanShare', 'certaintyEquivalent', 'valueAtRisk'], base);
    const o = { paths: 3000, seed: 4, threads: 1 };
    const sweep = await runSweep(base, axes, cells, metrics, { ...o, gamma: 4, alpha: 0.1 });
    for (const [i, cell] of cells.entries()) {
      const c = (await compareScenarios([cell.scenario, other], { ...o, gamma: 4, alpha: 0.1, percentiles: [50] })) as Comparison;
      const f = c.scenarios[0]!;
      expect(sweep.rows[i]!.values.ceValuePerDollarAtMeanShare).toBe(f.employerStock!.ceValuePerDollarAtMeanShare);
      expect(sweep.rows[i]!.values.certaintyEquivalent).toBe(f.certaintyEquivalent);
      expect(sweep.rows[i]!.values.valueAtRisk).toBe(f.valueAtRisk);
    }
    // More company stock held, less each dollar of it is worth to a risk-averse holder.
    expect(sweep.rows[1]!.values.ceValuePerDollarAtMeanShare!).toBeLessThan(sweep.rows[0]!.values.ceValuePerDollarAtMeanShare!);
  });

  it('a risk metric on a Norwegian scenario, or a stock metric without company stock, is refused naming it', async () => {
    const no = await loadAnyScenario('scenarios/default.json');
    expect(() => sweepMetrics(['certaintyEquivalent'], no)).toThrow(/"certaintyEquivalent": is a US risk metric/);
    const k401 = await loadAnyScenario('scenarios/401k-diversified.json');
    expect(() => sweepMetrics(['ceValuePerDollar'], k401)).toThrow(/needs an employerStock block/);
  });
});
