/**
 * The streamed figures' approximations and their stated bounds: expectedShortfall from a sketch
 * (stats/log-bucket-sketch.ts) and the CE value of company stock at a share known only at the end
 * (stats/ce-value-at-share.ts).
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
    expect(es.bound).toBeLessThanOrEqual(2 ** -11 * Math.abs(x.reduce((m, v) => Math.min(m, v), 0)) + 1e-9);
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
    for (const w of [0.03, 0.31, 0.5, 0.77, 0.99]) {
      const r = ceValueAtShare(grid, w);
      const exact = certaintyEquivalentValue(m, s, w, gamma);
      expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(r.bound + 1e-12);
    }
  });
});
