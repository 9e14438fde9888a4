/**
 * The US payout years under stochastic inflation (payout.inflation an AR(1) model, issue 22):
 * checked against figures computed in the test from the raw per-path values — the deterministic
 * run's numbers at sd = 0, the AR(1) closed forms of the inflation's mean and variance, the
 * constant-real amount and Social Security as the path's own index times their start-year values,
 * common random numbers with the deterministic scenario, thread invariance and shards, and
 * compare's paired payout figures against differences of the two runs' per-path values.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../src/base/chunk-size.js';
import { tracePath } from '../../src/engine/trace-path.js';
import { mergeShards, simulateShard } from '../../src/engine/shard.js';
import { simulate } from '../../src/engine/simulate.js';
import { US_PAYOUT_SERIES } from '../../src/plan/us-payout-plan.js';
import { usPayoutAt, usPayoutFans, type UsSimulationPlan } from '../../src/plan/us-simulation-plan.js';
import { checkAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { compareScenarios, type Comparison } from '../../src/studies/compare.js';
import type { UsRunResult } from '../../src/result/us-result.js';
import { usAmountBasis, usInflation } from '../../src/report/us-amount-basis.js';
import { spendingInBasis, usResultInBasis } from '../../src/report/us-result-in-basis.js';
import { ROOT, scenarioJson, usScenario, type Json } from './helpers.js';

const AR1 = { kind: 'ar1', mean: 0.025, persistence: 0.6, sd: 0.012, initial: 0.025 };

async function runAll(scenario: ReturnType<typeof usScenario>, paths: number, seed = 1) {
  const { simulatePaths } = await import('../../src/engine/simulate-paths.js');
  const { compileUsPlan } = await import('../../src/plan/compile-us.js');
  const { result, series } = await simulatePaths(scenario, { threads: 1, paths, seed });
  return { result, plan: compileUsPlan(scenario), series };
}

const payoutColumn = (series: Float64Array[], plan: UsSimulationPlan, name: (typeof US_PAYOUT_SERIES)[number]) => series[usPayoutAt(plan) + US_PAYOUT_SERIES.indexOf(name)]!;

/** The run's JSON without what names the scenario (its hash) and the model's own block. */
function withoutModel(result: unknown): string {
  const r = structuredClone(result) as Json;
  delete r.scenario.hash;
  delete r.payout.inflation;
  return JSON.stringify(r);
}

