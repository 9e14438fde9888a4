/**
 * The streamed figures' approximations and their stated bounds: expectedShortfall from a sketch
 * (stats/log-bucket-sketch.ts) and the CE value of company stock at a share known only at the end
 * (stats/ce-value-at-share.ts). Each stated bound is checked twice: it holds the error against the
 * exact figure, and it is itself no larger than a bound computed here from the exact data (the
 * tail's order statistics; the exact CE at w and a quadratic interpolant written here), so a bound
 * inflated to be safe fails too.
 */
import { describe, expect, it } from 'vitest';
import { ceValueAtShare } from '../../src/stats/ce-value-at-share.js';
import { LogBucketSketch } from '../../src/stats/log-bucket-sketch.js';
import { certaintyEquivalent, certaintyEquivalentValue, expectedShortfall, sortedCopy } from '../../src/stats/risk-measures.js';
import seedrandom from 'seedrandom';

const xor4096 = (seed: string) => seedrandom.xor4096(seed);

const sketchOf = (x: ArrayLike<number>) => {
  const s = new LogBucketSketch();
  for (let i = 0; i < x.length; i++) s.add(x[i]!);
  return s;
};

describe('expectedShortfall from a sketch', () => {
  it('1..100 at α = 0.05: 3, within its bound', () => {
    const es = sketchOf(Array.from({ length: 100 }, (_, i) => i + 1)).expectedShortfall(0.05);
    expect(Math.abs(es.value - 3)).toBeLessThanOrEqual(es.bound);
    // Its bound: 2⁻¹¹ times the tail's mean magnitude (3 here, within the sketch's own 2⁻¹¹).
    expect(es.bound).toBeLessThanOrEqual(2 ** -11 * 3 * (1 + 2 ** -11));
  });

  it.each([0.01, 0.05, 0.1, 0.37])('α = %f: within the bound of the exact figure, for values of both signs and zeros', (alpha) => {
    const u = xor4096('es-test');
    const x = Float64Array.from({ length: 20_000 }, (_, i) => (i % 97 === 0 ? 0 : Math.exp(3 * u() - 1) * (u() < 0.3 ? -1 : 1) * 1e5));
    const exact = expectedShortfall(sortedCopy(x), alpha);
    const es = sketchOf(x).expectedShortfall(alpha);
    expect(Math.abs(es.value - exact)).toBeLessThanOrEqual(es.bound);
    // The stated bound, capped by one computed here from the exact order statistics: 2⁻¹¹ times the
    // tail's weighted mean magnitude Σ wᵢ|x₍ᵢ₎| / (αn) (a bucket's midpoint is within 2⁻¹¹ of its
    // values), so a loose or made-up bound fails, and so does one ignoring the signs in the tail.
    const sorted = sortedCopy(x);
    const an = alpha * x.length;
    const k = Math.floor(an);
    let tailAbs = 0;
    for (let i = 0; i < k; i++) tailAbs += Math.abs(sorted[i]!);
    tailAbs += (an - k) * Math.abs(sorted[k]!);
    expect(es.bound).toBeLessThanOrEqual(2 ** -11 * (tailAbs / an) * (1 + 2 ** -10));
    expect(es.bound).toBeGreaterThan(0);
  });
});

describe('ceValueAtShare', () => {
  it('a flat grid (S = M on every path) gives V = 1 with bound 0', () => {
    const r = ceValueAtShare(Array(17).fill(5), 0.37);
    expect(r.value).toBeCloseTo(1, 12);
    expect(r.bound).toBeLessThan(1e-12);
  });

  it('is exact at a grid point, and within its bound of the exact V between grid points', () => {
    const u = xor4096('ce-test');
    const n = 20_000;
    const m = Float64Array.from({ length: n }, () => Math.exp(0.3 * (u() - 0.5) + 0.5));
    const s = Float64Array.from({ length: n }, (_, i) => (u() < 0.1 ? 0.2 : Math.exp(1.2 * (u() - 0.5) + 0.4)) * m[i]! ** 0.5);
    const gamma = 3;
    const grid = Array.from({ length: 17 }, (_, k) => certaintyEquivalent(m.map((mi, i) => (1 - k / 16) * mi + (k / 16) * s[i]!), gamma));
    const atNode = ceValueAtShare(grid, 0.25);
    expect(atNode.value).toBeCloseTo(certaintyEquivalentValue(m, s, 0.25, gamma), 12);
    let informative = 0;
    for (const w of [0.03, 0.31, 0.5, 0.77, 0.99]) {
      const r = ceValueAtShare(grid, w);
      const exact = certaintyEquivalentValue(m, s, w, gamma);
      expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(r.bound + 1e-12);
      // The stated bound, capped independently: it is |cubic − quadratic| / (g(0)·w), and by the
      // triangle inequality |c − q| ≤ |c − g(w)| + |q − g(w)|, with g(w) the exact CE of the paths
      // at w, the cubic's error read off the value, and the quadratic through the three nearest
      // grid points written here (so a bound inflated or not computed from the interpolants fails).
      const g0 = grid[0]!;
      const gw = certaintyEquivalent(m.map((mi, i) => (1 - w) * mi + w * s[i]!), gamma);
      const x = w * 16;
      const near = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].sort((a, b) => Math.abs(a - x) - Math.abs(b - x)).slice(0, 3);
      const q = near.reduce((sum, i) => sum + grid[i]! * near.reduce((l, j) => (j === i ? l : (l * (x - j)) / (i - j)), 1), 0);
      const cubicError = Math.abs(r.value - exact) * g0 * w;
      const cap = (cubicError + Math.abs(q - gw)) / (g0 * w);
      expect(r.bound, `w = ${w}`).toBeLessThanOrEqual(cap * (1 + 1e-9) + 1e-12);
      // And it is small where w is not on the grid: the estimate says something.
      if (Math.abs(x - Math.round(x)) > 1e-9) {
        expect(r.bound, `w = ${w}`).toBeLessThan(1e-3);
        informative++;
      }
    }
    expect(informative).toBeGreaterThanOrEqual(4);
  });
});
