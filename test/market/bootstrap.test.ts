/**
 * The bootstrap index sequences (acceptance, issue 7): each bootstrap keeps the sample's mean and
 * variance within sampling error; block bootstraps keep the lag-1 autocorrelation that the iid
 * bootstrap destroys; the stationary bootstrap's block lengths are geometric with the given mean.
 *
 * Standard errors are honest: paths are independent, so each statistic is averaged per path and its
 * SE is the sd of the per-path values / √paths (the years within a path are dependent).
 * Expectations are exact for the scheme: circular-block and stationary draw every year uniformly,
 * so E = the sample's mean and (population) variance; the moving-block bootstrap reaches the first
 * and last L − 1 years less often, so its expectation is the weighted mean it implies (computed
 * here exactly; it differs from the sample mean by O(L/n)).
 */
import { describe, expect, it } from 'vitest';
import { calendarYears } from '../../src/data/calendar-years.js';
import { bundledMonthlyReturns } from '../../src/data/bundled-history.js';
import { bootstrapYears, BOOTSTRAP_METHODS, stationaryYears, type BootstrapMethod } from '../../src/random/bootstrap-indices.js';
import { rescaleHistory } from '../../src/market/rescale-history.js';
import { chunkStream } from '../../src/random/chunk-stream.js';
import { NormalSource } from '../../src/random/normal-source.js';

const PATHS = 20_000;
const YEARS = 40;

/** A strongly autocorrelated series: AR(1) with φ = 0.8, n = 300. */
const AR = (() => {
  const normal = new NormalSource(chunkStream(99, 0, 'market'));
  const x = new Float64Array(300);
  let v = 0;
  for (let i = 0; i < 200 + x.length; i++) {
    v = 0.8 * v + normal.next();
    if (i >= 200) x[i - 200] = v;
  }
  return x;
})();

function popMoments(x: Float64Array) {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  let c = 0;
  for (let t = 0; t < n; t++) c += (x[t]! - mean) * (x[(t + 1) % n]! - mean);
  return { mean, variance, circularLag1: c / n / variance };
}

/** Per-path statistics over PATHS paths of YEARS years: mean, mean square deviation, lag-1 product. */
function simulate(x: Float64Array, method: BootstrapMethod, block: number, seed: number) {
  const { mean: xbar, variance } = popMoments(x);
  const random = chunkStream(seed, 0, 'bootstrap');
  const idx = new Int32Array(YEARS);
  const stats = { mean: new Float64Array(PATHS), dev2: new Float64Array(PATHS), lag1: new Float64Array(PATHS) };
  for (let p = 0; p < PATHS; p++) {
    bootstrapYears(method, random, x.length, block, idx);
    let s = 0;
    let d2 = 0;
    let l1 = 0;
    for (let y = 0; y < YEARS; y++) {
      const v = x[idx[y]!]! - xbar;
      s += x[idx[y]!]!;
      d2 += v * v;
      if (y > 0) l1 += v * (x[idx[y - 1]!]! - xbar);
    }
    stats.mean[p] = s / YEARS;
    stats.dev2[p] = d2 / YEARS;
    stats.lag1[p] = l1 / (YEARS - 1) / variance;
  }
  return stats;
}

function meanSe(v: Float64Array): { mean: number; se: number } {
  const n = v.length;
  const m = v.reduce((a, b) => a + b, 0) / n;
  const s2 = v.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
  return { mean: m, se: Math.sqrt(s2 / n) };
}

/** Exact expectations of the per-path statistics for each scheme (see the module comment). */
function expected(x: Float64Array, method: BootstrapMethod, block: number) {
  const n = x.length;
  const { mean: xbar, variance, circularLag1 } = popMoments(x);
  if (method !== 'moving-block') {
    // Share of consecutive pairs inside a block: none (iid), fixed boundaries (circular), 1 − 1/L (stationary).
    const inside = method === 'iid' ? 0 : method === 'stationary' ? 1 - 1 / block : countInside(block) / (YEARS - 1);
    return { mean: xbar, dev2: variance, lag1: inside * circularLag1 };
  }
  // Moving block: year y replays start + (y mod L), start uniform on [0, n − L].
  const starts = n - block + 1;
  let mean = 0;
  let dev2 = 0;
  let lag1 = 0;
  for (let y = 0; y < YEARS; y++) {
    const off = y % block;
    let m = 0;
    let d = 0;
    let l = 0;
    for (let s = 0; s < starts; s++) {
      m += x[s + off]!;
      d += (x[s + off]! - xbar) ** 2;
      if (y > 0 && off > 0) l += (x[s + off]! - xbar) * (x[s + off - 1]! - xbar);
    }
    mean += m / starts;
    dev2 += d / starts;
    lag1 += l / starts;
  }
  return { mean: mean / YEARS, dev2: dev2 / YEARS, lag1: lag1 / (YEARS - 1) / variance };
}

