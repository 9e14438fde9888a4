/**
 * The market of a block of paths at a time, for the year-major kernel (kernel/run-chunk-blocked.ts),
 * where the model is correlated lognormal returns without an inflation model:
 * - pseudo and antithetic: the normals from WebAssembly (market/wasm-market.ts; an antithetic
 *   pair shares one draw, its second path negated);
 * - sobol: the block's scrambled Sobol points, Φ⁻¹ and Brownian bridges (market/sobol-block.ts).
 * Each draws exactly what market/market-path.ts draws for those paths path by path, so the
 * kernel's output does not depend on which one ran. null for every other case (another model, an
 * inflation model, or the WebAssembly module missing for pseudo / antithetic): the market is then
 * drawn path by path.
 */
import { wasmMarket } from './wasm-market.js';
import { lognormalFromNormals } from './correlated-lognormal.js';
import { bridgeFirstOf, type MarketPlan } from './market-path.js';
import { SobolBlock } from './sobol-block.js';

export interface MarketBlock {
  /** The next `paths` paths' gross returns (valid until the next fill): path b's year y, asset i at b · nYears · nAssets + y · nAssets + i. */
  fill(paths: number): Float64Array;
}

/**
 * @param firstPath the run's index of the chunk's first path (chunk × CHUNK_SIZE): it fixes the sobol points
 * @param maxPaths the most paths a fill asks for
 */
export function marketBlock(plan: MarketPlan, seed: number, chunk: number, firstPath: number, maxPaths: number): MarketBlock | null {
  if ((plan.market !== undefined && plan.market.kind !== 'lognormal') || plan.inflation !== undefined) return null;
  if (plan.sampler !== 'sobol') return wasmMarket(plan, seed, chunk, maxPaths);
  const { nYears, nAssets, logMean, covFactor } = plan;
  const sobol = new SobolBlock({ nYears, nAssets, bridgeFirst: bridgeFirstOf(plan) }, seed, firstPath, plan.randomizations ?? 1);
  const gross = new Float64Array(maxPaths * nYears * nAssets);
  return {
    fill(paths) {
      const out = paths === maxPaths ? gross : gross.subarray(0, paths * nYears * nAssets);
      sobol.fill(out, paths);
      lognormalFromNormals(logMean, covFactor, paths * nYears, out);
      return out;
    },
  };
}
