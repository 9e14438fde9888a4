/**
 * Sweeps (issue 7): every row equals a single run of its cell (same seed: common random numbers),
 * grid keys are dotted scenario paths (by index or by name), a swept weight rescales the others to
 * keep the sum 1, and an unknown key or a bad value is a UserError naming it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { runSweep } from '../../src/studies/sweep.js';
import { sweepAxes, sweepCells } from '../../src/studies/sweep-grid.js';
import { defaultSweepMetrics, sweepMetrics } from '../../src/studies/sweep-metrics.js';
import { sweepCsv } from '../../src/report/sweep-table.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { UserError } from '../../src/base/user-error.js';
import { userError } from '../helpers/user-error.js';

const load = (name: string): Scenario => checkScenario(JSON.parse(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8')));
const DEFAULT = load('default.json');


describe('sweep rows equal single runs of the same cells', () => {
  it('3 equity weights × 2 fees: each row\'s metrics are exactly simulate(cell) with the same seed', async () => {
    const axes = sweepAxes(DEFAULT, ['profile.weights.equity=0.2,0.5,0.8', 'profile.fees.managementRate=0.002,0.008']);
    const cells = sweepCells(DEFAULT, axes);
    expect(cells.map((c) => c.values)).toEqual([[0.2, 0.002], [0.2, 0.008], [0.5, 0.002], [0.5, 0.008], [0.8, 0.002], [0.8, 0.008]]);
    const names = [...defaultSweepMetrics(DEFAULT), 'payoutGross.mean', 'replacementRatio.sd'];
    const metrics = sweepMetrics(names, DEFAULT);
    const progress: number[] = [];
    const sweep = await runSweep(DEFAULT, axes, cells, metrics, { paths: 1500, seed: 11, threads: 2, onProgress: (done) => progress.push(done) });
    expect(sweep.rows).toHaveLength(6);
    expect(progress.at(-1)).toBe(6 * 1500);
    for (const [i, cell] of cells.entries()) {
      const single = await simulate(cell.scenario, { paths: 1500, seed: 11, threads: 1 });
      const row = sweep.rows[i]!;
      expect(row.scenarioHash).toBe(single.scenario.hash);
      expect(row.values['capitalAtRetirement.p50']).toBe(single.metrics.capitalAtRetirement.percentiles.p50);
      expect(row.values['capitalAtRetirement.p5']).toBe(single.metrics.capitalAtRetirement.percentiles.p5);
      expect(row.values['payoutNet.p50']).toBe(single.metrics.payoutNet.percentiles.p50);
      expect(row.values['payoutGross.mean']).toBe(single.metrics.payoutGross.mean);
      expect(row.values['replacementRatio.sd']).toBe(single.metrics.replacementRatio.sd);
      expect(row.values.shortfall).toBe(single.shortfall!.probability);
    }
    // CSV: a header and one line per cell, full precision.
    const csv = sweepCsv(sweep).trim().split('\n');
    expect(csv[0]).toBe(['profile.weights.equity', 'profile.fees.managementRate', ...names].join(','));
    expect(csv).toHaveLength(7);
    expect(csv[3]!.split(',')[3]).toBe(String(sweep.rows[2]!.values['capitalAtRetirement.p50']));
  });

  it('common random numbers: a higher fee lowers every path, so every capital percentile falls', async () => {
    const axes = sweepAxes(DEFAULT, ['profile.fees.managementRate=0,0.005,0.01']);
    const metrics = sweepMetrics(['capitalAtRetirement.p5', 'capitalAtRetirement.p50', 'capitalAtRetirement.p95'], DEFAULT);
    const s = await runSweep(DEFAULT, axes, sweepCells(DEFAULT, axes), metrics, { paths: 800, threads: 1 });
    for (const m of metrics) {
      const v = s.rows.map((r) => r.values[m.name]!);
      expect(v[1]).toBeLessThan(v[0]!);
      expect(v[2]).toBeLessThan(v[1]!);
    }
  });
});

describe('grid keys', () => {
  it('a swept weight rescales the other weights in proportion (sum 1): money-market 0.1, bonds 0.3 with equities 0.8 → 0.05, 0.15', () => {
    const s = load('tiered-maximum.json');
    const [cell] = sweepCells(s, sweepAxes(s, ['profile.weights.equities=0.8']));
    const w = cell!.scenario.profile.weights!;
    expect(w.equities).toBe(0.8);
    expect(w['money-market']).toBeCloseTo(0.05, 15);
    expect(w.bonds).toBeCloseTo(0.15, 15);
  });

  it('others at 0 share the rest equally; a swept sum above 1 is a UserError', () => {
    const s = structuredClone(load('tiered-maximum.json'));
    s.profile.weights = { 'money-market': 0, bonds: 0, equities: 1 };
    const [cell] = sweepCells(s, sweepAxes(s, ['profile.weights.equities=0.6']));
    expect(cell!.scenario.profile.weights).toEqual({ 'money-market': 0.2, bonds: 0.2, equities: 0.6 });
    const e = userError(() => sweepCells(s, sweepAxes(s, ['profile.weights.equities=0.7', 'profile.weights.bonds=0.5'])));
    expect(e.message).toMatch(/--grid: in cell profile\.weights\.equities=0\.7, profile\.weights\.bonds=0\.5 the swept weights sum to 1\.2/);
  });

  it('array elements by index or by name; an absent optional field (gGrowth) may be swept; text fields take text', () => {
    const axes = sweepAxes(DEFAULT, ['profile.assets[0].volatility=0.1', 'profile.assets.bond.expectedReturn=0.02', 'gGrowth=0.025', 'name=A']);
    expect(axes.map((a) => a.values[0])).toEqual([0.1, 0.02, 0.025, 'A']);
    const [cell] = sweepCells(DEFAULT, axes);
    expect(cell!.scenario.profile.assets[0]!.volatility).toBe(0.1);
    expect(cell!.scenario.profile.assets[1]!.expectedReturn).toBe(0.02);
    expect(cell!.scenario.gGrowth).toBe(0.025);
  });

  it('the returns block: regimes by name', () => {
    const s = load('regimes.json');
    const [cell] = sweepCells(s, sweepAxes(s, ['returns.regimes.crisis.assets.equity.volatility=0.35']));
    const r = cell!.scenario.returns!;
    expect(r.model === 'regime-switching' && r.regimes[1]!.assets.equity!.volatility).toBe(0.35);
  });

  it('unknown keys are UserErrors naming the key', () => {
    expect(userError(() => sweepAxes(DEFAULT, ['stock.sigmaIdio=0.2,0.3'])).message).toMatch(/^--grid stock\.sigmaIdio: no such scenario field \(stock does not exist\)/);
    expect(userError(() => sweepAxes(DEFAULT, ['profile.assets.gold.volatility=0.2'])).message).toMatch(/^--grid profile\.assets\.gold\.volatility: no such scenario field/);
    const typo = userError(() => sweepCells(DEFAULT, sweepAxes(DEFAULT, ['person.salry=500000'])));
    expect(typo.problems[0]!.path).toBe('--grid person.salry');
    expect(typo.message).toMatch(/no such scenario field \(person: unknown field "salry"/);
    expect(userError(() => sweepAxes(DEFAULT, ['profile.weights=0.5'])).message).toMatch(/is not a single value/);
    expect(userError(() => sweepAxes(DEFAULT, ['person.salary=abc'])).message).toMatch(/--grid person\.salary: takes numbers; got "abc"/);
    expect(userError(() => sweepAxes(DEFAULT, ['person.salary'])).message).toMatch(/--grid: must be key=value,value/);
  });

  it('a cell the rules reject names the cell and the field', () => {
    const e = userError(() => sweepCells(DEFAULT, sweepAxes(DEFAULT, ['person.retirementAge=67,80'])));
    expect(e.message).toMatch(/^sweep cell person\.retirementAge=80: person\.retirementAge: the retirement age must be at most 75/m);
  });

  it('metrics are checked by name', () => {
    expect(userError(() => sweepMetrics(['capital.p50'], DEFAULT)).message).toMatch(/--metrics: "capital\.p50": unknown metric "capital"/);
    expect(userError(() => sweepMetrics(['payoutNet.p42'], DEFAULT)).message).toMatch(/the statistic must be mean, sd, stderr or one of the scenario's percentiles/);
    expect(userError(() => sweepMetrics(['real.payoutNet.p50'], DEFAULT)).message).toMatch(/need a stochastic inflation model/);
  });
});

describe('sweep table', () => {
  it('the doc example: weight 0.5, an amount 2953869.4 and a ratio 0.21314 print as "0.5  2 953 869  21.31 %"', async () => {
    const { sweepTable } = await import('../../src/report/sweep-table.js');
    const text = sweepTable({
      pensim: 'x', scenario: { name: 'x', hash: 'x' }, seed: 1, paths: 1,
      grid: [{ key: 'profile.weights.equity', values: [0.5] }],
      metrics: [{ name: 'capitalAtRetirement.p50', kind: 'amount' }, { name: 'replacementRatio.p50', kind: 'ratio' }],
      rows: [{ cell: { 'profile.weights.equity': 0.5 }, scenarioHash: 'x', values: { 'capitalAtRetirement.p50': 2953869.4, 'replacementRatio.p50': 0.21314 } }],
    });
    expect(text.trim().split('\n').at(-1)!.replace(/\s+/g, ' ')).toBe('0.5 2 953 869 21.31 %');
  });
});
