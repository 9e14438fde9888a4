/**
 * Random linear matrix scrambling with a digital shift (Matoušek 1998, "On the L2-discrepancy for
 * anchored boxes", J. Complexity 14; Owen 2003, "Variance with alternative scramblings of digital
 * nets", ACM TOMACS 13): each dimension's digits go through a random nonsingular lower-triangular
 * binary matrix M (ones on the diagonal: output digit k is digit k XOR random digits above it)
 * and are XORed with a random shift e, y = M·x ⊕ e. M is linear, so it is applied once to the
 * direction numbers (M·(v_a ⊕ v_b) = M·v_a ⊕ M·v_b), and every point of the sequence costs what an
 * unscrambled one does. A nonsingular M keeps every elementary interval's count, so a (t, m, s)-net
 * stays one; the shift makes every point uniform on [0, 1)^s, so estimates are unbiased.
 */
import { SOBOL_BITS } from './sobol-directions.js';

export interface ScrambledDirections {
  readonly directions: Uint32Array;
  readonly shift: Uint32Array;
}

/** Scramble the first `dims` dimensions of v (32 numbers each) with random 32-bit words from `int32`. */
export function linearScramble(v: Uint32Array, dims: number, int32: () => number): ScrambledDirections {
  const directions = new Uint32Array(dims * SOBOL_BITS);
  const shift = new Uint32Array(dims);
  // column[b]: what input digit b (bit b, 31 the most significant) adds to the output: itself and
  // random less significant digits.
  const column = new Uint32Array(SOBOL_BITS);
  for (let d = 0; d < dims; d++) {
    for (let b = 0; b < SOBOL_BITS; b++) column[b] = 2 ** b + ((int32() >>> 0) % 2 ** b);
    shift[d] = int32();
    const base = d * SOBOL_BITS;
    for (let k = 0; k < SOBOL_BITS; k++) {
      let y = 0;
      // Over the set bits of v only, lowest first (x & −x isolates it).
      for (let x = v[base + k]!; x !== 0; x = (x & (x - 1)) >>> 0) y ^= column[31 - Math.clz32(x & -x)]!;
      directions[base + k] = y >>> 0;
    }
  }
  return { directions, shift };
}
