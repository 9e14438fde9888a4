import { describe, expect, it } from 'vitest';
import { inverseNormalCdf } from '../../src/random/inverse-normal-cdf.js';

describe('inverse normal CDF (Wichura AS 241)', () => {
  it('matches Φ⁻¹ to 1e-14 relative in all three regions', () => {
    // Φ⁻¹(p) for the double nearest p, solved at 50 digits with mpmath (findroot on ncdf), to 17 digits.
    const known: [number, number][] = [
      [1e-300, -37.047096299361199],
      [1e-100, -21.273453560965324],
      [1e-20, -9.2623400897984076],
      [1e-10, -6.3613409024040562],
      [1e-5, -4.2648907939228246],
      [0.001, -3.0902323061678135],
      [0.025, -1.9599639845400542],
      [0.1, -1.2815515655446004],
      [0.3, -0.52440051270804082],
      [0.425, -0.18911842627279252],
      [0.6, 0.25334710313579974],
      [0.925, 1.4395314709384562],
      [0.975, 1.9599639845400539],
      [0.999, 3.0902323061678133],
      [0.9999999, 5.1993375822906611],
    ];
    for (const [p, x] of known) expect(Math.abs(inverseNormalCdf(p) - x) / Math.abs(x)).toBeLessThan(1e-14);
    expect(inverseNormalCdf(0.5)).toBe(0);
  });

  it('is odd about ½ and monotone, with ±∞ at 0 and 1', () => {
    for (const p of [1e-12, 0.01, 0.2, 0.4999]) expect(inverseNormalCdf(1 - p)).toBeCloseTo(-inverseNormalCdf(p), 4);
    let last = -Infinity;
    for (let i = 1; i < 1000; i++) {
      const x = inverseNormalCdf(i / 1000);
      expect(x).toBeGreaterThan(last);
      last = x;
    }
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
  });
});
