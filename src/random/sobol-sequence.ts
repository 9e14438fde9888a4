/**
 * A Sobol sequence in Gray-code order (Antonov & Saleev 1979): point n is the XOR of the direction
 * numbers v_k over the set bits k of gray(n) = n ⊕ ⌊n/2⌋, so each next point costs one XOR per
 * dimension, and point n can also be computed directly (seek). Every block of 2^m points starting
 * at a multiple of 2^m is the same set as in natural order, so nets are kept. Integers are 32-bit
 * unsigned: every shift is >>> and every value is stored in a Uint32Array, as JavaScript's << and
 * >> are signed 32-bit (an index past 2^31 or a bit 31 would otherwise turn negative).
 */
import { SOBOL_BITS } from './sobol-directions.js';

/** Indices reach 2^32 − 1: the 32 direction numbers of a dimension span no more points. */
export const SOBOL_MAX_POINTS = 2 ** SOBOL_BITS;

export class SobolSequence {
  /** The current point's coordinates as 32-bit fractions (x / 2^32). */
  readonly x: Uint32Array;
  private n = 0;

  /**
   * @param directions v[d·32 + k] (random/sobol-directions.ts, or scrambled by random/linear-scramble.ts)
   * @param shift XORed into every point (a digital shift), one per dimension; zeros for the plain sequence
   */
  constructor(
    private readonly directions: Uint32Array,
    readonly dims: number,
    private readonly shift: Uint32Array = new Uint32Array(dims),
  ) {
    this.x = new Uint32Array(dims);
    this.seek(0);
  }

  /** The index of the current point. */
  get index(): number {
    return this.n;
  }

  /** Make point n current, computed directly from the bits of gray(n). */
  seek(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n >= SOBOL_MAX_POINTS) throw new RangeError(`a Sobol index must be 0..2^32 − 1; got ${n}`);
    const gray = (n ^ Math.floor(n / 2)) >>> 0;
    for (let d = 0; d < this.dims; d++) {
      let x = this.shift[d]!;
      const base = d * SOBOL_BITS;
      for (let k = 0; k < SOBOL_BITS; k++) if ((gray >>> k) & 1) x ^= this.directions[base + k]!;
      this.x[d] = x;
    }
    this.n = n;
  }

  /** Advance to point n + 1: gray(n + 1) differs from gray(n) in bit c, the lowest zero bit of n. */
  next(): void {
    const n = this.n;
    if (n + 1 >= SOBOL_MAX_POINTS) throw new RangeError('the Sobol sequence has no more than 2^32 points');
    const c = 31 - Math.clz32((n ^ (n + 1)) >>> 0);
    const v = this.directions;
    const x = this.x;
    for (let d = 0, at = c; d < this.dims; d++, at += SOBOL_BITS) x[d] = x[d]! ^ v[at]!;
    this.n = n + 1;
  }
}
