/**
 * The payout of those alive at each payout age (result/alive-payout.ts): its percentiles are the
 * exact order statistics of the payouts of the paths alive at that age (ageAtDeath ≥ age), its
 * probability the share of them; a lifelong hybrid pension never falls to 0 among the living,
 * although the fan over all paths does (the dead are paid 0); per-path units (G) carry it too; the
 * HTML report draws it and says how likely one is to be alive.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { simulatePaths } from '../../src/engine/simulate-paths.js';
import type { SimulationResult } from '../../src/result/simulation-result.js';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { fanOffset, SCALAR_SERIES, type SimulationPlan } from '../../src/plan/simulation-plan.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { quantileSorted } from '../../src/stats/quantile-sorted.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the payout of those alive', () => {
  it('equals the order statistics of the living paths, and the probability their share (2 threads, exact)', async () => {
    const scenario = (await loadAnyScenario('scenarios/hybrid-female.json')) as Scenario;
    const plan: SimulationPlan = compilePlan(scenario);
    const paths = 3 * 2048 + 11;
    const { result, series } = await simulatePaths(scenario, { paths, seed: 9, threads: 2, percentileMethod: 'exact' });
    const r = result as SimulationResult;
    const alive = r.payoutFan.alive!;
    const death = series[SCALAR_SERIES.length + plan.extraSeries.indexOf('ageAtDeath')]!;
    const grossAt = fanOffset(plan) + plan.nYears + 1;
    alive.ages.forEach((age, j) => {
      const living: number[] = [];
      const gross = series[grossAt + j]!;
      for (let p = 0; p < paths; p++) if (death[p]! >= age) living.push(gross[p]!);
      expect(alive.probability[j]).toBe(living.length / paths);
      const sorted = Float64Array.from(living).sort();
      for (const q of r.percentiles) expect(alive.gross[`p${q}`]![j]).toBe(quantileSorted(sorted, q / 100));
    });
    // Survival falls with age.
    for (let j = 1; j < alive.ages.length; j++) expect(alive.probability[j]!).toBeLessThanOrEqual(alive.probability[j - 1]!);
  });

  it('a lifelong hybrid pension is never 0 among the living, though the fan over all paths is', async () => {
    const scenario = (await loadAnyScenario('scenarios/hybrid-female.json')) as Scenario;
    const { result } = await simulatePaths(scenario, { paths: 4000, seed: 2, threads: 1 });
    const r = result as SimulationResult;
    const low = `p${r.percentiles[0]}`;
    expect(Math.min(...r.payoutFan.alive!.gross[low]!)).toBeGreaterThan(0);
    expect(Math.min(...r.payoutFan.gross[low]!)).toBe(0);
  });

  it('per-path G carries it too, with the same probabilities', async () => {
    // The female hybrid saver with uncertain pay growth: G moves with each path's wages.
    const base = (await loadAnyScenario('scenarios/hybrid-female.json')) as Scenario;
    const scenario = checkScenario({ ...base, person: { ...base.person, wageGrowth: { mean: 0.03, sd: 0.02 } } });
    const { result } = await simulatePaths(scenario, { paths: 3000, seed: 4, threads: 1 });
    const r = result as SimulationResult;
    expect(r.inG!.payoutFan.alive!.probability).toEqual(r.payoutFan.alive!.probability);
    expect(r.inG!.payoutFan.alive!.ages).toEqual(r.payoutFan.alive!.ages);
  });

  it('the HTML report draws the living and says how likely one is to be alive', () => {
    const r = spawnSync(process.execPath, [join(root, 'dist/bundle/cli/pensim.js'), 'run', 'scenarios/hybrid-female.json', '--paths', '3000', '--format', 'html', '--quiet'], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/data-chart="payout-fan"[^>]*data-of="alive"/);
    expect(r.stdout).toMatch(/the chance of being alive is \d+,\d+\s% at 67/);
  });
});
