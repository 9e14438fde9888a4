/**
 * The market of a block of paths for the common model (correlated lognormal returns, no inflation
 * model, the pseudo sampler): the block's normals from WebAssembly (src/wasm/assembly/normals.ts,
 * built into dist/wasm/normals.wasm by `npm run build`) in one call, then its returns in place
 * (market/correlated-lognormal.ts). It draws exactly what market/market-path.ts draws for those
 * paths (the chunk's 'market' stream, the same ziggurat, in the same order), so the kernel's output
 * does not depend on which one ran. Every other model and sampler, or a missing module, or
 * PENSIM_WASM=0 (for A/B timing), leaves the market to market-path.ts.
 */
import { wasmBytes } from '../wasm/wasm-file.js';
import { reportWasm, wasmOffReason } from '../wasm/wasm-report.js';
import type { MarketPlan } from './market-path.js';
import { lognormalFromNormals } from './correlated-lognormal.js';
import { chunkXor4096 } from '../random/chunk-stream.js';
import { ZIGGURAT } from '../random/normal-source.js';

interface NormalsExports {
  memory: WebAssembly.Memory;
  KN_INT: WebAssembly.Global;
  WN: WebAssembly.Global;
  FN: WebAssembly.Global;
  STATE: WebAssembly.Global;
  CONST: WebAssembly.Global;
  OUT: WebAssembly.Global;
  fillNormals(out: number, n: number): void;
}

/** The block's draws, valid until the next fill. */
export interface WasmMarketBlock {
  /** The next `paths` paths' gross returns: path b's year y, asset i at b · nYears · nAssets + y · nAssets + i. */
  fill(paths: number): Float64Array;
}

let instance: NormalsExports | null | undefined;

/** This thread's instance (one per thread: the generator state and buffers are its own). */
function normalsModule(): NormalsExports | null {
  if (instance !== undefined) return instance;
  const bytes = process.env.PENSIM_WASM === '0' ? null : wasmBytes('normals.wasm');
  if (!bytes) {
    reportWasm('normals', wasmOffReason(bytes));
    return (instance = null);
  }
  let exports: NormalsExports;
  try {
    exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { log: Math.log, exp: Math.exp } }).exports as unknown as NormalsExports;
  } catch {
    // V8 reserves address space for a WebAssembly memory up front; where that is refused (a
    // ulimit -v), the market is drawn in JS: the same numbers.
    reportWasm('normals', 'no room for its memory');
    return (instance = null);
  }
  reportWasm('normals', null);
  // The tables sit below OUT; the module declares no memory size of its own.
  grow(exports, exports.OUT.value as number);
  const buffer = exports.memory.buffer;
  new Int32Array(buffer, exports.KN_INT.value as number, 128).set(ZIGGURAT.knInt);
  new Float64Array(buffer, exports.WN.value as number, 128).set(ZIGGURAT.wn);
  new Float64Array(buffer, exports.FN.value as number, 128).set(ZIGGURAT.fn);
  new Float64Array(buffer, exports.CONST.value as number, 1).set([ZIGGURAT.r]);
  return (instance = exports);
}

/** The memory at least `bytes` long (growing it detaches older views: none is kept across a fill). */
function grow(m: NormalsExports, bytes: number): void {
  const have = m.memory.buffer.byteLength;
  if (bytes > have) m.memory.grow(Math.ceil((bytes - have) / 65536));
}

/** Whether the module can draw this plan's market (and is there). */
export function wasmMarketApplies(plan: MarketPlan): boolean {
  const sampler = plan.sampler ?? 'pseudo';
  return (plan.market === undefined || plan.market.kind === 'lognormal') && plan.inflation === undefined && (sampler === 'pseudo' || sampler === 'antithetic') && normalsModule() !== null;
}

/** The chunk's market for blocks of at most `maxPaths` paths, or null where wasmMarketApplies is false. */
export function wasmMarket(plan: MarketPlan, seed: number, chunk: number, maxPaths: number): WasmMarketBlock | null {
  if (!wasmMarketApplies(plan)) return null;
  const m = normalsModule()!;
  const { nYears, nAssets, logMean, covFactor } = plan;
  const state = chunkXor4096(seed, chunk, plan.stream ?? 'market').s;
  const out = m.OUT.value as number;
  const bytes = out + maxPaths * nYears * nAssets * 8;
  grow(m, bytes);
  const stride = nYears * nAssets;
  const antithetic = plan.sampler === 'antithetic';
  return {
    fill(paths) {
      const buffer = m.memory.buffer;
      // The chunk's own state goes in before each block: another chunk's may have run since.
      new Int32Array(buffer, m.STATE.value as number, 130).set(state);
      // Antithetic pairs (2k, 2k + 1) share one draw: the stream gives only the first path of each
      // pair its shocks (market/antithetic-normals.ts), so the block draws ⌈paths / 2⌉ paths' worth.
      const drawn = antithetic ? Math.ceil(paths / 2) : paths;
      m.fillNormals(out, drawn * stride);
      state.set(new Int32Array(buffer, m.STATE.value as number, 130));
      const gross = new Float64Array(buffer, out, paths * stride);
      if (antithetic) mirrorPairs(gross, paths, stride);
      lognormalFromNormals(logMean, covFactor, paths * nYears, gross);
      return gross;
    },
  };
}

/**
 * Spread the ⌈paths / 2⌉ draws at the start of `z` (draw k at k · stride) over the pairs: path 2k
 * takes draw k, path 2k + 1 its negation (an odd last path has no partner). From the last pair
 * down, so no draw is overwritten before it is copied (2k ≥ k + 1 for k ≥ 1).
 */
export function mirrorPairs(z: Float64Array, paths: number, stride: number): void {
  for (let k = Math.ceil(paths / 2) - 1; k >= 0; k--) {
    const from = k * stride;
    const first = 2 * k * stride;
    if (2 * k + 1 < paths) for (let j = 0; j < stride; j++) z[first + stride + j] = -z[from + j]!;
    if (k > 0) z.copyWithin(first, from, from + stride);
  }
}
