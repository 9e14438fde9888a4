/**
 * The sobol sampler's market shocks a block of paths at a time (the year-major kernel's market,
 * market/market-block.ts): the same numbers as market/sobol-normals.ts gives path by path, made in
 * three passes over the block instead of three steps per path. First every path's point: path p of
 * the run is in randomization p mod R and takes point ⌊p / R⌋ of that randomization's scrambled
 * sequence, reached by one Gray-code step (random/sobol-sequence.ts, the scramble already folded
 * into the direction numbers by random/linear-scramble.ts) from the point its previous path took;
 * its coordinates go to the block as u = (x + ½)·2^−32. Then Φ⁻¹ over the whole block
 * (inverseNormalCdfBlock: the scalar's numbers, without its mispredicted branches). Then each
 * path's Brownian bridge, asset by asset, in place. Every number is computed by the operations of
 * SobolNormals in its order, so the block equals it bit for bit (test/market/block-samplers.test.ts).
 */
import { BrownianBridge } from '../random/brownian-bridge.js';
import { inverseNormalCdfBlock } from '../random/inverse-normal-cdf.js';
import { SobolSequence } from '../random/sobol-sequence.js';
import type { PathNormalsLayout } from './path-normals.js';
import { scrambledSobol } from './sobol-normals.js';

/** 2^−32: a 32-bit coordinate x becomes u = (x + ½)·2^−32, strictly inside (0, 1). */
const TO_UNIT = 2 ** -32;

export class SobolBlock {
  private readonly sequences: (SobolSequence | undefined)[];
  private readonly bridge: BrownianBridge;
  private readonly nAssets: number;
  readonly dims: number;
  private u = new Float64Array(0);
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
    this.sequences = new Array<SobolSequence | undefined>(blocks);
    this.bridge = new BrownianBridge(layout.nYears, layout.bridgeFirst);
    this.nAssets = layout.nAssets;
    this.path = firstPath;
  }

  /** The next `paths` paths' shocks into z: path b's year y, asset i at b · dims + y · nAssets + i. */
  fill(z: Float64Array, paths: number): void {
    const dims = this.dims;
    const count = paths * dims;
    if (this.u.length < count) {
      this.u = new Float64Array(count);
      this.tails = new Int32Array(count);
    }
    const u = this.u;
    for (let b = 0; b < paths; b++) {
      const x = this.nextPoint();
      const at = b * dims;
      for (let c = 0; c < dims; c++) u[at + c] = (x[c]! + 0.5) * TO_UNIT;
    }
    inverseNormalCdfBlock(u, z, 0, count, this.tails);
    const n = this.nAssets;
    for (let b = 0; b < paths; b++) {
      const at = b * dims;
      // In place: the bridge reads all of an asset's coordinates before it writes its shocks.
      for (let i = 0; i < n; i++) this.bridge.transform(z, at + i, z, at + i, n);
    }
  }

  /** The coordinates of the next path's point (its randomization's sequence, advanced one step). */
  private nextPoint(): Uint32Array {
    const r = this.path % this.blocks;
    let sequence = this.sequences[r];
    if (sequence === undefined) {
      const { directions, shift } = scrambledSobol(this.seed, this.dims, r);
      sequence = new SobolSequence(directions, this.dims, shift);
      sequence.seek(Math.floor(this.path / this.blocks));
      this.sequences[r] = sequence;
    } else {
      sequence.next();
    }
    this.path++;
    return sequence.x;
  }
}
