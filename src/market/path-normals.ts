/**
 * Where a market path's standard normal shocks come from, per the run's sampler (random/sampler.ts).
 * fill(out, from, to) is called once per path, in path order, with that path's nYears × nAssets
 * shocks (year-major): for 'pseudo' it is the chunk's NormalSource itself (today's draws, digit for
 * digit); for 'antithetic' and 'sobol' a source that knows which path of the run it is drawing.
 */
import type { NormalSource } from '../random/normal-source.js';
import type { Sampler } from '../random/sampler.js';
import { AntitheticNormals } from './antithetic-normals.js';
import { SobolNormals } from './sobol-normals.js';

export interface PathNormals {
  fill(out: Float64Array, from: number, to: number): void;
}

export interface PathNormalsLayout {
  readonly nYears: number;
  readonly nAssets: number;
  /** The year count whose cumulative shocks the first coordinates decide (the payout start), else nYears. */
  readonly bridgeFirst: number;
}

/**
 * @param normal the chunk's 'market' stream (pseudo, antithetic)
 * @param firstPath the run's index of the chunk's first path (chunk × CHUNK_SIZE)
 * @param blocks sobol: R, the independently scrambled blocks the paths interleave in (random/randomized-blocks.ts)
 */
export function pathNormals(sampler: Sampler, normal: NormalSource, layout: PathNormalsLayout, seed: number, firstPath: number, blocks = 1): PathNormals {
  switch (sampler) {
    case 'pseudo':
      return normal;
    case 'antithetic':
      return new AntitheticNormals(normal, layout.nYears * layout.nAssets);
    case 'sobol':
      return new SobolNormals(layout, seed, firstPath, blocks);
  }
}
