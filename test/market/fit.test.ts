/**
 * pensim fit's estimators: the bundled series' lognormal figures (acceptance: stock real log mean
 * ≈ 6.8 %/yr, sd ≈ 14 %/yr; data/README.md: 6.84 % and 14.1 %), the Student-t ν and the regime
 * model recovered from data simulated with known parameters, and fragments that make valid,
 * runnable scenarios.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledMonthlyReturns } from '../../src/data/bundled-history.js';
import { parseMonthlyReturnsCsv } from '../../src/data/monthly-returns-csv.js';
import { fitHistory, scenarioFragment } from '../../src/market/fit/fit-history.js';
import { fitRegimes, yearlyRegimes } from '../../src/market/fit/fit-regimes.js';
import { fitStudentT } from '../../src/market/fit/fit-student-t.js';
import { logGamma } from '../../src/market/fit/log-gamma.js';
import { fillRegimePath } from '../../src/market/regime-path.js';
import { simulate } from '../../src/engine/simulate.js';
import { chunkStream } from '../../src/random/chunk-stream.js';
import { GammaSource } from '../../src/random/gamma-source.js';
import { NormalSource } from '../../src/random/normal-source.js';
import { StudentTSource } from '../../src/random/student-t.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import { UserError } from '../../src/base/user-error.js';

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

describe('fit on the bundled US real returns 1871–2025', () => {
  const e = fitHistory(bundledMonthlyReturns(), 'bundled', 'monthly', true);
  const [stocks, bonds] = e.lognormal.series;

  it('stocks: log mean 6.84 %/yr and sd 14.1 %/yr; bonds 2.39 % and 5.8 % (data/README.md, to its printed digits)', () => {
    expect(e.data.months).toBe(1857);
    expect(round(100 * stocks!.logMean, 2)).toBe(6.84);
    expect(round(100 * stocks!.logSd, 1)).toBe(14.1);
    expect(round(100 * bonds!.logMean, 2)).toBe(2.39);
    expect(round(100 * bonds!.logSd, 1)).toBe(5.8);
  });

  it('the arithmetic figures invert the lognormal: E = e^(μ + σ²/2) − 1', () => {
    expect(stocks!.expectedReturn).toBeCloseTo(Math.exp(stocks!.logMean + stocks!.logSd ** 2 / 2) - 1, 14);
  });

  it('calendar years give the same log mean (compounding is exact) and a larger sd (17.2 %: Shiller\'s monthly averaging)', () => {
    const [y] = e.lognormalOtherHorizon.series;
    expect(Math.abs(y!.logMean - stocks!.logMean)).toBeLessThan(y!.logMeanStderr);
    expect(round(100 * y!.logSd, 1)).toBe(17.2);
  });

  it('Student-t ν of yearly returns lies in its likelihood interval; regimes: calm is the majority and less volatile', () => {
    expect(e.studentT.nu).toBeGreaterThan(2);
    expect(e.studentT.nuInterval[0]).toBeLessThanOrEqual(e.studentT.nu);
    const g = e.regimes!;
    expect(g.yearly.stationary[0]).toBeGreaterThan(0.5);
    expect(g.yearly.covariances[0]![0]![0]).toBeLessThan(g.yearly.covariances[1]![0]![0]!);
    g.yearly.transition.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12));
  });

  for (const model of ['lognormal', 'student-t', 'regime-switching'] as const) {
    it(`the ${model} fragment makes a valid scenario that runs`, async () => {
      const base = JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8')) as Record<string, any>;
      const fragment = scenarioFragment(e, model) as { profile: Record<string, unknown>; returns?: unknown };
      base.profile = { ...base.profile, ...fragment.profile, weights: { stocks: 0.5, bonds: 0.5 } };
      if (fragment.returns) base.returns = fragment.returns;
      const s = checkScenario(base);
      const r = await simulate(s, { paths: 500, threads: 1 });
      expect(r.metrics.capitalAtRetirement.mean).toBeGreaterThan(0);
    });
  }
});

describe('estimators recover known parameters', () => {
  it('a bivariate t₅ sample (n = 20 000): ν within its 95 % interval, and the interval holds 5', () => {
    const stream = chunkStream(21, 0, 'fat-tail');
    const normal = new NormalSource(stream);
    const t = new StudentTSource(normal, new GammaSource(normal, stream), 5);
    const n = 20_000;
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const w = t.mixing();
      const z1 = normal.next();
      const z2 = normal.next();
      a[i] = 0.05 + 0.15 * w * z1;
      b[i] = 0.02 + 0.05 * w * (0.3 * z1 + Math.sqrt(1 - 0.09) * z2);
    }
    const fit = fitStudentT([a, b]);
    expect(fit.nuInterval[0]).toBeLessThan(5);
    expect(fit.nuInterval[1]).toBeGreaterThan(5);
    expect(fit.lrNormal).toBeGreaterThan(100);
    // Unit-variance scaling: the fitted covariance is the simulated one, 0.15²; relative SE of a
    // t₅ variance estimate √((κ − 1)/n) with κ = 9.
    expect(Math.abs(fit.covariance[0]![0]! / 0.0225 - 1)).toBeLessThan(4 * Math.sqrt(8 / n));
  });

  it('normal data: the likelihood ratio against the normal is small and the interval reaches 1000', () => {
    const normal = new NormalSource(chunkStream(22, 0, 'market'));
    const x = Float64Array.from({ length: 2000 }, () => normal.next());
    const fit = fitStudentT([x]);
    expect(fit.lrNormal).toBeLessThan(10);
    expect(fit.nuInterval[1]).toBeGreaterThan(100);
  });

  it('two Gaussian regimes (sd 1 and 3, transition [[0.95, 0.05], [0.2, 0.8]], n = 20 000) are fitted back within 4 SE', () => {
    const p = [[0.95, 0.05], [0.2, 0.8]];
    const n = 20_000;
    const path = new Int32Array(n);
    fillRegimePath(chunkStream(5, 0, 'regime'), Float64Array.from([0.95, 1, 0.2, 1]), Float64Array.from([0.8, 1]), 2, n, path);
    const normal = new NormalSource(chunkStream(5, 0, 'market'));
    const x = Float64Array.from(path, (r) => (r === 0 ? 0.5 + normal.next() : -1 + 3 * normal.next()));
    const fit = fitRegimes([x], 2);
    // Visits to each regime: n·π = 16 000 and 4 000; the rate out of a regime has binomial SE √(p(1 − p)/visits).
    // The hidden path adds misclassification noise, so allow the SE of the smaller regime for both rows.
    const se = (q: number) => Math.sqrt((q * (1 - q)) / 4000);
    expect(Math.abs(fit.transition[0]![1]! - 0.05)).toBeLessThan(4 * se(0.05));
    expect(Math.abs(fit.transition[1]![0]! - 0.2)).toBeLessThan(4 * se(0.2));
    expect(Math.abs(fit.means[0]![0]! - 0.5)).toBeLessThan(4 / Math.sqrt(16_000));
    expect(Math.abs(Math.sqrt(fit.covariances[1]![0]![0]!) - 3)).toBeLessThan((4 * 3) / Math.sqrt(2 * 4000));
    // Yearly from monthly: 12-step transition matrix keeps π; means scale by 12.
    const yearly = yearlyRegimes(fit, 12);
    expect(yearly.means[0]![0]).toBeCloseTo(12 * fit.means[0]![0]!, 12);
    const pi = fit.stationary;
    for (let j = 0; j < 2; j++) expect(pi[0]! * yearly.transition[0]![j]! + pi[1]! * yearly.transition[1]![j]!).toBeCloseTo(pi[j]!, 10);
  });

  it('logGamma: ln Γ(5) = ln 24, ln Γ(1/2) = ln √π, ln Γ(0.1) by reflection', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
  });
});

describe('monthly returns CSV', () => {
  it('reads the bundled columns and rejects a missing column or a gap, naming line and column', () => {
    const ok = parseMonthlyReturnsCsv('year,month,CAPE,stock real return,bond real return\n1871,1,NA,-0.0118,-0.0256\n1871,2,NA,0.0142,-0.0105\n', 'x.csv');
    expect(Array.from(ok.returns.stocks)).toEqual([-0.0118, 0.0142]);
    expect(() => parseMonthlyReturnsCsv('year,month,stocks\n1871,1,0.1\n', 'x.csv')).toThrow(/header: missing column\(s\) "stock real return", "bond real return"/);
    try {
      parseMonthlyReturnsCsv('year,month,stock real return,bond real return\n1871,1,0.01,0.01\n1871,3,0.01,-1.5\n', 'x.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).message).toMatch(/line 3: months must follow each other without gaps/);
      expect((e as UserError).message).toMatch(/line 3, bond real return: must be a simple return above −1/);
    }
  });
});
