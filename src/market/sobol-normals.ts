/**
 * The market shocks of a path from a scrambled Sobol point (randomized quasi-Monte Carlo). The run's
 * paths interleave in R independently scrambled blocks (random/randomized-blocks.ts): path i is in
 * block b = i mod R and takes point ⌊i / R⌋ of one Sobol sequence in nYears × nAssets dimensions
 * (Joe & Kuo directions, random/sobol-directions.ts) under block b's own scramble
 * (random/linear-scramble.ts: a random linear matrix scramble and digital shift drawn from the
 * stream of (seed, b), the same in every chunk), so each block is a prefix of its own scrambled
 * sequence and the R blocks are independent randomizations of one quasi-Monte Carlo rule. Each
 * coordinate u is mapped to a normal by Φ⁻¹ (random/inverse-normal-cdf.ts), and each asset's yearly
 * shocks are built by a Brownian bridge (random/brownian-bridge.ts) whose first coordinate decides
 * the sum of the shocks to the payout start, the next the sum to the end, then the midpoints.
 * Coordinates are interleaved by asset, coordinate k·nAssets + i being asset i's k-th bridge step,
 * so the lowest (best) Sobol dimensions go to the coarsest moves of every asset.
 *
 * The point of a path depends only on the seed, its index in the run, R and the layout, never on
 * the chunk's thread: results are thread-invariant, shards merge exactly, and scenarios of the
 * same years and assets see the same shocks (common random numbers).
 */
import { BrownianBridge } from '../random/brownian-bridge.js';
import { blockStream } from '../random/chunk-stream.js';
import { inverseNormalCdf } from '../random/inverse-normal-cdf.js';
import { linearScramble, type ScrambledDirections } from '../random/linear-scramble.js';
import { sobolDirections } from '../random/sobol-directions.js';
import { SobolSequence } from '../random/sobol-sequence.js';
import type { PathNormalsLayout } from './path-normals.js';

/** 2^−32: a 32-bit coordinate x becomes u = (x + ½)·2^−32, strictly inside (0, 1). */
const TO_UNIT = 2 ** -32;

/**
 * The scrambles of the last few runs, by block (a worker runs many chunks of one run, the same seed
 * and dimensions; a shared pool may alternate between a few runs). Most recently used last.
 */
const cached = new Map<string, ScrambledDirections[]>();
const CACHED_RUNS = 4;
/** The unscrambled direction numbers last used. */
let directions: { dims: number; v: Uint32Array } | undefined;

/** Block b's scramble of the first `dims` Sobol dimensions, from the stream of (seed, b). */
export function scrambledSobol(seed: number, dims: number, block: number): ScrambledDirections {
  const key = `${seed}/${dims}`;
  let run = cached.get(key);
  if (run === undefined) {
    run = [];
    if (cached.size >= CACHED_RUNS) cached.delete(cached.keys().next().value!);
  } else {
    cached.delete(key);
  }
  cached.set(key, run);
  let s = run[block];
  if (s === undefined) {
    const random = blockStream(seed, block, 'sobol-scramble');
    if (directions?.dims !== dims) directions = { dims, v: sobolDirections(dims) };
    s = linearScramble(directions.v, dims, () => random.int32());
    run[block] = s;
  }
  return s;
}

export class SobolNormals {
  /** One sequence per block, made when the chunk first reaches the block. */
  private readonly sequences: (SobolSequence | undefined)[];
  private readonly bridge: BrownianBridge;
  private readonly z: Float64Array;
  private readonly nAssets: number;
  private readonly dims: number;
  /** The run's index of the next path. */
  private path: number;

  constructor(
    layout: PathNormalsLayout,
    private readonly seed: number,
    firstPath: number,
    private readonly blocks = 1,
  ) {
    this.dims = layout.nYears * layout.nAssets;
    this.sequences = new Array<SobolSequence | undefined>(blocks);
    this.bridge = new BrownianBridge(layout.nYears, layout.bridgeFirst);
    this.z = new Float64Array(this.dims);
    this.nAssets = layout.nAssets;
    this.path = firstPath;
  }

  fill(out: Float64Array, from: number, to: number): void {
    const z = this.z;
    if (to - from !== z.length) throw new Error(`a Sobol path has ${z.length} shocks; asked for ${to - from}`);
    const b = this.path % this.blocks;
    let sequence = this.sequences[b];
    if (sequence === undefined) {
      const { directions, shift } = scrambledSobol(this.seed, this.dims, b);
      sequence = new SobolSequence(directions, this.dims, shift);
      sequence.seek(Math.floor(this.path / this.blocks));
      this.sequences[b] = sequence;
    } else {
      sequence.next();
    }
    this.path++;
    const x = sequence.x;
    for (let c = 0; c < z.length; c++) z[c] = inverseNormalCdf((x[c]! + 0.5) * TO_UNIT);
    const n = this.nAssets;
    for (let i = 0; i < n; i++) this.bridge.transform(z, i, out, from + i, n);
  }
}
