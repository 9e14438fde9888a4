/**
 * Standard normal variates from a uniform stream by Marsaglia's polar method: exact (no
 * approximation of the inverse CDF), one log and one sqrt per pair, the second of each pair kept.
 * Reference: Marsaglia & Bray (1964), SIAM Review 6(3).
 */
import type { Uniform } from './chunk-stream.js';

export class NormalSource {
  private spare = 0;
  private hasSpare = false;

  constructor(private readonly uniform: Uniform) {}

  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}
