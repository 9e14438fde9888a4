import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { simulatePaths } from '../../src/engine/simulate-paths.js';
import { tracePath } from '../../src/engine/trace-path.js';
import { compilePlan } from '../../src/plan/compile-plan.js';
import type { Scenario } from '../../src/scenario/schema.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const run = (...args: string[]) => JSON.parse(spawnSync(process.execPath, [cli, 'run', ...args], { cwd: root, encoding: 'utf8' }).stdout) as {
  amounts: { basis: string };
  metrics: Record<string, { percentiles: Record<string, number> }>;
  fan: { capital: Record<string, number[]> };
  inflation: { real: Record<string, { percentiles: Record<string, number> }>; realFan: { capital: Record<string, number[]> } };
};

describe('--real with a stochastic inflation model', () => {
  it('reports each path deflated by its own simulated price index (the engine\'s real figures)', () => {
    const args = ['scenarios/regimes.json', '--paths', '3000', '--format', 'json', '--quiet'];
    const nominal = run(...args);
    const real = run(...args, '--real');
    expect(real.amounts.basis).toBe('real-simulated');
    expect(real.metrics.capitalAtRetirement!.percentiles).toEqual(nominal.inflation.real.capitalAtRetirement!.percentiles);
    expect(real.metrics.payoutNet!.percentiles).toEqual(nominal.inflation.real.payoutNet!.percentiles);
    expect(real.fan.capital).toEqual(nominal.inflation.realFan.capital);
    // Prices rise on average, so real capital at the payout start is below nominal.
    expect(real.metrics.capitalAtRetirement!.percentiles.p50!).toBeLessThan(nominal.metrics.capitalAtRetirement!.percentiles.p50!);
  });
});

/** Type 7 (numpy's default) on ascending data, written here so the check does not use the engine's stats. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));

describe('--amounts real with a stochastic inflation model, against the raw per-path series', () => {
  it('each percentile is the order statistic of capital ÷ its own path\'s price index (not over a mean index)', async () => {
    const paths = 3000;
    const scenario = (await loadAnyScenario(join(root, 'scenarios/regimes.json'))) as Scenario;
    const plan = compilePlan(scenario);
    // The raw series of the same run (same seed and paths): the nominal outcomes and each path's price index.
    const { series } = await simulatePaths(scenario, { paths, threads: 1 });
    const fanAt = plan.extraSeries.length + 4; // after the 4 scalar series and the plan's extras
    const indexAt = series.length - (2 * (plan.nYears + 1) + 3 + 2 * (plan.nYears - plan.payStart)); // plan/inflation-series.ts
    const index = (a: number) => series[indexAt + a]!;
    // The index is the product of the path's own yearly inflation, as its trace shows it (3 paths).
    for (const k of [0, 1234, 2999]) {
      const t = tracePath(scenario, k, { paths });
      let product = 1;
      for (const row of t.rows.slice(0, plan.payStart)) product *= 1 + row.inflation!;
      close(index(plan.payStart)[k]!, product);
      expect(t.outputs.capitalAtRetirement).toBe(series[0]![k]);
    }
    // The paths' indices differ enough that a common deflator would move every percentile.
    const atPayout = index(plan.payStart);
    expect(Math.max(...atPayout) / Math.min(...atPayout)).toBeGreaterThan(1.5);
    const deflated = (nominal: Float64Array, idx: Float64Array) => Float64Array.from(nominal, (x, k) => x / idx[k]!).sort();

    const real = run('scenarios/regimes.json', '--paths', String(paths), '--threads', '1', '--amounts', 'real', '--format', 'json', '--quiet');
    expect(real.amounts.basis).toBe('real-simulated');
    const level = (key: string) => Number(key.slice(1)) / 100;
    const capital = deflated(series[0]!, atPayout);
    const payoutNet = deflated(series[2]!, atPayout);
    const reported = real.metrics.capitalAtRetirement!.percentiles;
    expect(Object.keys(reported).length).toBeGreaterThanOrEqual(3);
    for (const [key, value] of Object.entries(reported)) close(value, quantile(capital, level(key)));
    for (const [key, value] of Object.entries(real.metrics.payoutNet!.percentiles)) close(value, quantile(payoutNet, level(key)));
    // The capital fan: at each age, by that age's own index.
    for (const [key, values] of Object.entries(real.fan.capital)) {
      expect(values.length).toBe(plan.nYears + 1);
      for (const a of [1, 10, plan.payStart, plan.nYears]) close(values[a]!, quantile(deflated(series[fanAt + a]!, index(a)), level(key)));
    }
  });
});

describe('--real with a stochastic inflation model in the HTML report', () => {
  it('shows the same real amounts as the JSON (each path deflated by its own index), not the nominal ones', () => {
    const args = ['scenarios/regimes.json', '--paths', '3000', '--quiet', '--real'];
    const real = run(...args, '--format', 'json');
    const html = spawnSync(process.execPath, [cli, 'run', ...args, '--format', 'html'], { cwd: root, encoding: 'utf8' }).stdout;
    const p50 = real.metrics.capitalAtRetirement!.percentiles.p50!;
    expect(html).toContain('data-basis="real-simulated"');
    expect(html).toContain(`data-metric="capitalAtRetirement" data-stat="p50" data-value="${p50}"`);
  });
});

describe('--real with a stochastic inflation model: the payout fan too is per path', () => {
  it('the first payout\'s percentiles in the payout fan equal the headline payout percentiles (both each path over its own index)', () => {
    const out = spawnSync(process.execPath, [cli, 'run', 'scenarios/history-block-bootstrap.json', '--paths', '3000', '--quiet', '--real', '--format', 'json'], { cwd: root, encoding: 'utf8' }).stdout;
    const r = JSON.parse(out) as { metrics: Record<string, { percentiles: Record<string, number> }>; payoutFan: { gross: Record<string, number[]>; net: Record<string, number[]> } };
    for (const k of Object.keys(r.metrics.payoutGross!.percentiles)) {
      expect(r.payoutFan.gross[k]![0]).toBe(r.metrics.payoutGross!.percentiles[k]);
      expect(r.payoutFan.net[k]![0]).toBe(r.metrics.payoutNet!.percentiles[k]);
    }
  });
});
