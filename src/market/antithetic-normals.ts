/**
 * Antithetic variates (Hammersley & Morton 1956; Glasserman 2004, §4.2): the paths of a chunk go in
 * pairs (2k, 2k + 1), the second taking the negated shocks of the first. Chunks hold an even number
 * of paths (CHUNK_SIZE = 2048), so the pairs are the same whatever the chunks run on; a run of an
 * odd number of paths ends with an unpaired path.
 */
import type { NormalSource } from '../random/normal-source.js';

export class AntitheticNormals {
  private readonly saved: Float64Array;
  private odd = false;

  constructor(
    private readonly normal: NormalSource,
    count: number,
  ) {
    this.saved = new Float64Array(count);
  }

  fill(out: Float64Array, from: number, to: number): void {
    const saved = this.saved;
    if (!this.odd) {
      this.normal.fill(out, from, to);
      for (let i = from; i < to; i++) saved[i - from] = out[i]!;
    } else {
      for (let i = from; i < to; i++) out[i] = -saved[i - from]!;
    }
    this.odd = !this.odd;
  }
}
