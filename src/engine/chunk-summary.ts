/**
 * What the collector needs of one chunk, computed where the chunk ran (a worker, or inline): the
 * (n, mean, M2) of every series, the number of paths short of the target, and (sketch method)
 * every value added to a sketch per series. The coordinating thread then only merges: building
 * these on it made it the run's bottleneck on two cores. It knows nothing of plans: a series is
 * a column of per-path values, whatever the pricer that wrote it.
 *
 * With randomized blocks (the sobol and antithetic samplers, random/randomized-blocks.ts) a series
 * with one value per path is also split by block: each block's mean, the shortfall count per
 * block, and for a series reported with percentile intervals its values in each block's own
 * sketch (series s, block b at sketch s·R + b; the series' sketch over all paths is their merge;
 * other series go whole into sketch s·R). The chunk's moments are then the merge of its blocks'
 * in block order. Without blocks (pseudo, R = 1) nothing of this runs.
 */
import { blockOfPath, type RandomizedBlocks } from '../random/randomized-blocks.js';
import type { LogBucketSketch } from '../stats/log-bucket-sketch.js';
import { sketchArena } from '../wasm/sketch-arena.js';
import { mergeMoments, momentFromSums, momentState, momentStates4, writeMoment, type MomentState } from '../stats/merge-moments.js';

export interface ChunkSummary {
  /** (n, mean, M2) of each series, series-major: series s at 3s, 3s + 1, 3s + 2. */
  moments: Float64Array;
  /** Paths whose shortfall series fell below the target (0 without a target). */
  shortfallBelow: number;
  /** With randomized blocks: each series' mean in each block, at s·R + b (0 for a series not split, or a block without paths). */
  blockMeans?: Float64Array;
  /** With randomized blocks: the paths short of the target in each block. */
  shortfallBlocks?: Float64Array;
}

/** The series counted against a target (plan/compiled-plan.ts shortfallOf). */
export interface ShortfallSpec {
  series: number;
  target: number;
}

/** One chunk's per-path output as produced (engine/chunk-job.ts produceChunk). */
export interface ChunkColumns {
  series: Float64Array;
  /** Paths in the chunk: the stride of its columns. */
  paths: number;
  /** Column lengths where they vary, else all `paths`. */
  lengths?: ArrayLike<number> | undefined;
}

/** How a job's columns split into randomized blocks (R > 1); engine/chunk-job.ts jobBlocks. */
export interface ChunkBlocks {
  blocks: RandomizedBlocks;
  /** Whether each column has one value per path, in path order (its block means are kept); compacted columns are not. */
  perPath: readonly boolean[];
  /** Whether each column keeps a sketch per block (sketch method; only perPath columns): those reported with percentile intervals. */
  sketched: readonly boolean[];
}

/**
 * Summarise a chunk's per-path output: `nSeries` series of `lengths[s]` values each (all `stride`
 * when lengths is absent) at s · stride. With `sketches` (one per series, or R per series with
 * blocks), each series' values are also added to its sketch (only the series `sketched` marks,
 * when given).
 */
export function summarizeChunk(
  nSeries: number,
  shortfall: ShortfallSpec | undefined,
  series: Float64Array,
  stride: number,
  sketches: LogBucketSketch[] | null,
  lengths?: ArrayLike<number>,
  sketched?: readonly boolean[] | null,
  split?: ChunkBlocks | null,
): ChunkSummary {
  return summarizeChunks(nSeries, shortfall, [{ series, paths: stride, lengths }], sketches, sketched, split)[0]!;
}

/**
 * summarizeChunk for several chunks at once, series by series: a series' sketch then takes the
 * values of every chunk of the group while its buckets are in the cache (a chunk at a time, the
 * sketches of a run's hundred-odd series are fetched again for every chunk: that was half the
 * cost of the reduction). Each chunk's moments are its own, computed as summarizeChunk computes
 * them, and the sketch counts are order-free, so the result is the same to the bit. With blocks,
 * series by series too (summarizeInBlocks).
 */
export function summarizeChunks(
  nSeries: number,
  shortfall: ShortfallSpec | undefined,
  chunks: readonly ChunkColumns[],
  sketches: LogBucketSketch[] | null,
  sketched?: readonly boolean[] | null,
  split?: ChunkBlocks | null,
): ChunkSummary[] {
  if (split) return summarizeInBlocks(nSeries, shortfall, chunks, sketches, sketched, split);
  const moments = chunks.map(() => new Float64Array(nSeries * 3));
  const sums = new Float64Array(3);
  // The columns with moments only, four at a time where they have the same length (momentStates4).
  const plain: number[] = [];
  for (let s = 0; s < nSeries; s++) {
    if (!sketches || (sketched && !sketched[s])) {
      plain.push(s);
      continue;
    }
    for (let c = 0; c < chunks.length; c++) {
      const { series, paths: stride, lengths } = chunks[c]!;
      const from = s * stride;
      const n = lengths ? lengths[s]! : stride;
      const m = n > 0 ? sketchWithMoments(sketches[s]!, series, from, from + n, sums) : momentState(series, from, from);
      writeMoment(moments[c]!, 3 * s, m);
    }
  }
  for (let c = 0; c < chunks.length; c++) momentsOfColumns(chunks[c]!, plain, moments[c]!);
  return chunks.map(({ series, paths: stride }, c) => {
    let shortfallBelow = 0;
    if (shortfall !== undefined) {
      const at = shortfall.series * stride;
      for (let i = at; i < at + stride; i++) if (series[i]! < shortfall.target) shortfallBelow++;
    }
    return { moments: moments[c]!, shortfallBelow };
  });
}

