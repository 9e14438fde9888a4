import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, inverseNormalCdfBlock, inverseNormalCentral, inverseNormalTail } from '../../src/random/inverse-normal-cdf.js';

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

describe('Φ⁻¹ over a block (inverseNormalCdfBlock, and the central / tail pieces the sobol block uses)', () => {
  it('gives the scalar AS 241 bit for bit: 200 000 uniforms on the 32-bit grid, the region edges, the far tails, 0, 1 and NaN', () => {
    const grid = Array.from({ length: 200_000 }, (_, i) => ((Math.imul(i, 2654435761) >>> 0) + 0.5) * 2 ** -32);
    const edges = [0.075, 0.925, 0.075 - 2 ** -40, 0.925 + 2 ** -40, 0.5, 2 ** -33, 1 - 2 ** -33, 1e-12, 1 - 1e-12, 1e-300, 5e-324, 0, 1, Number.NaN, -0.1, 1.1];
    const u = Float64Array.from([...grid, ...edges]);
    const z = new Float64Array(u.length);
    inverseNormalCdfBlock(u, z, 0, u.length, new Int32Array(u.length));
    let differ = 0;
    for (let i = 0; i < u.length; i++) if (!Object.is(z[i], inverseNormalCdf(u[i]!))) differ++;
    expect(differ).toBe(0);
    for (const p of [0.01, 0.3, 0.6, 0.99]) {
      const q = p - 0.5;
      expect(Object.is(Math.abs(q) <= 0.425 ? inverseNormalCentral(q) : inverseNormalTail(p), inverseNormalCdf(p))).toBe(true);
    }
  });

  it('is accurate to 1e-13 against an independent Φ: bisection on Φ from its series and continued fraction', () => {
    // Φ(x) independently of AS 241 (Marsaglia 2004, "Evaluating the normal distribution", J. Stat.
    // Softw. 11(4)): for |x| < 3, ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …) (all terms of one sign: no
    // cancellation); below −3 the lower tail φ(x)/(|x| + 1/(|x| + 2/(|x| + 3/(|x| + …)))) (Laplace's
    // continued fraction, 200 levels). Both to about 1e-15 relative in double.
    const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    const cdf = (x: number): number => {
      if (x > 3) return 1 - cdf(-x);
      if (x < -3) {
        const a = -x;
        let f = a;
        for (let k = 200; k >= 1; k--) f = a + k / f;
        return phi(x) / f;
      }
      let term = x;
      let sum = x;
      for (let k = 1; k < 200 && Math.abs(term) > 1e-18 * Math.abs(sum); k++) {
        term *= (x * x) / (2 * k + 1);
        sum += term;
      }
      return 0.5 + phi(x) * sum;
    };
    const bisect = (p: number) => {
      let lo = -40;
      let hi = 40;
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (cdf(mid) < p) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    const ps = [1e-15, 1e-9, 1e-5, 0.001, 0.01, 0.05, 0.0749, 0.0751, 0.2, 0.45, 0.55, 0.8, 0.9251, 0.95, 0.99, 0.999, 1 - 1e-6];
    const u = Float64Array.from(ps);
    const z = new Float64Array(u.length);
    inverseNormalCdfBlock(u, z, 0, u.length, new Int32Array(u.length));
    ps.forEach((p, i) => {
      const x = bisect(p);
      // Φ's own relative error δ moves the root by δ·Φ(x)/φ(x) (plus half the upper tail's 1 − Φ
      // rounding near p ≈ 1: 2^−53/φ(x)); 1e-13 of |x| or the root's own error, whichever is larger.
      const rootError = (4e-15 * Math.min(p, 1 - p)) / phi(x) + 2 ** -53 / phi(x);
      expect(Math.abs(z[i]! - x)).toBeLessThanOrEqual(Math.max(1e-13 * Math.abs(x), 2 * rootError));
    });
  });
});
