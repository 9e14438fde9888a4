/**
 * Amounts in G (issue 4, "reports in G on request"): each amount divided by the grunnbeløp of its
 * year. With certain pay growth G is one path for all and the report divides the nominal result;
 * with uncertain pay growth G follows each path's wages and the engine divides path by path.
 * G values: NAV's G from 1 May 2026 = 136 549 NOK (src/rules/no/grunnbelop.ts), projected at the
 * scenario's G growth after 2026.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { runChunk } from '../../src/kernel/run-chunk.js';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { gPath } from '../../src/plan/g-path.js';
import { G_SCALARS } from '../../src/plan/g-series.js';
import { fanOffset, gSeriesAt } from '../../src/plan/simulation-plan.js';
import { resultInG, resultInSimulatedG } from '../../src/report/deflate-result.js';
import { quantileSorted } from '../../src/stats/quantile-sorted.js';
import { scenarioFrom } from './helpers.js';

const G_2026 = 136_549;
/** Relative difference; 0 when both are 0 (a payout percentile on paths that died). */
const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.abs(b));

describe('amounts in G with certain pay growth (one G path)', () => {
  const s = scenarioFrom('total-pension-with-folketrygd.json', {});

  it('the plan G path is the published G, then 3 % a year; no per-path G series are kept', () => {
    const g = gPath(s, 43);
    expect(g[0]).toBe(G_2026);
    expect(rel(g[33]!, G_2026 * 1.03 ** 33)).toBeLessThan(1e-12);
    expect(compilePlan(s).gStochastic).toBe(false);
  });

  it('divides amounts of age a by G of that year; ratios, ages at death and the folketrygd in G carried over; inheritances left out', async () => {
    const r = await simulate(s, { paths: 3000, threads: 1 });
    expect(r.inG).toBeUndefined();
    const values = Array.from(gPath(s, r.ages.payoutEnd - r.ages.start));
    const inG = resultInG(r, { ages: values.map((_, i) => r.ages.start + i), values });
    const g67 = G_2026 * 1.03 ** (67 - 34);
    for (const m of ['capitalAtRetirement', 'payoutGross', 'payoutNet', 'folketrygdPension', 'totalPension'] as const) {
      expect(rel(inG.metrics[m]!.percentiles.p50!, r.metrics[m]!.percentiles.p50! / g67)).toBeLessThan(1e-12);
      expect(rel(inG.metrics[m]!.mean, r.metrics[m]!.mean / g67)).toBeLessThan(1e-12);
    }
    expect(inG.metrics.replacementRatio).toEqual(r.metrics.replacementRatio);
    expect(inG.metrics.totalReplacementRatio).toEqual(r.metrics.totalReplacementRatio);
    expect(inG.metrics.ageAtDeath).toEqual(r.metrics.ageAtDeath);
    expect(inG.metrics.inheritance).toBeUndefined();
    // The start capital of 150 000 NOK in 2026 is 150 000 / 136 549 G.
    expect(rel(inG.fan.capital.p50![0]!, 150_000 / G_2026)).toBeLessThan(1e-12);
    r.payoutFan.ages.forEach((age, i) => {
      expect(rel(inG.payoutFan.net.p5![i]!, r.payoutFan.net.p5![i]! / (G_2026 * 1.03 ** (age - 34)))).toBeLessThan(1e-12);
    });
  });
});