function countInside(block: number): number {
  let c = 0;
  for (let y = 1; y < YEARS; y++) if (y % block !== 0) c++;
  return c;
}

describe('bootstrap keeps the sample mean and variance (within 4 SE of the scheme\'s exact expectation)', () => {
  const history = calendarYears(bundledMonthlyReturns()).returns.stocks;
  for (const [name, x] of [['US stocks 1871–2024', history], ['AR(1) φ = 0.8', AR]] as const) {
    for (const method of BOOTSTRAP_METHODS) {
      it(`${method} on ${name}`, () => {
        const block = method === 'iid' ? 1 : 8;
        const s = simulate(x, method, block, 5);
        const e = expected(x, method, block);
        const mean = meanSe(s.mean);
        const dev2 = meanSe(s.dev2);
        expect(Math.abs(mean.mean - e.mean)).toBeLessThan(4 * mean.se);
        expect(Math.abs(dev2.mean - e.dev2)).toBeLessThan(4 * dev2.se);
        // The moving block's edge effect is small against the sample's own sampling error.
        const pm = popMoments(x);
        expect(Math.abs(e.mean - pm.mean)).toBeLessThan(0.25 * Math.sqrt(pm.variance / x.length));
      });
    }
  }
});

describe('block bootstraps keep the lag-1 autocorrelation that iid destroys', () => {
  const { circularLag1 } = popMoments(AR);
  it('the test series is strongly autocorrelated (sample lag-1 > 0.6)', () => {
    expect(circularLag1).toBeGreaterThan(0.6);
  });
  it('iid: lag-1 autocorrelation 0 within 4 SE', () => {
    const s = meanSe(simulate(AR, 'iid', 1, 8).lag1);
    expect(Math.abs(s.mean)).toBeLessThan(4 * s.se);
    expect(Math.abs(s.mean)).toBeLessThan(0.02);
  });
  for (const method of ['moving-block', 'circular-block', 'stationary'] as const) {
    it(`${method} (L = 10): the exact share of within-block pairs × the sample's lag-1, within 4 SE`, () => {
      const s = meanSe(simulate(AR, method, 10, 9).lag1);
      const e = expected(AR, method, 10).lag1;
      expect(Math.abs(s.mean - e)).toBeLessThan(4 * s.se);
      expect(s.mean).toBeGreaterThan(0.8 * circularLag1);
    });
  }
});

describe('stationary bootstrap block lengths are geometric with the given mean', () => {
  // A history so long (n ≈ 10⁹) that a new block never starts by chance at the next year.
  const n = 1_000_000_007;
  const meanBlock = 5;
  const p = 1 / meanBlock;
  const idx = new Int32Array(500_000);
  stationaryYears(chunkStream(17, 0, 'bootstrap'), n, meanBlock, idx);
  const lengths: number[] = [];
  let run = 1;
  for (let y = 1; y < idx.length; y++) {
    if (idx[y] === (idx[y - 1]! + 1) % n) run++;
    else {
      lengths.push(run);
      run = 1;
    }
  } // the last, cut-off block is left out
  it('mean length 5 within 4 SE (geometric sd √(1 − p)/p)', () => {
    const m = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    expect(Math.abs(m - meanBlock)).toBeLessThan((4 * Math.sqrt(1 - p)) / p / Math.sqrt(lengths.length));
  });
  it('P(length = k) = (1 − p)^(k−1)·p: chi-square over k = 1..15 and a tail bin passes at 0.1 %', () => {
    const bins = 16;
    const counts = new Array<number>(bins).fill(0);
    for (const l of lengths) counts[Math.min(l, bins) - 1]!++;
    let chi2 = 0;
    for (let k = 1; k <= bins; k++) {
      const prob = k < bins ? (1 - p) ** (k - 1) * p : (1 - p) ** (bins - 1);
      const e = prob * lengths.length;
      chi2 += (counts[k - 1]! - e) ** 2 / e;
    }
    expect(chi2).toBeLessThan(37.697); // χ²₁₅ 99.9 % quantile
  });
  it('mean block 1 is the iid bootstrap: every year starts a block', () => {
    const one = new Int32Array(1000);
    stationaryYears(chunkStream(1, 0, 'bootstrap'), n, 1, one);
    let continued = 0;
    for (let y = 1; y < one.length; y++) if (one[y] === one[y - 1]! + 1) continued++;
    expect(continued).toBe(0);
  });
});

