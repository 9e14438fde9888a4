/**
 * Standard normal variates by the ziggurat method of Marsaglia & Tsang (2000), "The Ziggurat
 * Method for Generating Random Variables", J. Stat. Softw. 5(8), with 128 layers: one 32-bit draw
 * and a multiply for ~98.8 % of variates, exact rejection sampling for the rest (no approximation).
 * Unlike the original, the layer index (low 7 bits) and the value (high 25 bits) come from
 * disjoint bits of the draw, avoiding the index/value correlation Doornik (2005) found in it.
 */
import { I, W, Xor4096 } from './xor4096.js';

/** What the ziggurat needs of a uniform source: a chunk stream, or its class form (random/xor4096.ts). */
export interface Int32Source {
  int32(): number;
}

const LAYERS = 128;
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;
/** Scale of the 25-bit signed value: |hz| < 2^24. */
const M = 2 ** 24;

const kn = new Float64Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = AREA / Math.exp(-0.5 * dn * dn);
  kn[0] = (dn / q) * M;
  kn[1] = 0;
  wn[0] = q / M;
  wn[LAYERS - 1] = dn / M;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = (dn / tn) * M;
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M;
  }
}

/**
 * kn rounded up, as integers: for an integer h, |h| < kn exactly when |h| < ⌈kn⌉, so the layer test
 * can stay in integer arithmetic (the same decisions, so the same draws, a little faster).
 */
const knInt = Int32Array.from(kn, Math.ceil);

/** The ziggurat's tables, for the WebAssembly copy of fill() (src/market/wasm-market.ts), which must draw the same numbers. */
export const ZIGGURAT = { r: R, knInt, wn, fn } as const;

export class NormalSource {
  constructor(private readonly stream: Int32Source) {}

  /** out[from, to) = the next to − from draws, in order (the same draws as calling next() that often). */
  fill(out: Float64Array, from: number, to: number): void {
    const stream = this.stream;
    if (stream instanceof Xor4096) return this.fillXor4096(stream.s, out, from, to);
    for (let i = from; i < to; i++) out[i] = this.next();
  }

  /**
   * fill() over a Xor4096 stream with its int32() written out and its index and Weyl word kept in
   * locals: the same draws, without two loads and two stores of the state per draw (the market's
   * normals were a third of the kernel).
   */
  private fillXor4096(s: Int32Array, out: Float64Array, from: number, to: number): void {
    let w = s[W]!;
    let at = s[I]!;
    for (let k = from; k < to; k++) {
      w = (w + 0x61c88647) | 0;
      let v = s[(at + 34) & 127]!;
      at = (at + 1) & 127;
      let t = s[at]!;
      v ^= v << 13;
      t ^= t << 17;
      v ^= v >>> 15;
      t ^= t >>> 12;
      v = s[at] = v ^ t;
      const j = (v + (w ^ (w >>> 16))) | 0;
      const iz = j & (LAYERS - 1);
      const hz = j >> 7;
      const sign = hz >> 31;
      if ((hz ^ sign) - sign < knInt[iz]!) {
        out[k] = hz * wn[iz]!;
        continue;
      }
      // The rare wedge or tail draws more through the stream itself: hand it the state and take it back.
      s[W] = w;
      s[I] = at;
      out[k] = this.slow(hz, iz);
      w = s[W]!;
      at = s[I]!;
    }
    s[W] = w;
    s[I] = at;
  }

  next(): number {
    const j = this.stream.int32();
    const iz = j & (LAYERS - 1);
    const hz = j >> 7;
    if (Math.abs(hz) < kn[iz]!) return hz * wn[iz]!;
    return this.slow(hz, iz);
  }

  /** The rare case: the wedge of a layer, or the tail beyond R (Marsaglia's tail method). */
  private slow(hz: number, iz: number): number {
    for (;;) {
      if (iz === 0) {
        let x: number;
        let y: number;
        do {
          x = -Math.log(this.open01()) / R;
          y = -Math.log(this.open01());
        } while (y + y < x * x);
        return hz > 0 ? R + x : -R - x;
      }
      const x = hz * wn[iz]!;
      if (fn[iz]! + this.open01() * (fn[iz - 1]! - fn[iz]!) < Math.exp(-0.5 * x * x)) return x;
      const j = this.stream.int32();
      iz = j & (LAYERS - 1);
      hz = j >> 7;
      if (Math.abs(hz) < kn[iz]!) return hz * wn[iz]!;
    }
  }

  /** Uniform on (0, 1), never 0 (it feeds logarithms). */
  private open01(): number {
    return ((this.stream.int32() >>> 0) + 0.5) / 4294967296;
  }
}
