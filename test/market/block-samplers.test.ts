/**
 * The market a block of paths at a time (src/market/market-block.ts) under the antithetic and sobol
 * samplers equals, bit for bit, the market drawn path by path from the samplers' own sources
 * (market/antithetic-normals.ts over the chunk's JS NormalSource; market/sobol-normals.ts), then
 * fillCorrelatedLognormal: at the start of a run and in a later chunk (a Sobol seek past 0), in
 * blocks of 256 and an odd last block, on one, two and three assets, with R = 1 and 8.
 */
import { describe, expect, it } from 'vitest';
import { AntitheticNormals } from '../../src/market/antithetic-normals.js';
import { cholesky } from '../../src/stats/cholesky.js';
import { fillCorrelatedLognormal } from '../../src/market/correlated-lognormal.js';
import { marketBlock } from '../../src/market/market-block.js';
import type { MarketPlan } from '../../src/market/market-path.js';
import type { PathNormals } from '../../src/market/path-normals.js';
import { SobolNormals } from '../../src/market/sobol-normals.js';
import { mirrorPairs } from '../../src/market/wasm-market.js';
import { chunkXor4096 } from '../../src/random/chunk-stream.js';
import { NormalSource } from '../../src/random/normal-source.js';
import type { Sampler } from '../../src/random/sampler.js';

function plan(nAssets: number, nYears: number, sampler: Sampler, randomizations: number, payStart?: number): MarketPlan {
  const vol = [0.2, 0.07, 0.02].slice(0, nAssets);
  const corr = [[1, 0.3, -0.1], [0.3, 1, 0.2], [-0.1, 0.2, 1]];
  const cov = vol.map((a, i) => vol.map((b, j) => a * b * corr[i]![j]!));
  return {
    nYears, nAssets, sampler, randomizations, ...(payStart !== undefined && { payStart }),
    logMean: Float64Array.from(vol, (v) => 0.05 - (v * v) / 2), covFactor: cholesky(cov)!,
  };
}

/** The path-by-path source of the sampler, independent of the block code. */
function pathSource(p: MarketPlan, seed: number, chunk: number): PathNormals {
  const layout = { nYears: p.nYears, nAssets: p.nAssets, bridgeFirst: p.payStart ?? p.nYears };
  return p.sampler === 'antithetic'
    ? new AntitheticNormals(new NormalSource(chunkXor4096(seed, chunk, 'market')), p.nYears * p.nAssets)
    : new SobolNormals(layout, seed, chunk * 2048, p.randomizations);
}

/** Paths [0, total) of a chunk both ways; the number of values that differ. */
function differences(p: MarketPlan, chunk: number, sizes: number[]): number {
  const seed = 5;
  const block = marketBlock(p, seed, chunk, chunk * 2048, 256)!;
  expect(block).not.toBeNull();
  const source = pathSource(p, seed, chunk);
  const stride = p.nYears * p.nAssets;
  const gross = new Float64Array(stride);
  let differ = 0;
  for (const n of sizes) {
    const got = block.fill(n);
    expect(got.length).toBe(n * stride);
    for (let b = 0; b < n; b++) {
      fillCorrelatedLognormal(source, p.logMean, p.covFactor, p.nYears, new Float64Array(p.nAssets), gross);
      for (let i = 0; i < stride; i++) if (!Object.is(got[b * stride + i], gross[i])) differ++;
    }
  }
  return differ;
}

describe('the market a block at a time under antithetic and sobol', () => {
  for (const nAssets of [1, 2, 3]) {
    it(`antithetic pairs share one draw, ${nAssets} asset(s), an odd last block`, () => {
      expect(differences(plan(nAssets, 45, 'antithetic', 8), 0, [256, 256, 77])).toBe(0);
      expect(differences(plan(nAssets, 45, 'antithetic', 8), 3, [256, 3])).toBe(0);
    });
    it(`sobol, ${nAssets} asset(s), R = 8 and 1, a later chunk, the bridge split at the payout start`, () => {
      expect(differences(plan(nAssets, 62, 'sobol', 8, 42), 0, [256, 256, 101])).toBe(0);
      expect(differences(plan(nAssets, 62, 'sobol', 8, 42), 7, [256, 19])).toBe(0);
      expect(differences(plan(nAssets, 30, 'sobol', 1), 2, [256, 256])).toBe(0);
    });
  }

  it('mirrors pairs in place: path 2k takes draw k, path 2k + 1 its negation, an odd last path alone', () => {
    const stride = 3;
    const draws = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const z = new Float64Array(5 * stride);
    z.set(draws);
    mirrorPairs(z, 5, stride);
    expect([...z]).toEqual([1, 2, 3, -1, -2, -3, 4, 5, 6, -4, -5, -6, 7, 8, 9]);
  });

  it('leaves other models and inflation models to the path-by-path market', () => {
    const p = plan(2, 10, 'sobol', 8);
    expect(marketBlock({ ...p, market: { kind: 'student-t', nu: 5 } as MarketPlan['market'] }, 1, 0, 0, 256)).toBeNull();
    expect(marketBlock({ ...p, inflation: {} as MarketPlan['inflation'] }, 1, 0, 0, 256)).toBeNull();
  });
});
