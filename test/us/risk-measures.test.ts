/** Risk measures (src/stats/risk-measures.ts) on exact small cases and a closed form. */
import { describe, expect, it } from 'vitest';
import { certaintyEquivalent, certaintyEquivalentValue, expectedShortfall, sortedCopy, valueAtRisk } from '../../src/stats/risk-measures.js';

const oneToHundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

describe('valueAtRisk and expectedShortfall', () => {
  it('1..100 at 5 %: VaR = 5.95 (type 7), ES = mean(1..5) = 3', () => {
    expect(valueAtRisk(oneToHundred, 0.05)).toBeCloseTo(5.95, 12);
    expect(expectedShortfall(oneToHundred, 0.05)).toBeCloseTo(3, 12);
  });
  it('fractional boundary: 1..10 at 25 % → (1 + 2 + 0.5·3)/2.5', () => {
    expect(expectedShortfall(Float64Array.from({ length: 10 }, (_, i) => i + 1), 0.25)).toBeCloseTo(4.5 / 2.5, 12);
  });
  it('ES <= VaR <= median: a hand-worked sample', () => {
    // Sorted: −10 −3 1 1 2 4 5 7 8 9. ES_0.2 = mean of the worst 2 = −6.5; VaR_0.2 at h = 9 · 0.2 = 1.8:
    // −3 + 0.8 · (1 − (−3)) = 0.2; the median (2 + 4)/2 = 3.
    const x = sortedCopy([5, -3, 8, 1, 1, 9, 2, 7, -10, 4]);
    expect(expectedShortfall(x, 0.2)).toBeCloseTo(-6.5, 12);
    expect(valueAtRisk(x, 0.2)).toBeCloseTo(0.2, 12);
    expect(valueAtRisk(x, 0.5)).toBeCloseTo(3, 12);
  });
  it('ES <= VaR <= median on 2 000 random samples (sizes 1–60, α 0.01–0.5, with ties and outliers)', () => {
    // A fixed-seed generator of the test's own (mulberry32), so every run checks the same samples.
    let state = 20261205;
    const next = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    let strict = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const n = 1 + Math.floor(next() * 60);
      // Rounded draws make ties; cubes make a heavy tail.
      const raw = Array.from({ length: n }, () => Math.round((next() - 0.4) ** 3 * 1000) / 10);
      const x = sortedCopy(raw);
      // The median from the definition, not from the code under test: the middle value, or the mean of the two middle ones.
      const median = n % 2 === 1 ? x[(n - 1) / 2]! : (x[n / 2 - 1]! + x[n / 2]!) / 2;
      const scale = 1e-12 * (Math.abs(x[0]!) + Math.abs(x[n - 1]!) + 1);
      for (const alpha of [0.01, 0.05, 0.1, 0.25, 0.5]) {
        const es = expectedShortfall(x, alpha);
        const v = valueAtRisk(x, alpha);
        expect(es, `n ${n}, α ${alpha}`).toBeLessThanOrEqual(v + scale);
        expect(v, `n ${n}, α ${alpha}`).toBeLessThanOrEqual(median + scale);
        expect(es).toBeGreaterThanOrEqual(x[0]! - scale);
        if (es < v - scale) strict++;
      }
    }
    // Not every case a tie: the inequalities were tested where they could fail.
    expect(strict).toBeGreaterThan(5000);
  });
});

describe('certaintyEquivalent (CRRA)', () => {
  it('γ = 1 is the geometric mean; γ = 2 the harmonic mean', () => {
    expect(certaintyEquivalent([1, 4], 1)).toBeCloseTo(2, 12);
    expect(certaintyEquivalent([1, 4], 2)).toBeCloseTo(1.6, 12);
  });
  it('a sure amount is its own CE; zero wealth gives 0 for γ >= 1', () => {
    expect(certaintyEquivalent([7, 7, 7], 3)).toBeCloseTo(7, 12);
    expect(certaintyEquivalent([0, 7], 3)).toBe(0);
  });
  it('γ <= 0 is refused', () => {
    expect(() => certaintyEquivalent([1], 0)).toThrow(/γ must be > 0/);
  });
  it('CE value of stock: S = M on every path gives V = 1 at any w; S = M/2 gives 1/2 at w = 1', () => {
    const m = [0.8, 1.1, 1.6, 2.4];
    expect(certaintyEquivalentValue(m, m, 0.3, 3)).toBeCloseTo(1, 12);
    expect(certaintyEquivalentValue(m, m.map((x) => x / 2), 1, 3)).toBeCloseTo(0.5, 12);
  });
});
