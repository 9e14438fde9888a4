/**
 * GOLDEN.md G6 by simulation through the US kernel: the one-factor model with β = 1 and no default
 * gives P(S_T < M_T) = Φ(σ_ε√T/2), the certainty-equivalent value of $1 of company stock at w = 1
 * is exp(−γσ_ε²T/2), and a hazard λ gives P(default by T) = 1 − e^(−λT). Tolerances: 4 standard
 * errors (binomial, or the delta method for the CE ratio). Also: Student-t innovations have unit
 * variance, and the compensated drift keeps the expected stock return at CAPM's.
 */
import { describe, expect, it } from 'vitest';
import { certaintyEquivalentValue } from '../../src/stats/risk-measures.js';
import { errorFunction, usScenario, type Json } from './helpers.js';
import { usRun } from './helpers.js';

const Phi = (x: number) => 0.5 * (1 + errorFunction(x / Math.SQRT2));
const PATHS = 100_000;

/** The KSOP scenario over T years to 65 with the stock model replaced. */
async function stockRun(T: number, stock: Json, paths = PATHS) {
  const s = usScenario('ksop-concentrated.json', (j) => {
    j.person.startYear = 2026;
    j.person.birthYear = 2026 - (65 - T);
    j.employerStock = { marketAsset: 'us-equity', riskFreeRate: 0.035, ...stock };
  });
  return (await usRun(s, { paths, seed: 7 }));
}

function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}

function sd(x: ArrayLike<number>): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i]! - m) ** 2;
  return Math.sqrt(s / (x.length - 1));
}

describe('G6: P(stock ends below the market) = Φ(σ_ε√T/2), σ_ε = 0.30', () => {
  it.each([
    [1, 0.56],
    [5, 0.631],
    [10, 0.682],
    [20, 0.749],
  ])('T = %i → %f', async (T, golden) => {
    const run = await stockRun(T, { beta: 1, idiosyncraticVolatility: 0.3, defaultHazard: 0 });
    const s = run.values.stockWealthRelative;
    const m = run.values.marketWealthRelative;
    let below = 0;
    for (let i = 0; i < PATHS; i++) if (s[i]! < m[i]!) below++;
    const p = below / PATHS;
    const exact = Phi((0.3 * Math.sqrt(T)) / 2);
    expect(Math.abs(exact - golden)).toBeLessThan(0.0005); // the golden value, rounded to 3 digits
    expect(Math.abs(p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / PATHS));
  });
});

describe('G6: certainty-equivalent value of $1 of company stock', () => {
  it('γ = 3, σ_ε = 0.30, T = 10, w = 1 → exp(−1.35) = 0.259', async () => {
    const run = await stockRun(10, { beta: 1, idiosyncraticVolatility: 0.3, defaultHazard: 0 });
    const s = run.values.stockWealthRelative;
    const m = run.values.marketWealthRelative;
    const v = certaintyEquivalentValue(m, s, 1, 3);
    const exact = Math.exp((-3 * 0.09 * 10) / 2);
    expect(exact).toBeCloseTo(0.259, 3);
    // Delta method: log V = −½(log Ȳ_S − log Ȳ_M), Y = X^(1−γ) = X^−2.
    const ys = Float64Array.from(s, (x) => x ** -2);
    const ym = Float64Array.from(m, (x) => x ** -2);
    const [ms, mm] = [mean(ys), mean(ym)];
    const lin = ys.map((y, i) => y / ms - ym[i]! / mm);
    const se = v * 0.5 * (sd(lin) / Math.sqrt(PATHS));
    expect(Math.abs(v - exact)).toBeLessThan(4 * se);
    expect(se).toBeLessThan(0.02); // the test can fail: the band is narrow
  });
});

describe('G6: P(default by T) = 1 − e^(−λT), λ = 1 %', () => {
  it.each([
    [10, 0.095],
    [30, 0.259],
  ])('T = %i → %f', async (T, golden) => {
    const run = await stockRun(T, { beta: 1, idiosyncraticVolatility: 0.3, defaultHazard: 0.01 }, 50_000);
    const p = mean(run.values.defaulted);
    const exact = 1 - Math.exp(-0.01 * T);
    expect(Math.abs(exact - golden)).toBeLessThan(0.0005);
    expect(Math.abs(p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 50_000));
  });
});

describe('the stock model', () => {
  it('Student-t innovations (ν = 8) keep the idiosyncratic variance σ_ε²', async () => {
    const run = await stockRun(1, { beta: 1, idiosyncraticVolatility: 0.3, studentTDof: 8 });
    const d = Float64Array.from(run.values.stockWealthRelative, (s, i) => Math.log(s / run.values.marketWealthRelative[i]!));
    const v = sd(d) ** 2;
    // Var(s²) ≈ σ⁴(2/(n−1) + κ/n), excess kurtosis κ = 6/(ν − 4) = 1.5.
    const se = 0.09 * Math.sqrt(2 / (PATHS - 1) + 1.5 / PATHS);
    expect(Math.abs(v - 0.09)).toBeLessThan(4 * se);
  });
  it.each([
    [true, 1],
    [false, Math.exp(-0.05 * 5)],
  ])('compensated %s: E[S_T] = (1 + E_m)^T × %f (β = 1, λ = 5 %, R = 0, T = 5)', async (compensated, factor) => {
    const run = await stockRun(5, { beta: 1, idiosyncraticVolatility: 0.3, defaultHazard: 0.05, recovery: 0, compensated }, 50_000);
    const s = run.values.stockWealthRelative;
    const expected = 1.08 ** 5 * factor;
    expect(Math.abs(mean(s) - expected)).toBeLessThan(4 * (sd(s) / Math.sqrt(50_000)));
  });
});