/** The moments of the chunk's columns `cols` into out (3 per series), four at a time where four in a row have one length. */
function momentsOfColumns(chunk: ChunkColumns, cols: readonly number[], out: Float64Array): void {
  const { series, paths: stride, lengths } = chunk;
  const len = (s: number) => (lengths ? lengths[s]! : stride);
  let i = 0;
  while (i < cols.length) {
    const s = cols[i]!;
    const n = len(s);
    if (i + 3 < cols.length && n > 0 && len(cols[i + 1]!) === n && len(cols[i + 2]!) === n && len(cols[i + 3]!) === n) {
      const [t, u, v] = [cols[i + 1]!, cols[i + 2]!, cols[i + 3]!];
      momentStates4(series, n, s * stride, t * stride, u * stride, v * stride, out, 3 * s, 3 * t, 3 * u, 3 * v);
      i += 4;
      continue;
    }
    writeMoment(out, 3 * s, momentState(series, s * stride, s * stride + n));
    i++;
  }
}

/**
 * values[from, to) into `sketch` and their moments in the same pass: the shifted sums of
 * stats/merge-moments.ts (K the first value), in the order momentState would add them.
 */
function sketchWithMoments(sketch: LogBucketSketch, values: Float64Array, from: number, to: number, sums: Float64Array): MomentState {
  sums[0] = values[from]!;
  sums[1] = 0;
  sums[2] = 0;
  sketch.addAll(values, from, to, sums);
  return momentFromSums(to - from, sums[0]!, sums[1]!, sums[2]!);
}

/** A chunk's paths in block-major order: block b's offsets are order[starts[b] .. starts[b + 1]), ascending. */
interface BlockOrder {
  paths: number;
  count: number;
  unit: number;
  order: Int32Array;
  starts: Int32Array;
  /** The block of each offset. */
  blockOf: Int32Array;
}

let lastOrder: BlockOrder | null = null;

/** The block-major order of a chunk of `paths` paths (its first path a multiple of count × unit), kept for the next chunk. */
export function blockOrder(paths: number, blocks: RandomizedBlocks): BlockOrder {
  const { count, unit } = blocks;
  if (lastOrder && lastOrder.paths === paths && lastOrder.count === count && lastOrder.unit === unit) return lastOrder;
  const blockOf = new Int32Array(paths);
  const starts = new Int32Array(count + 1);
  for (let k = 0; k < paths; k++) {
    blockOf[k] = blockOfPath(k, blocks);
    starts[blockOf[k]! + 1]!++;
  }
  for (let b = 0; b < count; b++) starts[b + 1]! += starts[b]!;
  const order = new Int32Array(paths);
  const at = starts.slice(0, count);
  for (let k = 0; k < paths; k++) order[at[blockOf[k]!]!++] = k;
  lastOrder = { paths, count, unit, order, starts, blockOf };
  return lastOrder;
}

/**
 * This thread's scratch column, reused from chunk to chunk; in the sketch arena when there is one,
 * so a block's reordered values go through WebAssembly's insertion loop, not the JS one.
 */
let scratch: Float64Array<ArrayBufferLike> = new Float64Array(0);

function scratchColumn(n: number): Float64Array<ArrayBufferLike> {
  if (scratch.length >= n) return scratch;
  const arena = sketchArena();
  if (arena) {
    arena.release(scratch);
    scratch = arena.float64(n);
  } else {
    scratch = new Float64Array(n);
  }
  return scratch;
}

/**
 * The chunks of a group with blocks, series by series as summarizeChunks does without them (a
 * series' R block sketches take the values of every chunk of the group while they are in the
 * cache: chunk by chunk, the run's R × series sketches were fetched again for every chunk, most of
 * a block run's reduction). Each chunk's figures are computed as for the chunk alone, and sketch
 * counts are order-free, so the result is the same to the bit.
 */
