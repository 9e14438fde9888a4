/**
 * seedrandom's xor4096 (Brent's xorgens) as a class with the very same seeding and sequence.
 * seedrandom builds a new closure for every stream, so a call site that sees the streams of many
 * chunks cannot inline them (V8 deoptimises on the changed call target); here int32() is one
 * prototype method over a typed array, which the hot loops (normal draws) inline.
 */
import seedrandom from 'seedrandom';

interface XorgenState {
  X: number[];
  i: number;
  w: number;
}

export class Xor4096 {
  /**
   * The 128-word xorshift state, then the index (at I) and the Weyl word (at W): all int32, so no
   * boxing. Read by normal-source.ts's batch fill, which runs the generator with I and W in locals.
   */
  readonly s = new Int32Array(130);

  /** The stream seedrandom.xor4096(seed) gives: its own seeding, read back from its saved state. */
  constructor(seed: string) {
    const prng = seedrandom.xor4096(seed, { state: true }) as unknown as { state(): XorgenState };
    const state = prng.state();
    this.s.set(state.X);
    this.s[I] = state.i;
    this.s[W] = state.w;
  }

  /** A signed 32-bit integer, all bits random (seedrandom's int32()). */
  int32(): number {
    const s = this.s;
    const w = (s[W] = (s[W]! + 0x61c88647) | 0);
    let v = s[(s[I]! + 34) & 127]!;
    const i = (s[I] = (s[I]! + 1) & 127);
    let t = s[i]!;
    v ^= v << 13;
    t ^= t << 17;
    v ^= v >>> 15;
    t ^= t >>> 12;
    v = s[i] = v ^ t;
    return (v + (w ^ (w >>> 16))) | 0;
  }

  /** Uniform on [0, 1) with 32 random bits (seedrandom's prng()). */
  uniform(): number {
    return (this.int32() >>> 0) / 0x100000000;
  }
}

/** Where the state keeps its index and its Weyl word. */
export const I = 128;
export const W = 129;
