/**
 * The market of one path, per compiled return model: createMarketPath(plan, seed, chunk) makes the
 * chunk's buffers and streams once; fill() then draws the next path's yearly gross returns into
 * `gross` (nYears × nAssets, year-major) and, with an inflation model, its inflation and price
 * index. Every draw comes from the chunk's own streams, one purpose per source of randomness, so
 * results are thread-invariant and the market's normal shocks (stream 'market') are the same for
 * every model that uses them (common random numbers across models and plans):
 *   market     the standard normal shocks z (lognormal, Student-t, regimes)
 *   fat-tail   the Student-t mixing factors
 *   regime     one uniform a year for the regime path
 *   bootstrap  the historical years replayed
 *   inflation  the inflation shocks' own normal part
 * With no model or 'lognormal' and no inflation this is exactly fillCorrelatedLognormal's draws.
 * The common case (lognormal, no inflation, pseudo) draws its normals in WebAssembly, a block of
 * paths at a time (src/market/wasm-market.ts): the same numbers.
 * The plan's sampler (random/sampler.ts) decides where the market's normal shocks come from
 * (market/path-normals.ts): the 'market' stream (pseudo), negated in pairs (antithetic), or the
 * scrambled Sobol point of the path's index in the run, in its block's scramble (sobol). The other
 * draws are always pseudo.
 */
import { chunkStream, chunkXor4096 } from '../random/chunk-stream.js';
import { GammaSource } from '../random/gamma-source.js';
import { NormalSource } from '../random/normal-source.js';
import type { Sampler } from '../random/sampler.js';
import { StudentTSource } from '../random/student-t.js';
import { bootstrapYears } from '../random/bootstrap-indices.js';
import { fillCorrelatedLognormal } from './correlated-lognormal.js';
import { fillInflationAr1 } from './inflation-ar1.js';
import type { InflationModel, MarketModel } from './market-model.js';
import { pathNormals } from './path-normals.js';
import { fillRegimePath } from './regime-path.js';
import { drawShocks, lognormalFromShocks, regimeFromShocks, studentTFromShocks } from './shock-returns.js';
import { wasmMarket, type WasmMarketBlock } from './wasm-market.js';

/** What createMarketPath needs of a compiled plan. */
export interface MarketPlan {
  readonly nYears: number;
  readonly nAssets: number;
  readonly logMean: Float64Array;
  readonly covFactor: Float64Array;
  readonly market?: MarketModel;
  readonly inflation?: InflationModel;
  /** Absent: 'pseudo'. */
  readonly sampler?: Sampler;
  /** Under sobol: R, the independently scrambled blocks (random/randomized-blocks.ts); absent: 1. */
  readonly randomizations?: number;
  /** Year index of the payout start (Norwegian plans), where the sobol sampler's bridge starts; absent: nYears. */
  readonly payStart?: number;
  /** The stream of the normal shocks; absent: 'market'. A US plan's payout years draw theirs from 'payout-market', so its saving years' draws are those of the plan without a payout. */
  readonly stream?: 'market' | 'payout-market';
}

export interface MarketPath {
  /** Gross yearly returns of the current path, nYears × nAssets, year-major. */
  readonly gross: Float64Array;
  /** The regime index of each year (regime-switching model), else null. */
  readonly regimes: Int32Array | null;
  /** The historical year replayed in each year, as an index into the history (bootstrap), else null. */
  readonly historyYears: Int32Array | null;
  /** Inflation of each year (inflation model), else null. */
  readonly inflation: Float64Array | null;
  /** Price index at the start of each simulated year, nYears + 1 points, 1 at the start (inflation model), else null. */
  readonly priceIndex: Float64Array | null;
  /** Draw the next path. */
  fill(): void;
}

/** The year count whose cumulative shocks the sobol sampler's first coordinates decide: the payout start, else nYears. */
export function bridgeFirstOf(plan: MarketPlan): number {
  const { payStart, nYears } = plan;
  return payStart !== undefined && payStart > 0 && payStart < nYears ? payStart : nYears;
}

