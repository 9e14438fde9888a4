/**
 * The workbench's results table with disability (src/server/result-view.ts): after the headline
 * rows, the disabled's and the others' rows with the values of the run's disability block, and
 * P(disabled before 67) in the sentence under the table; in today's money the amounts are deflated
 * to the payout start like the headline capital.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { SimulationResult } from '../../src/result/simulation-result.js';
import { resultView } from '../../src/server/result-view.js';
import { scenarioFrom } from '../norway/helpers.js';

describe('the workbench view of a run with disability', () => {
  it('shows the groups with the JSON values, and the probability', async () => {
    const scenario = scenarioFrom('otp-with-disability.json', {});
    const result = (await simulate(scenario, { paths: 4096, seed: 3, threads: 1 })) as SimulationResult;
    const run = { id: '0123456789abcdef', scenario, result, runDate: '2026-12-05' };
    const nominal = resultView(run, 'nominal');
    const row = (v: typeof nominal, label: RegExp) => v.rows.find((r) => label.test(r.label))!;
    const d = result.disability!;
    expect(row(nominal, /^Capital at payout start.*disabled before 67/).cells.find((c) => c.stat === 'p50')!.value).toBe(d.disabled!.metrics.capitalAtRetirement!.percentiles.p50);
    expect(row(nominal, /^Income while disabled \(uf/).cells[0]!.value).toBe(d.disabled!.metrics.disabilityIncome!.mean);
    expect(nominal.shortfall).toMatch(/Probability of disability before 67: \d+\.\d %/);
    // Today's money: the capital of the disabled deflated by 1.02^(67 − 34) like the headline capital; the income while disabled left out.
    const real = resultView(run, 'real');
    const factor = Math.pow(1.02, 67 - 34);
    expect(row(real, /^Capital at payout start.*disabled before 67/).cells[0]!.value).toBeCloseTo(d.disabled!.metrics.capitalAtRetirement!.mean / factor, 6);
    expect(real.rows.some((r) => /^Income while disabled \(uf/.test(r.label))).toBe(false);
  });
});