describe('amounts in G with uncertain pay growth (G follows each path\'s wages)', () => {
  const s = scenarioFrom('hybrid-in-g-uncertain-pay.json', {});
  const plan = compilePlan(s);

  it('each path\'s G series is the G the kernel used that year, and its amounts in G are its own amounts over it', () => {
    expect(plan.gStochastic).toBe(true);
    const paths = 64;
    const traced = 17;
    const gs: number[] = [];
    const ends: number[] = [];
    const { series } = runChunk({ plan, seed: 5, chunk: 3, paths }, { path: traced, year: (t) => (gs.push(t.g), ends.push(t.capitalEnd)) });
    const at = gSeriesAt(plan);
    const n = plan.nYears + 1;
    const m = plan.nYears - plan.payStart;
    const value = (s: number) => series[s * paths + traced]!;
    gs.forEach((g, y) => expect(value(at + y)).toBe(g));
    // Published G in the first year, then moved by the path's own shocks.
    expect(gs[0]).toBe(G_2026);
    expect(new Set(gs.slice(1, 10)).size).toBe(9);
    ends.forEach((k, y) => {
      if (y + 1 < plan.nYears) expect(value(at + n + y + 1)).toBe(k / gs[y + 1]!);
    });
    for (let j = 0; j < m; j++) {
      expect(value(at + 2 * n + j)).toBe(value(fanOffset(plan) + n + j) / gs[plan.payStart + j]!);
    }
    G_SCALARS.forEach((name, i) => {
      const nominal = name === 'folketrygdPension' || name === 'totalPension' ? 4 + plan.extraSeries.indexOf(name) : ['capitalAtRetirement', 'payoutGross', 'payoutNet'].indexOf(name);
      expect(value(at + 2 * n + 2 * m + i)).toBe(value(nominal) / gs[plan.payStart]!);
    });
  });

  it('percentiles in G are of each path\'s ratio (exact order statistics of the per-path values)', async () => {
    const raw: number[] = [];
    const at = gSeriesAt(plan) + 2 * (plan.nYears + 1) + 2 * (plan.nYears - plan.payStart);
    const r = await simulate(s, { paths: 5000, threads: 1, percentileMethod: 'exact', onChunk: (_first, paths, series) => raw.push(...series.subarray(at * paths, (at + 1) * paths)) });
    const sorted = Float64Array.from(raw).sort();
    expect(r.inG!.metrics.capitalAtRetirement.percentiles.p5).toBe(quantileSorted(sorted, 0.05));
    expect(r.inG!.metrics.capitalAtRetirement.percentiles.p50).toBe(quantileSorted(sorted, 0.5));
    // Not the nominal percentile over the mean G: the two differ once G is uncertain.
    const meanG67 = r.inG!.g.mean[plan.payStart]!;
    expect(rel(r.inG!.metrics.capitalAtRetirement.percentiles.p95!, r.metrics.capitalAtRetirement.percentiles.p95! / meanG67)).toBeGreaterThan(1e-3);
  });

  it('G is the published value in 2026 on every path and spreads after; its mean grows 3 % a year within sampling error', async () => {
    const r = await simulate(s, { paths: 20_000, threads: 1 });
    const g = r.inG!.g;
    expect(g.ages[0]).toBe(41);
    for (const v of Object.values(g.percentiles)) expect(v[0]).toBe(G_2026);
    const at67 = 67 - 41;
    expect(g.percentiles.p95![at67]!).toBeGreaterThan(1.3 * g.percentiles.p5![at67]!);
    // G_67 = G_2026 · Π(1 + 0.03 + ε), ε ~ N(0, 0.02²) independent: E = G_2026 · 1.03^26 and
    // Var = G_2026² · ((1.03² + 0.02²)^26 − 1.03^52); the mean of 20 000 paths is within 4 SE.
    const expected = G_2026 * 1.03 ** at67;
    const sd = G_2026 * Math.sqrt((1.03 ** 2 + 0.02 ** 2) ** at67 - 1.03 ** (2 * at67));
    expect(Math.abs(g.mean[at67]! - expected)).toBeLessThan(4 * sd / Math.sqrt(r.paths));
  });

  it('the folketrygd, wage-regulated, is the same number of G on every path: the certain-pay run\'s, divided by its G', async () => {
    const r = await simulate(s, { paths: 4000, threads: 1 });
    const ft = r.inG!.metrics.folketrygdPension!;
    const nominal = r.metrics.folketrygdPension!;
    expect(nominal.percentiles.p95! / nominal.percentiles.p5!).toBeGreaterThan(1.2);
    expect(rel(ft.percentiles.p95!, ft.percentiles.p5!)).toBeLessThan(1e-9);
    const certain = scenarioFrom('hybrid-in-g-uncertain-pay.json', { person: { wageGrowth: 0.03 } });
    const c = await simulate(certain, { paths: 100, threads: 1 });
    const g67 = gPath(certain, 69)[67 - 41]!;
    expect(rel(ft.mean, c.metrics.folketrygdPension!.mean / g67)).toBeLessThan(1e-9);
  });

  it('the report in G takes every amount from the engine\'s G block and keeps the ratios', async () => {
    const r = await simulate(s, { paths: 2000, threads: 1 });
    const inG = resultInSimulatedG(r);
    expect(inG.metrics.capitalAtRetirement).toEqual(r.inG!.metrics.capitalAtRetirement);
    expect(inG.metrics.totalPension).toEqual(r.inG!.metrics.totalPension);
    expect(inG.metrics.replacementRatio).toEqual(r.metrics.replacementRatio);
    expect(inG.fan).toEqual(r.inG!.fan);
    expect(inG.payoutFan).toEqual(r.inG!.payoutFan);
  });

  it('is the same on 1 and 2 threads', async () => {
    const one = await simulate(s, { paths: 5000, threads: 1 });
    const two = await simulate(s, { paths: 5000, threads: 2 });
    expect(JSON.stringify(two.inG)).toBe(JSON.stringify(one.inG));
  });
});