/** @param firstPath the run's index of the chunk's first path (chunk × CHUNK_SIZE): it fixes the sobol points. */
export function createMarketPath(plan: MarketPlan, seed: number, chunk: number, firstPath: number): MarketPath {
  const { nYears, nAssets: n, logMean, covFactor } = plan;
  const bridgeFirst = bridgeFirstOf(plan);
  const marketNormals = () => pathNormals(plan.sampler ?? 'pseudo', new NormalSource(chunkXor4096(seed, chunk, plan.stream ?? 'market')), { nYears, nAssets: n, bridgeFirst }, seed, firstPath, plan.randomizations ?? 1);
  const model: MarketModel = plan.market ?? { kind: 'lognormal' };
  const infl = plan.inflation;
  const gross = new Float64Array(nYears * n);
  const inflation = infl ? new Float64Array(nYears) : null;
  const priceIndex = infl ? new Float64Array(nYears + 1) : null;
  const inflationNormal = infl ? new NormalSource(chunkXor4096(seed, chunk, 'inflation')) : null;
  const ownNormals = new Float64Array(infl ? nYears : 0);
  const fillInflation = (shocks: Float64Array | null, groups: Int32Array | null) => {
    if (infl) fillInflationAr1(infl, inflationNormal!, ownNormals, shocks, n, groups, nYears, inflation!, priceIndex!);
  };

  switch (model.kind) {
    case 'lognormal': {
      if (!infl) {
        const block = wasmMarket(plan, seed, chunk, WASM_BLOCK);
        if (block) return blockMarket(block, gross);
        const normal = marketNormals();
        const z = new Float64Array(n);
        return { gross, regimes: null, historyYears: null, inflation, priceIndex, fill: () => fillCorrelatedLognormal(normal, logMean, covFactor, nYears, z, gross) };
      }
      const normal = marketNormals();
      const shocks = new Float64Array(nYears * n);
      return {
        gross, regimes: null, historyYears: null, inflation, priceIndex,
        fill: () => {
          drawShocks(normal, nYears * n, shocks);
          lognormalFromShocks(logMean, covFactor, shocks, nYears, gross);
          fillInflation(shocks, null);
        },
      };
    }
    case 'student-t': {
      const normal = marketNormals();
      const tail = chunkStream(seed, chunk, 'fat-tail');
      const tailNormal = new NormalSource(tail);
      const t = new StudentTSource(tailNormal, new GammaSource(tailNormal, tail), model.nu);
      const shocks = new Float64Array(nYears * n);
      const mixing = new Float64Array(nYears);
      return {
        gross, regimes: null, historyYears: null, inflation, priceIndex,
        fill: () => {
          drawShocks(normal, nYears * n, shocks);
          for (let y = 0; y < nYears; y++) mixing[y] = t.mixing();
          studentTFromShocks(logMean, covFactor, shocks, mixing, nYears, gross);
          fillInflation(shocks, null);
        },
      };
    }
    case 'bootstrap': {
      const random = chunkStream(seed, chunk, 'bootstrap');
      const years = new Int32Array(nYears);
      const { history, nHistory, method, blockYears } = model;
      const nominal = infl?.nominalizeReturns === true;
      return {
        gross, regimes: null, historyYears: years, inflation, priceIndex,
        fill: () => {
          bootstrapYears(method, random, nHistory, blockYears, years, nYears);
          for (let y = 0; y < nYears; y++) {
            const from = years[y]! * n;
            for (let i = 0; i < n; i++) gross[y * n + i] = history[from + i]!;
          }
          fillInflation(null, null);
          if (nominal) for (let j = 0; j < nYears * n; j++) gross[j] = gross[j]! * (1 + inflation![Math.floor(j / n)]!);
        },
      };
    }
    case 'regime-switching': {
      const normal = marketNormals();
      const random = chunkStream(seed, chunk, 'regime');
      const regimes = new Int32Array(nYears);
      const shocks = new Float64Array(nYears * n);
      return {
        gross, regimes, historyYears: null, inflation, priceIndex,
        fill: () => {
          fillRegimePath(random, model.transitionCum, model.initialCum, model.nRegimes, nYears, regimes);
          drawShocks(normal, nYears * n, shocks);
          regimeFromShocks(model.logMean, model.covFactor, regimes, shocks, n, nYears, gross);
          fillInflation(shocks, regimes);
        },
      };
    }
  }
}

/** Paths drawn at a time by the WebAssembly market (~250 KB of returns at 62 years and 2 assets). */
const WASM_BLOCK = 256;

/**
 * The common market (src/market/wasm-market.ts: the same draws) path by path: a block of paths drawn
 * at once into a buffer of this market's own, handed out one path per fill().
 */
function blockMarket(wasm: WasmMarketBlock, gross: Float64Array): MarketPath {
  const stride = gross.length;
  const drawn = new Float64Array(WASM_BLOCK * stride);
  let next = WASM_BLOCK;
  return {
    gross, regimes: null, historyYears: null, inflation: null, priceIndex: null,
    fill() {
      if (next === WASM_BLOCK) {
        drawn.set(wasm.fill(WASM_BLOCK));
        next = 0;
      }
      gross.set(drawn.subarray(next * stride, (next + 1) * stride));
      next++;
    },
  };
}
