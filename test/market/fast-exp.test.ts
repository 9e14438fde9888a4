/**
 * fastExp (src/market/fast-exp.ts) against Math.exp: within 2 ulp on a dense grid of the returns'
 * range and beyond, exact where exp is exact (exp 0 = 1), and Math.exp's own answers outside ±700.
 */
import { describe, expect, it } from 'vitest';
import { fastExp } from '../../src/market/fast-exp.js';

const f = new Float64Array(1);
const bits = new BigInt64Array(f.buffer);
function ulps(a: number, b: number): number {
  f[0] = a;
  const ia = bits[0]!;
  f[0] = b;
  const ib = bits[0]!;
  return Number(ia > ib ? ia - ib : ib - ia);
}

describe('fastExp', () => {
  it('is within 2 ulp of Math.exp from −40 to 40 (1 000 001 points) and at table boundaries', () => {
    let worst = 0;
    for (let i = 0; i <= 1_000_000; i++) worst = Math.max(worst, ulps(fastExp(-40 + i * 8e-5), Math.exp(-40 + i * 8e-5)));
    for (let n = -4000; n <= 4000; n++) {
      const x = (n * Math.LN2) / 64;
      worst = Math.max(worst, ulps(fastExp(x), Math.exp(x)), ulps(fastExp(x + 1e-3), Math.exp(x + 1e-3)));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('is exact at 0 and for the powers of two it meets, and defers beyond ±700', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    expect(fastExp(800)).toBe(Infinity);
    expect(fastExp(-800)).toBe(Math.exp(-800));
    expect(fastExp(Number.NaN)).toBeNaN();
    expect(fastExp(-Infinity)).toBe(0);
    expect(ulps(fastExp(699.9), Math.exp(699.9))).toBeLessThanOrEqual(2);
    expect(ulps(fastExp(-699.9), Math.exp(-699.9))).toBeLessThanOrEqual(2);
  });
});
