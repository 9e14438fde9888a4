/**
 * Stochastic inflation (AR(1), correlated with returns) and the market models' shared draws:
 * long-run moments of the AR(1) within SE, the chosen correlation with an asset's shock, and
 * common random numbers — adding inflation or switching lognormal → Student-t keeps the market's
 * normal shocks, and the student-t's log returns have the lognormal's variance.
 */
import { describe, expect, it } from 'vitest';
import { createMarketPath, type MarketPlan } from '../../src/market/market-path.js';
import { inflationLoadings } from '../../src/market/inflation-loadings.js';
import type { InflationModel } from '../../src/market/market-model.js';
import { cholesky } from '../../src/stats/cholesky.js';
import { lognormalParams } from '../../src/market/lognormal-params.js';

const equity = lognormalParams(0.07, 0.16);
const bond = lognormalParams(0.03, 0.06);
const l = cholesky([[1, 0.1], [0.1, 1]])!;
const base: MarketPlan = {
  nYears: 60,
  nAssets: 2,
  logMean: new Float64Array([equity.logMean, bond.logMean]),
  covFactor: new Float64Array([equity.logSd * l[0]!, 0, bond.logSd * l[2]!, bond.logSd * l[3]!]),
};

function inflation(persistence: number, rho: [number, number]): InflationModel {
  return { mean: 0.02, persistence, sd: 0.01, initial: 0.02, loadings: inflationLoadings([[1, 0.1], [0.1, 1]], rho)!, nominalizeReturns: false };
}

function corr(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((x, y) => x + y, 0) / n;
  const mb = b.reduce((x, y) => x + y, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('inflation loadings', () => {
  it('one asset, ρ = 0.6: a = 0.6, a_own = 0.8 (the doc example)', () => {
    const a = inflationLoadings([[1]], [0.6])!;
    expect(a[0]).toBeCloseTo(0.6, 14);
    expect(a[1]).toBeCloseTo(0.8, 14);
  });
  it('impossible correlations (ρ = 0.9 and −0.9 with assets correlated 0.9) have no loadings', () => {
    expect(inflationLoadings([[1, 0.9], [0.9, 1]], [0.9, -0.9])).toBeNull();
  });
});

describe('AR(1) inflation', () => {
  it('long-run mean μ, variance σ²/(1 − φ²) and lag-1 correlation φ, within 4 SE of per-path averages', () => {
    const phi = 0.6;
    const market = createMarketPath({ ...base, inflation: inflation(phi, [0, 0]) }, 7, 0, 0);
    const means: number[] = [];
    const squares: number[] = [];
    const lags: number[] = [];
    for (let q = 0; q < 5000; q++) {
      market.fill();
      const pi = market.inflation!;
      let m = 0;
      let s = 0;
      let c = 0;
      const burn = 20; // φ²⁰ ≈ 4e-5 of the start remains
      for (let y = burn; y < base.nYears; y++) {
        m += pi[y]!;
        s += (pi[y]! - 0.02) ** 2;
        c += (pi[y]! - 0.02) * (pi[y - 1]! - 0.02);
      }
      const k = base.nYears - burn;
      means.push(m / k);
      squares.push(s / k);
      lags.push(c / k);
    }
    const check = (v: number[], target: number) => {
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      const se = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1) / v.length);
      expect(Math.abs(m - target)).toBeLessThan(4 * se);
    };
    const variance = 0.01 ** 2 / (1 - phi * phi);
    check(means, 0.02);
    check(squares, variance);
    check(lags, phi * variance);
  });

  it('the price index compounds the year\'s inflation: I(y+1) = I(y)·(1 + π_y), I(0) = 1', () => {
    const market = createMarketPath({ ...base, inflation: inflation(0.5, [0, 0]) }, 1, 0, 0);
    market.fill();
    expect(market.priceIndex![0]).toBe(1);
    for (let y = 0; y < base.nYears; y++) expect(market.priceIndex![y + 1]).toBeCloseTo(market.priceIndex![y]! * (1 + market.inflation![y]!), 12);
  });

  it('correlation with equity\'s log return is the given −0.3 (Fisher z SE 1/√(n − 3)), and 0 with bonds when not given', () => {
    // φ = 0 and initial = mean: π_y = μ + σ·ε_y, so corr(π_y, ln g_y) = corr(ε, equity shock) = ρ.
    const market = createMarketPath({ ...base, inflation: inflation(0, [-0.3, 0]) }, 9, 0, 0);
    const pi: number[] = [];
    const eq: number[] = [];
    const bd: number[] = [];
    for (let q = 0; q < 2000; q++) {
      market.fill();
      for (let y = 0; y < base.nYears; y++) {
        pi.push(market.inflation![y]!);
        eq.push(Math.log(market.gross[2 * y]!));
        bd.push(Math.log(market.gross[2 * y + 1]!));
      }
    }
    const se = 1 / Math.sqrt(pi.length - 3);
    expect(Math.abs(Math.atanh(corr(pi, eq)) - Math.atanh(-0.3))).toBeLessThan(4 * se);
    // Bonds: the extended correlation matrix sets corr(ε, bond shock) = 0 exactly, although ε loads
    // on equity's shock, which is itself correlated 0.1 with bonds (the Cholesky row corrects for it).
    expect(Math.abs(Math.atanh(corr(pi, bd)))).toBeLessThan(4 * se);
  });
});

describe('common random numbers across models', () => {
  it('adding inflation leaves the lognormal returns bit-identical (its own stream)', () => {
    const a = createMarketPath(base, 3, 2, 2 * 2048);
    const b = createMarketPath({ ...base, inflation: inflation(0.6, [-0.2, 0.1]) }, 3, 2, 2 * 2048);
    for (let q = 0; q < 50; q++) {
      a.fill();
      b.fill();
      expect(Array.from(b.gross)).toEqual(Array.from(a.gross));
    }
  });

  it('an explicit lognormal model is the default one, bit for bit', () => {
    const a = createMarketPath(base, 3, 2, 2 * 2048);
    const b = createMarketPath({ ...base, market: { kind: 'lognormal' } }, 3, 2, 2 * 2048);
    a.fill();
    b.fill();
    expect(Array.from(b.gross)).toEqual(Array.from(a.gross));
  });

  it('Student-t: the same normal shocks as the lognormal (log returns have equal signs about m), and the lognormal\'s log variance within 4 SE', () => {
    const nu = 5;
    const a = createMarketPath(base, 5, 0, 0);
    const t = createMarketPath({ ...base, market: { kind: 'student-t', nu } }, 5, 0, 0);
    const x: number[] = [];
    let signDiffers = 0;
    for (let q = 0; q < 4000; q++) {
      a.fill();
      t.fill();
      for (let y = 0; y < base.nYears; y++) {
        const za = Math.log(a.gross[2 * y]!) - equity.logMean;
        const zt = Math.log(t.gross[2 * y]!) - equity.logMean;
        if (Math.sign(zt) !== Math.sign(za)) signDiffers++;
        x.push(zt / equity.logSd);
      }
    }
    expect(signDiffers).toBe(0);
    // x is a unit-variance t₅: SE of its sample variance √((κ − 1)/n), κ = 3 + 6/(ν − 4) = 9.
    const n = x.length;
    const v = x.reduce((s, u) => s + u * u, 0) / n;
    expect(Math.abs(v - 1)).toBeLessThan(4 * Math.sqrt(8 / n));
  });
});
