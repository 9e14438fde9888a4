/**
 * The market shocks of a path from a scrambled Sobol point (randomized quasi-Monte Carlo): path i
 * of the run takes point i of one Sobol sequence in nYears × nAssets dimensions (Joe & Kuo
 * directions, random/sobol-directions.ts), scrambled by the seed (random/linear-scramble.ts: a
 * random linear matrix scramble and digital shift, the same in every chunk), each coordinate u
 * mapped to a normal by Φ⁻¹ (random/inverse-normal-cdf.ts), and each asset's yearly shocks built by
 * a Brownian bridge (random/brownian-bridge.ts) whose first coordinate decides the sum of the
 * shocks to the payout start, the next the sum to the end, then the midpoints. Coordinates are
 * interleaved by asset, coordinate k·nAssets + i being asset i's k-th bridge step, so the lowest
 * (best) Sobol dimensions go to the coarsest moves of every asset.
 *
 * The point of a path depends only on the seed, its index in the run and the layout, never on the
 * chunk's thread: results are thread-invariant, shards merge exactly, and scenarios of the same
 * years and assets see the same shocks (common random numbers).
 */
import { BrownianBridge } from '../random/brownian-bridge.js';
import { runStream } from '../random/chunk-stream.js';
import { inverseNormalCdf } from '../random/inverse-normal-cdf.js';
import { linearScramble, type ScrambledDirections } from '../random/linear-scramble.js';
import { sobolDirections } from '../random/sobol-directions.js';
import { SobolSequence } from '../random/sobol-sequence.js';
import type { PathNormalsLayout } from './path-normals.js';

/** 2^−32: a 32-bit coordinate x becomes u = (x + ½)·2^−32, strictly inside (0, 1). */
const TO_UNIT = 2 ** -32;

/** The last scramble made (a worker runs many chunks of one run: the same seed and dimensions). */
let cached: { seed: number; dims: number; scrambled: ScrambledDirections } | null = null;

export function scrambledSobol(seed: number, dims: number): ScrambledDirections {
  if (cached === null || cached.seed !== seed || cached.dims !== dims) {
    const random = runStream(seed, 'sobol-scramble');
    cached = { seed, dims, scrambled: linearScramble(sobolDirections(dims), dims, () => random.int32()) };
  }
  return cached.scrambled;
}

export class SobolNormals {
  private readonly sequence: SobolSequence;
  private readonly bridge: BrownianBridge;
  private readonly z: Float64Array;
  private readonly nAssets: number;
  private started = false;

  constructor(layout: PathNormalsLayout, seed: number, firstPath: number) {
    const dims = layout.nYears * layout.nAssets;
    const { directions, shift } = scrambledSobol(seed, dims);
    this.sequence = new SobolSequence(directions, dims, shift);
    this.sequence.seek(firstPath);
    this.bridge = new BrownianBridge(layout.nYears, layout.bridgeFirst);
    this.z = new Float64Array(dims);
    this.nAssets = layout.nAssets;
  }

  fill(out: Float64Array, from: number, to: number): void {
    const z = this.z;
    if (to - from !== z.length) throw new Error(`a Sobol path has ${z.length} shocks; asked for ${to - from}`);
    if (this.started) this.sequence.next();
    this.started = true;
    const x = this.sequence.x;
    for (let c = 0; c < z.length; c++) z[c] = inverseNormalCdf((x[c]! + 0.5) * TO_UNIT);
    const n = this.nAssets;
    for (let i = 0; i < n; i++) this.bridge.transform(z, i, out, from + i, n);
  }
}
