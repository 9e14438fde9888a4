/**
 * The sobol sampler's market shocks a block of paths at a time (the year-major kernel's market,
 * market/market-block.ts): the same numbers as market/sobol-normals.ts gives path by path, made in
 * three passes over the block instead of three steps per path, each pass a loop over the block's
 * paths (coordinate-major: coordinate c of path b at c · paths + b).
 * 1. The points: path p of the run is in randomization p mod R and takes point ⌊p / R⌋ of that
 *    randomization's scrambled sequence, one Gray-code step (random/sobol-sequence.ts: the XOR of
 *    one direction number per dimension, the scramble already folded into them by
 *    random/linear-scramble.ts) from the point its previous path took; the direction numbers are
 *    kept bit-major here (bit k's numbers of every dimension side by side), so a step reads one
 *    run of memory. Each coordinate x becomes u = (x + ½)·2^−32.
 * 2. Φ⁻¹ as the coordinates come (random/inverse-normal-cdf.ts: the central region for each at
 *    once, the tails in a second loop: the scalar's numbers, without its mispredicted branches).
 * 3. Each asset's Brownian bridge over the block (random/brownian-bridge.ts transformBlock), its
 *    increments written to the paths' year-major shocks.
 * Every number is computed by the operations of SobolNormals in its order, so the block equals it
 * bit for bit (test/market/block-samplers.test.ts).
 */
import { BrownianBridge } from '../random/brownian-bridge.js';
import { inverseNormalCentral, inverseNormalTail } from '../random/inverse-normal-cdf.js';
import { SOBOL_BITS } from '../random/sobol-directions.js';
import { SobolSequence } from '../random/sobol-sequence.js';
import type { ScrambledDirections } from '../random/linear-scramble.js';
import type { PathNormalsLayout } from './path-normals.js';
import { scrambledSobol } from './sobol-normals.js';

/** 2^−32: a 32-bit coordinate x becomes u = (x + ½)·2^−32, strictly inside (0, 1). */
const TO_UNIT = 2 ** -32;

/** One randomization's sequence: its current point, its index, and its direction numbers bit-major (bit k of dimension d at k · dims + d). */
interface Randomization {
  readonly x: Uint32Array;
  readonly v: Uint32Array;
  n: number;
}

export class SobolBlock {
  private readonly randomizations: (Randomization | undefined)[];
  private readonly bridge: BrownianBridge;
  private readonly nAssets: number;
  readonly dims: number;
  private u = new Float64Array(0);
  private z = new Float64Array(0);
  private tails = new Int32Array(0);
  /** The run's index of the next path. */
  private path: number;

  /** @param firstPath the run's index of the chunk's first path; @param blocks R, the randomizations */
  constructor(
    layout: PathNormalsLayout,
    private readonly seed: number,
    firstPath: number,
    private readonly blocks: number,
  ) {
    this.dims = layout.nYears * layout.nAssets;
    this.randomizations = new Array<Randomization | undefined>(blocks);
    this.bridge = new BrownianBridge(layout.nYears, layout.bridgeFirst);
    this.nAssets = layout.nAssets;
    this.path = firstPath;
  }

  /** The next `paths` paths' shocks into out: path b's year y, asset i at b · dims + y · nAssets + i. */
  fill(out: Float64Array, paths: number): void {
    const dims = this.dims;
    const count = paths * dims;
    if (this.u.length < count) {
      this.u = new Float64Array(count);
      this.z = new Float64Array(count);
      this.tails = new Int32Array(count);
    }
    // Φ⁻¹ as each point comes: the central region at once (no branch on it: its outcome is random),
    // the others noted (where, and their u) for a second loop.
    const u = this.u;
    const z = this.z;
    const tails = this.tails;
    let nt = 0;
    for (let b = 0; b < paths; b++) {
      const x = this.nextPoint();
      for (let c = 0, at = b; c < dims; c++, at += paths) {
        const p = (x[c]! + 0.5) * TO_UNIT;
        const q = p - 0.5;
        z[at] = inverseNormalCentral(q);
        tails[nt] = at;
        u[nt] = p;
        nt += Math.abs(q) <= 0.425 ? 0 : 1;
      }
    }
    for (let t = 0; t < nt; t++) z[tails[t]!] = inverseNormalTail(u[t]!);
    const n = this.nAssets;
    // Asset i's bridge coordinates are c = j · nAssets + i.
    for (let i = 0; i < n; i++) this.bridge.transformBlock(z, i * paths, n * paths, paths, out, i, dims, n);
  }

  /** The coordinates of the next path's point (its randomization's sequence, advanced one step). */
  private nextPoint(): Uint32Array {
    const r = this.path % this.blocks;
    let s = this.randomizations[r];
    if (s === undefined) {
      s = this.start(r, Math.floor(this.path / this.blocks));
      this.randomizations[r] = s;
    } else {
      // Point n + 1 differs from point n by the direction numbers of bit c, the lowest zero bit of n.
      const n = s.n;
      const c = 31 - Math.clz32((n ^ (n + 1)) >>> 0);
      const dims = this.dims;
      const x = s.x;
      const v = s.v;
      for (let d = 0, at = c * dims; d < dims; d++, at++) x[d] = x[d]! ^ v[at]!;
      s.n = n + 1;
    }
    this.path++;
    return s.x;
  }

  /** Randomization r at point n: its scramble's direction numbers transposed, the point computed directly. */
  private start(r: number, n: number): Randomization {
    const dims = this.dims;
    const scrambled = scrambledSobol(this.seed, dims, r);
    const sequence = new SobolSequence(scrambled.directions, dims, scrambled.shift);
    sequence.seek(n);
    return { x: Uint32Array.from(sequence.x), v: bitMajor(scrambled, dims), n };
  }
}

/** Each scramble's direction numbers bit-major, kept while the scramble is (market/sobol-normals.ts keeps a run's). */
const transposed = new WeakMap<ScrambledDirections, Uint32Array>();

function bitMajor(scrambled: ScrambledDirections, dims: number): Uint32Array {
  let v = transposed.get(scrambled);
  if (v === undefined) {
    const directions = scrambled.directions;
    v = new Uint32Array(SOBOL_BITS * dims);
    for (let d = 0; d < dims; d++) for (let k = 0; k < SOBOL_BITS; k++) v[k * dims + d] = directions[d * SOBOL_BITS + k]!;
    transposed.set(scrambled, v);
  }
  return v;
}
