import { describe, expect, it } from 'vitest';
import { joeKuoTable, sobolDirections, SOBOL_BITS } from '../../src/random/sobol-directions.js';
import { SobolSequence } from '../../src/random/sobol-sequence.js';
import { linearScramble } from '../../src/random/linear-scramble.js';
import { runStream } from '../../src/random/chunk-stream.js';
import { JOE_KUO_DIMENSIONS } from '../../src/random/joe-kuo-directions.js';
import { MAX_LIFE_AGE } from '../../src/plan/simulation-plan.js';

/** Point n computed from scratch in BigInt (no 32-bit JavaScript shifts): XOR of v_k over the set bits k of gray(n). */
function direct(v: Uint32Array, d: number, n: number): number {
  const big = BigInt(n);
  const gray = big ^ (big >> 1n);
  let x = 0n;
  for (let k = 0; k < SOBOL_BITS; k++) if ((gray >> BigInt(k)) & 1n) x ^= BigInt(v[d * SOBOL_BITS + k]!);
  return Number(x);
}

describe('Joe & Kuo direction numbers (new-joe-kuo-6.21201)', () => {
  it('decode to the file\'s first lines and a far one', () => {
    const { s, a, m } = joeKuoTable();
    // Lines "d s a m_1 … m_s" of new-joe-kuo-6.21201 (dimension d is index d − 1).
    const lines: [number, number, number, number[]][] = [
      [2, 1, 0, [1]],
      [3, 2, 1, [1, 3]],
      [4, 3, 1, [1, 3, 1]],
      [5, 3, 2, [1, 1, 1]],
      [6, 4, 1, [1, 1, 3, 3]],
      [7, 4, 4, [1, 3, 5, 13]],
      [8, 5, 2, [1, 1, 5, 5, 17]],
      [9, 5, 4, [1, 1, 5, 5, 5]],
      [10, 5, 7, [1, 1, 7, 11, 19]],
      [100, 9, 244, [1, 1, 5, 5, 11, 5, 45, 117, 217]],
      [1000, 13, 3396, [1, 1, 3, 9, 3, 3, 105, 201, 373, 877, 919, 1263, 6649]],
      [3104, 15, 11273, [1, 3, 7, 11, 15, 11, 49, 161, 155, 869, 121, 301, 6561, 4279, 15233]],
    ];
    for (const [d, sd, ad, md] of lines) {
      expect([s[d - 1], a[d - 1], [...m[d - 1]!]]).toEqual([sd, ad, md]);
    }
  });

  it('cover the longest plan: 32 assets × (110 − 13) years', () => {
    expect(JOE_KUO_DIMENSIONS).toBeGreaterThanOrEqual(32 * (MAX_LIFE_AGE - 13));
  });
});

