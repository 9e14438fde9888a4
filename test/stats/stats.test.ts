import { describe, expect, it } from 'vitest';
import { moments } from '../../src/stats/moments.js';
import { quantileSorted } from '../../src/stats/quantile-sorted.js';
import { shortfallProbability } from '../../src/stats/shortfall-probability.js';

describe('quantileSorted (Hyndman–Fan type 7)', () => {
  it('matches numpy.percentile(..., method="linear") on fixed data', () => {
    // numpy: np.percentile([1, 2, 3, 4], [0, 5, 50, 90, 100]) = [1, 1.15, 2.5, 3.7, 4]
    const x = [1, 2, 3, 4];
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 0.05)).toBeCloseTo(1.15, 12);
    expect(quantileSorted(x, 0.5)).toBe(2.5);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileSorted(x, 1)).toBe(4);
  });

  it('returns an equal value exactly and is monotone in p', () => {
    expect(quantileSorted([0.1, 0.1, 0.1], 0.37)).toBe(0.1);
    const x = [-3, 0.5, 2, 2, 9, 40];
    let last = -Infinity;
    for (let p = 0; p <= 1; p += 0.01) {
      const q = quantileSorted(x, p);
      expect(q).toBeGreaterThanOrEqual(last);
      last = q;
    }
  });
});

describe('moments', () => {
  it('doc example: [1, 2, 3, 4] -> mean 2.5, sd 1.2910, stderr 0.6455', () => {
    const m = moments([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(m.stderr).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
  });

  it('is exact for constant data (no rounding drift)', () => {
    const m = moments(new Float64Array(10_001).fill(383_792.123456789));
    expect(m.mean).toBe(383_792.123456789);
    expect(m.sd).toBe(0);
  });
});

describe('shortfallProbability', () => {
  it('doc example: P(X < 0.25) of [0.1, 0.2, 0.3, 0.4] = 0.5 with SE 0.25; a value at the target is not short', () => {
    expect(shortfallProbability([0.1, 0.2, 0.3, 0.4], 0.25)).toEqual({ probability: 0.5, stderr: 0.25 });
    expect(shortfallProbability([0.25], 0.25).probability).toBe(0);
  });
});