describe('payout.inflation as an AR(1) model', () => {
  it('with sd = 0 and initial = mean the model is the deterministic run at inflation = mean, to the last bit', async () => {
    const det = usScenario('401k-retirement.json');
    const model = usScenario('401k-retirement.json', (j) => (j.payout.inflation = { ...AR1, sd: 0 }));
    const a = await simulate(det, { paths: 700, threads: 1 });
    const b = await simulate(model, { paths: 700, threads: 1 });
    expect(withoutModel(b)).toBe(withoutModel(a));
    // The index every path keeps is 1.025^(25 + k) from the start year 2026 (saving years 2026-2050).
    const idx = b.payout!.inflation!.priceIndex;
    for (const q of Object.keys(idx)) idx[q]!.forEach((v, k) => expect(v).toBe(1.025 ** (25 + k)));
  });

  it("each payout year's inflation has the AR(1)'s mean μ + φ^(k+1)(π₋₁ − μ) and variance σ²(1 − φ^(2(k+1)))/(1 − φ²), from the paths' own indices", async () => {
    const mu = 0.025, phi = 0.6, sigma = 0.012, initial = 0.05;
    const s = usScenario('401k-retirement.json', (j) => {
      j.payout.inflation = { kind: 'ar1', mean: mu, persistence: phi, sd: sigma, initial };
      j.payout.horizonAge = 95;
      j.payout.lifetimes = 'fixed';
    });
    const n = 20_000;
    const { plan, series } = await runAll(s, n, 3);
    const at = usPayoutFans({ nYears: plan.nYears, payout: plan.payout! }).priceIndex;
    const inflation = (k: number) => Float64Array.from({ length: n }, (_, p) => series[at + k + 1]![p]! / series[at + k]![p]! - 1);
    for (const k of [0, 1, 4, 25]) {
      const x = inflation(k);
      const m = x.reduce((a, v) => a + v, 0) / n;
      const v = x.reduce((a, y) => a + (y - m) ** 2, 0) / (n - 1);
      const expectedMean = mu + phi ** (k + 1) * (initial - mu);
      const expectedVar = (sigma ** 2 * (1 - phi ** (2 * (k + 1)))) / (1 - phi ** 2);
      // Normal draws: s.e. of the mean √(var/n), of the sample variance var·√(2/(n − 1)); 4 s.e.
      expect(Math.abs(m - expectedMean)).toBeLessThan(4 * Math.sqrt(expectedVar / n));
      expect(Math.abs(v - expectedVar)).toBeLessThan(4 * expectedVar * Math.sqrt(2 / (n - 1)));
    }
    // Year 25 is stationary: variance σ²/(1 − φ²) = 0.000225, and its lag-1 correlation is φ.
    const x = inflation(24);
    const y = inflation(25);
    const mx = x.reduce((a, v) => a + v, 0) / n;
    const my = y.reduce((a, v) => a + v, 0) / n;
    let sxy = 0, sxx = 0, syy = 0;
    for (let p = 0; p < n; p++) {
      sxy += (x[p]! - mx) * (y[p]! - my);
      sxx += (x[p]! - mx) ** 2;
      syy += (y[p]! - my) ** 2;
    }
    // s.e. of a sample correlation ≈ (1 − ρ²)/√n.
    expect(Math.abs(sxy / Math.sqrt(sxx * syy) - phi)).toBeLessThan((4 * (1 - phi ** 2)) / Math.sqrt(n));
  });

  it("the constant-real amount is rate × B₀ × P_k/P₀ and Social Security $30 000 × P_k on the traced path's own index, the run's index", async () => {
    const s = usScenario('401k-retirement-stochastic-inflation.json');
    const paths = 2 * CHUNK_SIZE + 10;
    const { plan, series } = await runAll(s, paths, 1);
    const fans = usPayoutFans({ nYears: plan.nYears, payout: plan.payout! });
    for (const path of [3, CHUNK_SIZE + 7]) {
      const t = tracePath(s, path, { paths, seed: 1 });
      const rows = t.payout!.rows;
      const b0 = rows[0]!.iraStart + rows[0]!.taxableStart + rows[0]!.sharesStart;
      let differs = false;
      rows.forEach((r, k) => {
        expect(r.priceIndex).toBe(series[fans.priceIndex + k]![path]);
        expect(r.inflation).toBeCloseTo(series[fans.priceIndex + k + 1]![path]! / r.priceIndex - 1, 14);
        expect(r.policy / (0.04 * b0 * (r.priceIndex / rows[0]!.priceIndex))).toBeCloseTo(1, 12);
        // Born 1986: full retirement age 67, claimed at 67, so the benefit is $30 000 in 2026 dollars.
        expect(r.socialSecurity).toBeCloseTo(r.age >= 67 ? 30_000 * r.priceIndex : 0, 6);
        expect(r.spendingReal).toBeCloseTo(r.spending / r.priceIndex, 8);
        if (Math.abs(r.priceIndex / 1.025 ** (25 + k) - 1) > 1e-3) differs = true;
      });
      // The path's index is its own, not the mean's.
      expect(differs).toBe(true);
      expect(t.payout!.outputs.lifetimeSpending).toBe(payoutColumn(series, plan, 'lifetimeSpending')[path]);
    }
  });

  it("in today's dollars the payout accounts are each path's account over its own index, and in nominal dollars the spending each path's real spending times it", async () => {
    const s = usScenario('401k-retirement-stochastic-inflation.json');
    const paths = 1500;
    const { result, plan, series } = await runAll(s, paths, 2);
    const fans = usPayoutFans({ nYears: plan.nYears, payout: plan.payout! });
    const r = result as UsRunResult;
    const real = usResultInBasis(r, usAmountBasis(s, 'real'));
    const nominalSpending = spendingInBasis(r, usAmountBasis(s, 'nominal'), usInflation(s))!;
    /** Type-7 median, by hand. */
    const median = (x: Float64Array) => {
      const v = Float64Array.from(x).sort();
      const h = (v.length - 1) / 2;
      return v[Math.floor(h)]! + (h - Math.floor(h)) * (v[Math.ceil(h)]! - v[Math.floor(h)]!);
    };
    for (const k of [0, 10, 29]) {
      const acc = Float64Array.from({ length: paths }, (_, p) => series[fans.account + k]![p]! / series[fans.priceIndex + k + 1]![p]!);
      expect(real.payout!.fan.account['p50']![k]).toBeCloseTo(median(acc), 6);
      const spent = Float64Array.from({ length: paths }, (_, p) => series[fans.spending + k]![p]! * series[fans.priceIndex + k]![p]!);
      expect(nominalSpending.spending['p50']![k]! / median(spent)).toBeCloseTo(1, 12);
      // Not the mean's index: the deflator differs by path.
      expect(Math.abs(real.payout!.fan.account['p50']![k]! - r.payout!.fan.account['p50']![k]! / 1.025 ** (25 + k + 1))).toBeGreaterThan(1);
    }
    // The saving years compound at the mean: the account at 50 over 1.025^10.
    expect(real.fan.capital['p50']![10]).toBeCloseTo(r.fan.capital['p50']![10]! / 1.025 ** 10, 6);
    expect(usInflation(s)).toBe(0.025);
  });

  it('the saving years and the markets are those of the deterministic scenario path by path (common random numbers)', async () => {
    const det = await runAll(usScenario('401k-retirement.json'), 500);
    const model = await runAll(usScenario('401k-retirement-stochastic-inflation.json'), 500);
    for (let s = 0; s < usPayoutAt(det.plan); s++) expect(model.series[s]).toEqual(det.series[s]);
    expect(payoutColumn(model.series, model.plan, 'endAge')).toEqual(payoutColumn(det.series, det.plan, 'endAge'));
  });

  it('is the same on 1 and 2 threads, and merged shards equal the whole run', async () => {
    const s = usScenario('401k-retirement-stochastic-inflation.json');
    const paths = 3 * CHUNK_SIZE + 5;
    const opts = { paths, seed: 9, percentileMethod: 'sketch' as const };
    const one = JSON.stringify(await simulate(s, { ...opts, threads: 1 }));
    const two = JSON.stringify(await simulate(s, { ...opts, threads: 2 }));
    expect(two).toBe(one);
    const parts = await Promise.all([0, 1, 2].map((index) => simulateShard(s, { index, count: 3 }, { ...opts, threads: 1 })));
    const files = [parts[1], parts[2], parts[0]].map((p, i) => ({ source: `part-${i}.json`, file: JSON.parse(JSON.stringify(p)) as unknown }));
    expect(JSON.stringify(mergeShards(files, checkAnyScenario))).toBe(one);
  });
});

