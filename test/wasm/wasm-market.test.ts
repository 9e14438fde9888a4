/**
 * The WebAssembly market (src/market/wasm-market.ts) draws exactly the JS market (the chunk's
 * NormalSource and fillCorrelatedLognormal, path by path) for the plans it takes: bit for bit,
 * ziggurat wedges and tails included, on one, two and three assets, with two chunks' streams
 * interleaved block by block (each block restores its own state); and so does
 * market/market-path.ts, which hands its blocks out path by path.
 */
import { describe, expect, it } from 'vitest';
import { cholesky } from '../../src/stats/cholesky.js';
import { fillCorrelatedLognormal } from '../../src/market/correlated-lognormal.js';
import { createMarketPath, type MarketPlan } from '../../src/market/market-path.js';
import { chunkXor4096 } from '../../src/random/chunk-stream.js';
import { NormalSource } from '../../src/random/normal-source.js';
import { wasmMarket, wasmMarketApplies } from '../../src/market/wasm-market.js';

function plan(nAssets: number, nYears: number): MarketPlan {
  const vol = [0.2, 0.07, 0.02].slice(0, nAssets);
  const corr = [[1, 0.3, -0.1], [0.3, 1, 0.2], [-0.1, 0.2, 1]];
  const cov = vol.map((a, i) => vol.map((b, j) => a * b * corr[i]![j]!));
  return { nYears, nAssets, logMean: Float64Array.from(vol, (v) => 0.05 - (v * v) / 2), covFactor: cholesky(cov)! };
}

/** The market as JS draws it: the chunk's 'market' normals, then the returns, path by path. */
function jsMarket(p: MarketPlan, seed: number, chunk: number) {
  const normal = new NormalSource(chunkXor4096(seed, chunk, 'market'));
  const gross = new Float64Array(p.nYears * p.nAssets);
  return { gross, fill: () => fillCorrelatedLognormal(normal, p.logMean, p.covFactor, p.nYears, new Float64Array(p.nAssets), gross) };
}

describe('the WebAssembly market', () => {
  for (const nAssets of [1, 2, 3]) {
    it(`equals the JS market on ${nAssets} asset(s), two chunks interleaved`, () => {
      const p = plan(nAssets, 45);
      expect(wasmMarketApplies(p)).toBe(true);
      const stride = p.nYears * nAssets;
      const chunks = [3, 8].map((chunk) => ({ wasm: wasmMarket(p, 7, chunk, 256)!, js: jsMarket(p, 7, chunk) }));
      let differ = 0;
      let draws = 0;
      for (let block = 0; block < 12; block++) {
        for (const { wasm, js } of chunks) {
          const n = block === 11 ? 37 : 256;
          const got = wasm.fill(n);
          draws += n * stride;
          expect(got.length).toBe(n * stride);
          for (let b = 0; b < n; b++) {
            js.fill();
            for (let i = 0; i < stride; i++) {
              if (!Object.is(got[b * stride + i], js.gross[i])) differ++;
            }
          }
        }
      }
      expect(differ).toBe(0);
      // Among the normals compared, the tail beyond the ziggurat's base (|z| > R = 3.4426), its slow path's rarest branch.
      const z = new Float64Array(draws / 2);
      let tails = 0;
      for (const chunk of [3, 8]) {
        new NormalSource(chunkXor4096(7, chunk, 'market')).fill(z, 0, z.length);
        for (const x of z) if (Math.abs(x) > 3.442619855899) tails++;
      }
      expect(tails).toBeGreaterThan(0);
    });
  }

  it('is what createMarketPath hands out, path by path, past a block boundary, two chunks interleaved', () => {
    const p = plan(2, 62);
    const ours = [4, 9].map((chunk) => ({ m: createMarketPath(p, 3, chunk, chunk * 2048), js: jsMarket(p, 3, chunk) }));
    let differ = 0;
    for (let path = 0; path < 600; path++) {
      for (const { m, js } of ours) {
        m.fill();
        js.fill();
        for (let i = 0; i < js.gross.length; i++) if (!Object.is(m.gross[i], js.gross[i])) differ++;
      }
    }
    expect(differ).toBe(0);
  });

  it('leaves other models and samplers to market-path.ts', () => {
    const p = plan(2, 10);
    expect(wasmMarketApplies({ ...p, sampler: 'sobol' })).toBe(false);
    // Antithetic pairs share one draw of these normals (test/market/block-samplers.test.ts).
    expect(wasmMarketApplies({ ...p, sampler: 'antithetic' })).toBe(true);
    expect(wasmMarketApplies({ ...p, market: { kind: 'student-t', nu: 5 } as MarketPlan['market'] })).toBe(false);
    expect(wasmMarketApplies({ ...p, inflation: {} as MarketPlan['inflation'] })).toBe(false);
  });
});