describe('Sobol sequence (Gray-code order, 32 bits)', () => {
  it('gives the known first points (Joe & Kuo; scipy.stats.qmc.Sobol(scramble=False))', () => {
    // scipy 1.17.1, qmc.Sobol(d=12, scramble=False, bits=32).random(8), dimensions 1..12.
    const want = [
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25, 0.75, 0.75, 0.25, 0.75, 0.75, 0.75, 0.75, 0.75],
      [0.25, 0.75, 0.75, 0.75, 0.25, 0.25, 0.75, 0.25, 0.25, 0.25, 0.25, 0.25],
      [0.375, 0.375, 0.625, 0.875, 0.375, 0.125, 0.375, 0.875, 0.875, 0.625, 0.875, 0.375],
      [0.875, 0.875, 0.125, 0.375, 0.875, 0.625, 0.875, 0.375, 0.375, 0.125, 0.375, 0.875],
      [0.625, 0.125, 0.875, 0.625, 0.625, 0.875, 0.125, 0.125, 0.125, 0.375, 0.125, 0.625],
      [0.125, 0.625, 0.375, 0.125, 0.125, 0.375, 0.625, 0.625, 0.625, 0.875, 0.625, 0.125],
    ];
    const seq = new SobolSequence(sobolDirections(12), 12);
    for (let i = 0; i < want.length; i++) {
      if (i > 0) seq.next();
      expect([...seq.x].map((x) => x / 2 ** 32)).toEqual(want[i]);
    }
  });

  it('is right past 2^20 and past 2^31 points, stepping or seeking, in every bundled dimension', () => {
    const dims = JOE_KUO_DIMENSIONS;
    const v = sobolDirections(dims);
    const seq = new SobolSequence(v, dims);
    // scipy 1.17.1: qmc.Sobol(d=3104, scramble=False, bits=32), fast_forward(2**20 + 5), random(1) × 2^32.
    const n = 2 ** 20 + 5;
    const scipy: [number, number][] = [[0, 3758102528], [1, 2550167552], [2, 2381871104], [9, 2747758592], [99, 2750928896], [999, 1574463488], [3103, 815765504]];
    seq.seek(2 ** 20 - 3);
    for (let i = 2 ** 20 - 3; i < n; i++) seq.next();
    expect(seq.index).toBe(n);
    for (const [d, x] of scipy) expect(seq.x[d]).toBe(x);
    for (let d = 0; d < dims; d++) expect(seq.x[d]).toBe(direct(v, d, n));
    for (const start of [2 ** 31 - 2, 2 ** 32 - 9]) {
      seq.seek(start);
      for (let i = 0; i < 6; i++) seq.next();
      for (let d = 0; d < dims; d += 7) expect(seq.x[d]).toBe(direct(v, d, start + 6));
    }
  });
});

describe('linear matrix scramble with a digital shift', () => {
  const dims = 200;
  const stream = (seed: number) => {
    const r = runStream(seed, 'sobol-scramble');
    return () => r.int32();
  };
  const { directions, shift } = linearScramble(sobolDirections(dims), dims, stream(11));

  /** Points [first, first + 2^m) as fractions. */
  function block(first: number, m: number): Float64Array[] {
    const seq = new SobolSequence(directions, dims, shift);
    seq.seek(first);
    const out = Array.from({ length: dims }, () => new Float64Array(2 ** m));
    for (let i = 0; i < 2 ** m; i++) {
      if (i > 0) seq.next();
      for (let d = 0; d < dims; d++) out[d]![i] = seq.x[d]! / 2 ** 32;
    }
    return out;
  }

  for (const [first, m] of [[0, 10], [2048, 11]] as const) {
    it(`keeps the net: points ${first}..${first + 2 ** m - 1} fill each interval of 2^-${m} once in every dimension, and each 2-D elementary box of dimensions 1 and 2 once`, () => {
      const x = block(first, m);
      for (let d = 0; d < dims; d++) {
        const count = new Uint8Array(2 ** m);
        for (const u of x[d]!) count[Math.floor(u * 2 ** m)]!++;
        expect(count.every((c) => c === 1)).toBe(true);
      }
      // Dimensions 1 and 2 of Sobol form a (0, m, 2)-net: every box 2^-k × 2^-(m−k) holds one point.
      for (let k = 0; k <= m; k++) {
        const count = new Uint8Array(2 ** m);
        for (let i = 0; i < 2 ** m; i++) count[Math.floor(x[0]![i]! * 2 ** k) * 2 ** (m - k) + Math.floor(x[1]![i]! * 2 ** (m - k))]!++;
        expect(count.every((c) => c === 1)).toBe(true);
      }
    });
  }

  it('changes the points with the seed, and is the plain sequence for the identity scramble', () => {
    const a = block(0, 4)[5]!;
    const other = linearScramble(sobolDirections(dims), dims, stream(12));
    const seq = new SobolSequence(other.directions, dims, other.shift);
    expect(seq.x[5]! / 2 ** 32).not.toBe(a[0]);
    expect(new Set(a).size).toBe(16);
    // A zero word gives M = I and no shift.
    const plain = linearScramble(sobolDirections(dims), dims, () => 0);
    expect(plain.directions).toEqual(sobolDirections(dims));
    expect(plain.shift.every((s) => s === 0)).toBe(true);
  });
});