describe('rescaling the history to a target mean and volatility keeps its shape', () => {
  it('mean and population sd become exactly the targets; lag-1 autocorrelation and standardised values are unchanged', () => {
    const r = rescaleHistory(AR, 0.05, 0.2);
    const before = popMoments(AR);
    const after = popMoments(r);
    expect(after.mean).toBeCloseTo(0.05, 12);
    expect(Math.sqrt(after.variance)).toBeCloseTo(0.2, 12);
    expect(after.circularLag1).toBeCloseTo(before.circularLag1, 12);
    const z = (x: Float64Array, m: { mean: number; variance: number }, i: number) => (x[i]! - m.mean) / Math.sqrt(m.variance);
    for (const i of [0, 17, 299]) expect(z(r, after, i)).toBeCloseTo(z(AR, before, i), 10);
  });
  it('the doc example: [0.1, −0.1] to mean 0.05, sd 0.2 gives [0.25, −0.15]', () => {
    const r = rescaleHistory(new Float64Array([0.1, -0.1]), 0.05, 0.2);
    expect(r[0]).toBeCloseTo(0.25, 14);
    expect(r[1]).toBeCloseTo(-0.15, 14);
  });
});

describe('the bundled history as calendar years', () => {
  const h = calendarYears(bundledMonthlyReturns());
  it('154 full calendar years 1871–2024 (the 9 months of 2025 are dropped)', () => {
    expect(h.years.length).toBe(154);
    expect(h.years[0]).toBe(1871);
    expect(h.years.at(-1)).toBe(2024);
  });
  it('1871 is the compounded product of its 12 monthly returns', () => {
    const m = bundledMonthlyReturns();
    let gross = 1;
    for (let i = 0; i < 12; i++) gross *= 1 + m.returns.stocks[i]!;
    expect(h.returns.stocks[0]).toBeCloseTo(gross - 1, 14);
    expect(m.year[0]).toBe(1871);
    expect(m.month[11]).toBe(12);
  });
});

describe('doc examples', () => {
  it('movingBlockYears with n = 10, L = 3 and block starts 4 and 0 gives 4, 5, 6, 0, 1', async () => {
    const { movingBlockYears } = await import('../../src/random/bootstrap-indices.js');
    // Starts are floor(u·(n − L + 1)) = floor(u·8): u = 4.5/8 gives 4, u = 0.5/8 gives 0.
    const us = [4.5 / 8, 0.5 / 8];
    const random = Object.assign(() => us.shift()!, { int32: () => 0 });
    const out = new Int32Array(5);
    movingBlockYears(random, 10, 3, out);
    expect(Array.from(out)).toEqual([4, 5, 6, 0, 1]);
  });

  it('twelve months of +1 % compound to a calendar year of 1.01¹² − 1 = 12.68 %', () => {
    const year = new Int32Array(12).fill(2000);
    const month = Int32Array.from({ length: 12 }, (_, i) => i + 1);
    const r = new Float64Array(12).fill(0.01);
    const y = calendarYears({ year, month, returns: { stocks: r, bonds: r } });
    expect(y.years).toEqual([2000]);
    expect(y.returns.stocks[0]).toBeCloseTo(0.126825, 6);
  });

  it('lognormal parameters: E = 0.07, σ = 0.16 give s = 0.148707, m = 0.056602, and back', async () => {
    const { lognormalParams, simpleReturnMoments } = await import('../../src/market/lognormal-params.js');
    const p = lognormalParams(0.07, 0.16);
    expect(p.logSd).toBeCloseTo(0.148707, 6);
    expect(p.logMean).toBeCloseTo(0.056602, 6);
    const back = simpleReturnMoments(p.logMean, p.logSd);
    expect(back.expectedReturn).toBeCloseTo(0.07, 14);
    expect(back.volatility).toBeCloseTo(0.16, 14);
  });
});
