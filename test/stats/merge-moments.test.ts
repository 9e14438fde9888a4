/**
 * The shifted-sum moments (src/stats/merge-moments.ts): momentState against the two-pass textbook
 * mean and M2, and momentStates4 (four columns interleaved) against four momentState calls, to the
 * bit: the chunk summaries take either, and a run's bytes must not depend on which.
 */
import { describe, expect, it } from 'vitest';
import { momentState, momentStates4 } from '../../src/stats/merge-moments.js';

/** A column of n values: lognormal-ish capitals, zeros (dead paths) and one constant column. */
function columns(n: number): Float64Array {
  const v = new Float64Array(5 * n);
  let x = 12345;
  const u = () => ((x = (x * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  for (let i = 0; i < n; i++) {
    v[i] = 1e6 * Math.exp(0.4 * (u() + u() + u() - 1.5));
    v[n + i] = u() < 0.2 ? 0 : 250_000 * u();
    v[2 * n + i] = 0.07;
    v[3 * n + i] = -3 + 6 * u();
    v[4 * n + i] = 1e-3 * u();
  }
  return v;
}

describe('momentState', () => {
  it('equals the two-pass mean and M2 within the rounding of n additions', () => {
    const n = 1000;
    const v = columns(n);
    const m = momentState(v, 0, n);
    let sum = 0;
    let top = 0;
    for (let i = 0; i < n; i++) {
      sum += v[i]!;
      top = Math.max(top, Math.abs(v[i]!));
    }
    const mean = sum / n;
    let m2 = 0;
    let shifted = 0;
    for (let i = 0; i < n; i++) {
      m2 += (v[i]! - mean) ** 2;
      shifted += (v[i]! - v[0]!) ** 2;
    }
    // Each way adds n terms, each addition off by at most ε of its running sum: the mean's sums are
    // at most n · top, so 2 n ε top bounds the means' difference. momentState's M2 = S2 − S1²/n, with
    // S2 = Σ(x − K)² ≥ S1²/n (Cauchy–Schwarz), is off by at most 3 n ε S2, the two-pass M2 ≤ S2 by
    // n ε S2: 4 n ε S2 bounds theirs.
    const eps = Number.EPSILON;
    expect(m.n).toBe(n);
    expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(2 * n * eps * top);
    expect(Math.abs(m.m2 - m2)).toBeLessThanOrEqual(4 * n * eps * shifted);
  });
});

describe('momentStates4', () => {
  it('gives four momentState calls to the bit, whatever the columns and their order', () => {
    for (const n of [1, 2, 7, 1000]) {
      const v = columns(n);
      for (const cols of [[0, 1, 2, 3], [3, 1, 4, 0], [2, 2, 4, 1]]) {
        const out = new Float64Array(15);
        momentStates4(v, n, cols[0]! * n, cols[1]! * n, cols[2]! * n, cols[3]! * n, out, 0, 3, 6, 9);
        cols.forEach((c, j) => {
          const m = momentState(v, c * n, (c + 1) * n);
          expect([out[3 * j], out[3 * j + 1], out[3 * j + 2]]).toEqual([m.n, m.mean, m.m2]);
        });
      }
    }
  });
});