describe("compare's paired payout figures", () => {
  it('equal the differences of the two runs per path: lifetime spending, bequest, running out, years short, and the spending CE at γ', async () => {
    const a = usScenario('401k-retirement-stochastic-inflation.json');
    const b = usScenario('401k-retirement.json', (j: Json) => (j.payout.withdrawal = { kind: 'constant-real', rate: 0.045 }));
    const paths = 3000;
    const gamma = 2;
    const c = (await compareScenarios([a, b], { gamma, alpha: 0.05, percentiles: [10, 50, 90], paths, seed: 1, threads: 1 })) as Comparison;
    const ra = await runAll(a, paths);
    const rb = await runAll(b, paths);
    const col = (r: typeof ra, name: (typeof US_PAYOUT_SERIES)[number]) => payoutColumn(r.series, r.plan, name);
    const po = c.paired[0]!.payout!;
    const diff = (name: (typeof US_PAYOUT_SERIES)[number]) => Float64Array.from({ length: paths }, (_, p) => col(ra, name)[p]! - col(rb, name)[p]!);
    const meanOf = (x: ArrayLike<number>) => Array.from(x).reduce((s, v) => s + v, 0) / x.length;
    /** Type-7 quantile, by hand. */
    const quantile = (x: Float64Array, q: number) => {
      const s = Float64Array.from(x).sort();
      const h = (s.length - 1) * q;
      const lo = Math.floor(h);
      return s[lo]! + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]!) - s[lo]!);
    };
    const spending = diff('lifetimeSpending');
    expect(po.lifetimeSpending.mean).toBeCloseTo(meanOf(spending), 6);
    for (const q of [10, 50, 90]) expect(po.lifetimeSpending.percentiles[`p${q}`]).toBeCloseTo(quantile(spending, q / 100), 6);
    const sd = Math.sqrt(spending.reduce((s, v) => s + (v - meanOf(spending)) ** 2, 0) / (paths - 1));
    expect(po.lifetimeSpending.stderr).toBeCloseTo(sd / Math.sqrt(paths), 6);
    const less = Array.from(spending).filter((v) => v < 0).length / paths;
    expect(po.lifetimeSpending.probabilityALessThanB).toBe(less);
    expect(po.bequestReal.mean).toBeCloseTo(meanOf(diff('bequestReal')), 6);
    expect(po.yearsShort.mean).toBeCloseTo(meanOf(diff('yearsShort')), 12);
    expect(po.ranOut.a).toBeCloseTo(meanOf(col(ra, 'ranOut')), 12);
    expect(po.ranOut.b).toBeCloseTo(meanOf(col(rb, 'ranOut')), 12);
    expect(po.ranOut.difference).toBeCloseTo(po.ranOut.a - po.ranOut.b, 12);
    // The 4.5 % policy spends more and runs out more often than the 4 % one on the same paths.
    expect(po.lifetimeSpending.mean).toBeLessThan(0);
    expect(po.ranOut.difference).toBeLessThan(0);
    // CE at γ = 2 by hand: U = Σ over the years lived of 1/max(c_k, 1), c_k the year's real spending; CE = (E[U]/E[N])^(−1).
    const ce = (r: typeof ra) => {
      const fans = usPayoutFans({ nYears: r.plan.nYears, payout: r.plan.payout! });
      const lived = col(r, 'yearsLived');
      let u = 0;
      for (let p = 0; p < paths; p++) for (let k = 0; k < lived[p]!; k++) u += 1 / Math.max(r.series[fans.spending + k]![p]!, 1);
      return 1 / (u / paths / meanOf(lived));
    };
    const ceA = ce(ra);
    const ceB = ce(rb);
    expect(po.spendingCertaintyEquivalent.gamma).toBe(2);
    expect(po.spendingCertaintyEquivalent.a).toBeCloseTo(ceA, 6);
    expect(po.spendingCertaintyEquivalent.b).toBeCloseTo(ceB, 6);
    expect(po.spendingCertaintyEquivalent.difference).toBeCloseTo(ceA - ceB, 6);
    expect(po.spendingCertaintyEquivalent.stderr).toBeGreaterThan(0);
  });

  it('a pair where one scenario has no payout section has no paired payout figures', async () => {
    const c = (await compareScenarios([usScenario('401k-retirement.json'), usScenario('401k-diversified.json')], { gamma: 3, alpha: 0.05, percentiles: [50], paths: 300, seed: 1, threads: 1 })) as Comparison;
    expect(c.paired[0]!.payout).toBeUndefined();
  });
});

