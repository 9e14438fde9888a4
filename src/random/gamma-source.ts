/**
 * Gamma(shape a, scale 1) variates by Marsaglia & Tsang (2000), "A Simple Method for Generating
 * Gamma Variables", ACM TOMS 26(3): for a ≥ 1, with d = a − 1/3 and c = 1/√(9d), draw x normal and
 * v = (1 + c·x)³, accept d·v when v > 0 and u < 1 − 0.0331·x⁴ or ln u < x²/2 + d·(1 − v + ln v)
 * (exact rejection, ≈ 1.02–1.05 tries). For a < 1: Gamma(a + 1)·u^(1/a).
 * A chi-square with ν degrees of freedom is 2·Gamma(ν/2).
 *
 * Example: new GammaSource(normal, stream).next(2) has mean 2 and variance 2 (a test checks both).
 */
import type { RandomStream } from './chunk-stream.js';
import type { NormalSource } from './normal-source.js';

export class GammaSource {
  constructor(
    private readonly normal: NormalSource,
    private readonly stream: RandomStream,
  ) {}

  next(shape: number): number {
    if (shape < 1) return this.next(shape + 1) * Math.pow(this.open01(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal.next();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = this.open01();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Uniform on (0, 1), never 0 (it feeds logarithms). */
  private open01(): number {
    return ((this.stream.int32() >>> 0) + 0.5) / 4294967296;
  }
}