function summarizeInBlocks(
  nSeries: number,
  shortfall: ShortfallSpec | undefined,
  chunks: readonly ChunkColumns[],
  sketches: LogBucketSketch[] | null,
  sketched: readonly boolean[] | null | undefined,
  split: ChunkBlocks,
): ChunkSummary[] {
  const r = split.blocks.count;
  const orders = chunks.map((c) => blockOrder(c.paths, split.blocks));
  const out = chunks.map((): ChunkSummary => ({ moments: new Float64Array(nSeries * 3), shortfallBelow: 0, blockMeans: new Float64Array(nSeries * r), shortfallBlocks: new Float64Array(r) }));
  const sums = new Float64Array(3);
  const x = scratchColumn(Math.max(...chunks.map((c) => c.paths)));
  for (let s = 0; s < nSeries; s++) {
    for (let c = 0; c < chunks.length; c++) {
      const { series, paths: stride, lengths } = chunks[c]!;
      const { order, starts, blockOf } = orders[c]!;
      const { moments, blockMeans } = out[c]!;
      const from = s * stride;
      const n = lengths ? lengths[s]! : stride;
      const sketch = sketches !== null && n > 0 && (!sketched || sketched[s]);
      let m: MomentState;
      if (!split.perPath[s]) {
        // Not split (a compacted column): over all its values, into the series' first sketch.
        m = sketch ? sketchWithMoments(sketches[s * r]!, series, from, from + n, sums) : momentState(series, from, from + n);
      } else {
        if (n !== stride) throw new Error(`column ${s} has one value per path, but ${n} of ${stride}`);
        m = split.sketched[s] && sketch
          ? blocksIntoSketches(series, from, stride, order, starts, sketches, x, sums, blockMeans!, s * r)
          : blockMoments(series, from, stride, blockOf, r, blockMeans!, s * r);
        // A column without block sketches goes whole into its first sketch.
        if (sketch && !split.sketched[s]) sketches[s * r]!.addAll(series, from, from + n);
      }
      writeMoment(moments, 3 * s, m);
    }
  }
  if (shortfall !== undefined) {
    chunks.forEach(({ series, paths: stride }, c) => {
      const { blockOf } = orders[c]!;
      const summary = out[c]!;
      const at = shortfall.series * stride;
      for (let k = 0; k < stride; k++) {
        if (series[at + k]! < shortfall.target) {
          summary.shortfallBelow++;
          summary.shortfallBlocks![blockOf[k]!]!++;
        }
      }
    });
  }
  return out;
}

/**
 * A column's values into its R block sketches at sketches[at + b] (reordered block by block into `x`, so each block is
 * one run of addAll, which also sums it), its block means into blockMeans[at + b]; returns the
 * column's moments, the merge of its blocks' in block order.
 */
function blocksIntoSketches(
  series: Float64Array,
  from: number,
  stride: number,
  order: Int32Array,
  starts: Int32Array,
  sketches: LogBucketSketch[],
  x: Float64Array,
  sums: Float64Array,
  blockMeans: Float64Array,
  at: number,
): MomentState {
  for (let j = 0; j < stride; j++) x[j] = series[from + order[j]!]!;
  let m: MomentState = { n: 0, mean: 0, m2: 0 };
  for (let b = 0; b + 1 < starts.length; b++) {
    const lo = starts[b]!;
    const hi = starts[b + 1]!;
    if (hi === lo) continue;
    const mb = sketchWithMoments(sketches[at + b]!, x, lo, hi, sums);
    blockMeans[at + b] = mb.mean;
    m = mergeMoments(m, mb);
  }
  return m;
}

/** This thread's per-block shifted sums (K, Σ(x − K), Σ(x − K)², count), reused from chunk to chunk. */
let blockSums = new Float64Array(0);

/**
 * A column's block moments in one pass (each block's shifted sums in path order, K its first value:
 * as momentState would sum the block alone), its block means into blockMeans[at + b]; returns the
 * column's moments, the merge of its blocks' in block order.
 */
function blockMoments(series: Float64Array, from: number, stride: number, blockOf: Int32Array, r: number, blockMeans: Float64Array, at: number): MomentState {
  if (blockSums.length < 4 * r) blockSums = new Float64Array(4 * r);
  const acc = blockSums.fill(0, 0, 4 * r);
  for (let k = stride - 1; k >= 0; k--) acc[4 * blockOf[k]!] = series[from + k]!;
  for (let k = 0; k < stride; k++) {
    const b = 4 * blockOf[k]!;
    const d = series[from + k]! - acc[b]!;
    acc[b + 1] = acc[b + 1]! + d;
    acc[b + 2] = acc[b + 2]! + d * d;
    acc[b + 3] = acc[b + 3]! + 1;
  }
  let m: MomentState = { n: 0, mean: 0, m2: 0 };
  for (let b = 0; b < r; b++) {
    const n = acc[4 * b + 3]!;
    if (n === 0) continue;
    const mb = momentFromSums(n, acc[4 * b]!, acc[4 * b + 1]!, acc[4 * b + 2]!);
    blockMeans[at + b] = mb.mean;
    m = mergeMoments(m, mb);
  }
  return m;
}