describe('through the built CLI', () => {
  const CLI = join(ROOT, 'dist/src/cli/main.js');
  const TMP = mkdtempSync(join(tmpdir(), 'pensim-us-inflation-'));
  afterAll(() => rmSync(TMP, { recursive: true, force: true }));
  const pensim = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });

  const cases: [string, unknown, RegExp][] = [
    ['persistence 1 (not stationary)', { ...AR1, persistence: 1 }, /payout\.inflation\.persistence: .*<=0\.95; got 1/],
    ['a negative sd', { ...AR1, sd: -0.01 }, /payout\.inflation\.sd: .*>=0; got -0\.01/],
    ['a correlation with the market', { ...AR1, correlation: { 'us-equity': 0.3 } }, /payout\.inflation\.correlation: is not modelled/],
    ['another kind', { ...AR1, kind: 'ar2' }, /payout\.inflation: must be a yearly rate, e\.g\. 0\.025, or an AR\(1\) model/],
  ];
  it.each(cases)('bad input exits 2 naming the field: %s', (_, inflation, message) => {
    const j = scenarioJson('401k-retirement.json');
    j.payout.inflation = inflation;
    const file = join(TMP, 'bad.json');
    writeFileSync(file, JSON.stringify(j));
    const r = pensim('run', file, '--paths', '100');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("project (the deterministic ledger) uses the model's mean: the ledger of the scenario at inflation = mean", () => {
    const det = scenarioJson('401k-retirement-stochastic-inflation.json');
    det.payout.inflation = 0.025;
    const file = join(TMP, 'at-mean.json');
    writeFileSync(file, JSON.stringify(det));
    const a = pensim('project', 'scenarios/401k-retirement-stochastic-inflation.json', '--format', 'json');
    const b = pensim('project', file, '--format', 'json');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).payout.length).toBe(45);
  });

  it("trace shows each payout year's inflation and price index, the path's own", () => {
    const r = pensim('trace', 'scenarios/401k-retirement-stochastic-inflation.json', '--path', '5', '--format', 'json');
    expect(r.status).toBe(0);
    const rows = (JSON.parse(r.stdout) as Json).payout.rows as { inflation: number; priceIndex: number }[];
    rows.slice(0, -1).forEach((row, k) => expect(rows[k + 1]!.priceIndex / row.priceIndex - 1).toBeCloseTo(row.inflation, 12));
    const text = pensim('trace', 'scenarios/401k-retirement-stochastic-inflation.json', '--path', '5');
    expect(text.stdout).toMatch(/spending \(start-year \$\)\s+inflation\s+price index\s+fund return/);
    expect(text.stdout).toContain(`${(rows[3]!.inflation * 100).toFixed(2)} %`);
    expect(text.stdout).toContain(rows[3]!.priceIndex.toFixed(4));
  });
});
