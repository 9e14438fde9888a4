/**
 * Gathers chunk summaries into per-series statistics, so the result does not depend on the order
 * in which workers finish. It knows nothing of plans: a series is a column of per-path values
 * (a run's outcomes, or a comparison's channels), and a result builder per plan kind reads it
 * (result/norway-result.ts, result/us-result.ts, studies/compare.ts).
 * - moments: (n, mean, M2) per chunk and series, merged in chunk order at the end;
 * - percentiles: either exact (every value kept: 8 bytes a path a series) or a LogBucketSketch
 *   (fixed memory, relative error ≤ 2⁻¹², exactly mergeable: integer counts);
 * - the shortfall count: an integer, so exact in any order.
 * The state of a subset of chunks can be saved and merged (shards, checkpoints).
 *
 * Intervals (docs/results.md "Intervals"): with independent paths (the pseudo sampler) a
 * percentile's 95 % interval is the order-statistic one (stats/quantile-interval.ts), a mean's
 * standard error sd/√n and a probability's interval Wilson's. Under sobol and antithetic the paths
 * are R independent randomizations (random/randomized-blocks.ts), and each figure's interval comes
 * from the spread of its R block estimates around the estimate from all paths, with Student's t
 * (stats/block-interval.ts). For that the collector also keeps, per series with one value per path:
 * each chunk's block means (R numbers a chunk and series, merged in chunk order), the values of each
 * block (exact: read off the chunks' values; sketch: one sketch per block, whose merge is the
 * series' sketch, for the series reported with percentile intervals) and the shortfall count per
 * block. The point estimates stay those of all paths.
 */
import { blockPaths } from '../random/randomized-blocks.js';
import { UserError } from '../base/user-error.js';
import { blockInterval, t975 } from '../stats/block-interval.js';
import { LogBucketSketch, type SketchState } from '../stats/log-bucket-sketch.js';
import { mergeMoments, type MomentState } from '../stats/merge-moments.js';
import { quantileSorted } from '../stats/quantile-sorted.js';
import { quantileIntervalProbabilities, Z95 } from '../stats/quantile-interval.js';
import { expectedShortfall } from '../stats/risk-measures.js';
import { shortfallWithInterval } from '../stats/shortfall-probability.js';
import type { ChunkBlocks, ChunkSummary } from './chunk-summary.js';
import { CHUNK_SIZE } from '../base/chunk-size.js';
import { keyed, type Intervals, type Metric } from '../result/simulation-result.js';

export type PercentileMethod = 'exact' | 'sketch';

/** The saved state of the chunks a shard ran (sketch method only: exact values are too large). */
export interface CollectorState {
  nSeries: number;
  totalPaths: number;
  /** (n, mean, M2) for each chunk and series, flattened: chunk-major; NaN where a chunk is absent. */
  moments: number[];
  chunks: number[];
  sketches: SketchState[];
  /** Paths whose shortfall series fell short of the target (counted exactly). */
  shortfallBelow: number;
  /**
   * With randomized blocks (sobol, antithetic): R and the unit, each listed chunk's block means (in
   * the order of `chunks`, each chunk series-major: s·R + b), and the shortfall count per block;
   * `sketches` then holds R sketches per series (s·R + b).
   */
  blocks?: { count: number; unit: number; means: number[]; shortfallBelow: number[] };
}

/** An estimate and a bound on its error against the exact figure of the same paths (0 when exact). */
export interface Bounded {
  value: number;
  bound: number;
}

function keyed2(pct: readonly number[], values: readonly [number, number][]): Record<string, [number, number]> {
  return Object.fromEntries(pct.map((p, i) => [`p${p}`, values[i]!]));
}

export class SeriesCollector {
  private readonly nChunks: number;
  private readonly moments: Float64Array;
  private readonly present: Uint8Array;
  /** Exact method: each series' values, per chunk (concatenated in chunk order when read). */
  private readonly values: (Float64Array | undefined)[][] | null;
  /** Sketch method: one sketch per series, or R per series with blocks (series s, block b at s·R + b). */
  private readonly sketches: LogBucketSketch[] | null;
  private readonly sortedCache = new Map<number, Float64Array>();
  /** With blocks, exact method: each split series' values of each block, sorted. */
  private readonly blockSortedCache = new Map<number, Float64Array[]>();
  /** With blocks, sketch method: each split series' sketch over all paths (the merge of its blocks'). */
  private readonly pooledCache = new Map<number, LogBucketSketch>();
  /** Paths short of the target, counted exactly in either method. */
  shortfallBelow = 0;
  /** R: 1 without randomized blocks. */
  private readonly r: number;
  /** With blocks: each chunk's block means, (c·nSeries + s)·R + b. */
  private readonly blockMeans: Float64Array | null;
  /** With blocks: the paths short of the target in each block. */
  private readonly shortfallBlocks: Float64Array | null;

  /**
   * totalPaths: the run's paths, which size the chunk table; a run to precision
   * (studies/simulate-to-precision.ts) sizes it for its cap and sets the paths done before each read.
   * split: how the columns split into randomized blocks (engine/chunk-job.ts jobBlocks), or null.
   */
  constructor(
    readonly nSeries: number,
    public totalPaths: number,
    readonly method: PercentileMethod,
    readonly split: ChunkBlocks | null = null,
    /**
     * Series whose sketch is the merge of two others' that partition its values (engine/chunk-job.ts
     * jobSketchAliases): they go into no sketch of their own; sketch counts are integers, so the merge
     * is the sketch their values would have made, to the bit. Not with randomized blocks.
     */
    private readonly aliases: ReadonlyMap<number, readonly [number, number]> | null = null,
  ) {
    if (aliases && split) throw new Error('sketch aliases need a run without randomized blocks');
    this.nChunks = Math.ceil(totalPaths / CHUNK_SIZE);
    this.r = split?.blocks.count ?? 1;
    this.moments = new Float64Array(this.nChunks * this.nSeries * 3).fill(NaN);
    this.present = new Uint8Array(this.nChunks);
    this.values = method === 'exact' ? Array.from({ length: this.nSeries }, () => new Array<Float64Array | undefined>(this.nChunks)) : null;
    this.sketches = method === 'sketch' ? Array.from({ length: this.nSeries * this.r }, () => new LogBucketSketch()) : null;
    this.blockMeans = split ? new Float64Array(this.nChunks * this.nSeries * this.r) : null;
    this.shortfallBlocks = split ? new Float64Array(this.r) : null;
  }

  /** How the run's intervals are computed: order statistics of independent paths, or randomized blocks. */
  get intervalMethod(): Intervals {
    return this.split ? { method: 'randomized-blocks', blocks: this.r, multiplier: t975(this.r - 1) } : { method: 'order-statistic', blocks: 1, multiplier: Z95 };
  }

  /** Whether series s's intervals come from its randomized blocks. */
  private inBlocks(s: number): boolean {
    return this.split !== null && this.split.perPath[s]!;
  }

  /** A chunk was added: what was read off the earlier ones is stale (a run to precision reads between blocks of chunks). */
  private changed(): void {
    this.sortedCache.clear();
    this.blockSortedCache.clear();
    this.pooledCache.clear();
  }

  /**
   * Record a chunk summarised where it ran (engine/chunk-summary.ts). Its values must already be
   * in sketchSet (sketch method); exact percentiles copy them from its raw series (series s's
   * `lengths[s]` values at s · stride; all `stride` without lengths).
   */
  addSummary(chunk: number, stride: number, summary: ChunkSummary, series: Float64Array | null, lengths?: ArrayLike<number>): void {
    this.changed();
    this.present[chunk] = 1;
    this.moments.set(summary.moments, chunk * this.nSeries * 3);
    this.shortfallBelow += summary.shortfallBelow;
    if (this.blockMeans) {
      if (!summary.blockMeans || !summary.shortfallBlocks) throw new Error('a chunk summary without its block means in a run of randomized blocks');
      this.blockMeans.set(summary.blockMeans, chunk * this.nSeries * this.r);
      for (let b = 0; b < this.r; b++) this.shortfallBlocks![b]! += summary.shortfallBlocks[b]!;
    }
    if (this.values) {
      if (!series) throw new Error("exact percentiles need each chunk's series");
      for (let s = 0; s < this.nSeries; s++) {
        const n = lengths ? lengths[s]! : stride;
        this.values[s]![chunk] = series.slice(s * stride, s * stride + n);
      }
    }
  }

  /** The sketches (one per series) that chunk values go into, or null with exact percentiles. */
  get sketchSet(): LogBucketSketch[] | null {
    return this.sketches;
  }

  toState(): CollectorState {
    if (!this.sketches) throw new Error('only sketch collectors are saved');
    const chunks: number[] = [];
    this.present.forEach((p, c) => p && chunks.push(c));
    const per = this.nSeries * this.r;
    return {
      nSeries: this.nSeries,
      totalPaths: this.totalPaths,
      moments: Array.from(this.moments),
      chunks,
      sketches: this.sketches.map((s) => s.toState()),
      shortfallBelow: this.shortfallBelow,
      ...(this.split && {
        blocks: {
          count: this.r,
          unit: this.split.blocks.unit,
          means: chunks.flatMap((c) => Array.from(this.blockMeans!.subarray(c * per, (c + 1) * per))),
          shortfallBelow: Array.from(this.shortfallBlocks!),
        },
      }),
    };
  }

  /** Merge a shard's state in; a chunk present twice is an error. */
  mergeState(state: CollectorState, source: string): void {
    const blocks = state.blocks;
    const sameBlocks = this.split ? blocks?.count === this.r && blocks.unit === this.split.blocks.unit : blocks === undefined;
    if (!this.sketches || state.nSeries !== this.nSeries || state.totalPaths !== this.totalPaths || !sameBlocks || state.sketches.length !== this.sketches.length) {
      throw new UserError([{ path: '', message: 'this shard comes from a different scenario, path count, sampler or version' }], source);
    }
    this.changed();
    const per = this.nSeries * this.r;
    state.chunks.forEach((c, k) => {
      if (this.present[c]) throw new UserError([{ path: '', message: `chunk ${c} is in more than one shard (a shard given twice?)` }], source);
      this.present[c] = 1;
      const at = c * this.nSeries * 3;
      for (let i = at; i < at + this.nSeries * 3; i++) this.moments[i] = state.moments[i]!;
      if (blocks) for (let i = 0; i < per; i++) this.blockMeans![c * per + i] = blocks.means[k * per + i]!;
    });
    state.sketches.forEach((s, i) => this.sketches![i]!.merge(LogBucketSketch.fromState(s)));
    this.shortfallBelow += state.shortfallBelow;
    if (blocks) blocks.shortfallBelow.forEach((n, b) => (this.shortfallBlocks![b]! += n));
  }

  /** Chunks not yet added, for the completeness check of merged shards. */
  missingChunks(): number[] {
    const out: number[] = [];
    this.present.forEach((p, c) => !p && out.push(c));
    return out;
  }

  /** (n, mean, M2) of series s over every chunk, merged in chunk order (so the same on any thread count). */
  merged(s: number): MomentState {
    let acc: MomentState = { n: 0, mean: 0, m2: 0 };
    for (let c = 0; c < this.nChunks; c++) {
      if (!this.present[c]) continue; // a chunk not run (yet): a run to precision, or a shard being merged
      const at = (c * this.nSeries + s) * 3;
      acc = mergeMoments(acc, { n: this.moments[at]!, mean: this.moments[at + 1]!, m2: this.moments[at + 2]! });
    }
    return acc;
  }

  /**
   * Series s's mean in each randomized block over every chunk (each chunk's block mean weighted by
   * its paths in that block, merged in chunk order), and each block's paths.
   */
  private blockMoments(s: number): { n: number[]; mean: number[] } {
    const r = this.r;
    const n = new Array<number>(r).fill(0);
    const mean = new Array<number>(r).fill(0);
    for (let c = 0; c < this.nChunks; c++) {
      if (!this.present[c]) continue;
      const paths = this.moments[(c * this.nSeries + s) * 3]!;
      const at = (c * this.nSeries + s) * r;
      for (let b = 0; b < r; b++) {
        const k = blockPaths(paths, b, this.split!.blocks);
        if (k === 0) continue;
        n[b]! += k;
        mean[b]! += ((this.blockMeans![at + b]! - mean[b]!) * k) / n[b]!;
      }
    }
    return { n, mean };
  }

  /** Series s's values in path order (exact method), or null with the sketch. */
  exactValues(s: number): Float64Array | null {
    if (!this.values) return null;
    const parts = this.values[s]!.filter((v): v is Float64Array => v !== undefined);
    const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  private sorted(s: number): Float64Array {
    let sorted = this.sortedCache.get(s);
    if (!sorted) {
      sorted = this.exactValues(s)!.sort();
      this.sortedCache.set(s, sorted);
    }
    return sorted;
  }

  /**
   * Series s's sketch over all paths: its own; with block sketches the merge of its blocks'; for an
   * alias the merge of the two series' that partition its values.
   */
  private pooledSketch(s: number): LogBucketSketch {
    const alias = this.aliases?.get(s);
    if (!alias && this.r === 1) return this.sketches![s]!;
    if (!alias && !this.split!.sketched[s]) return this.sketches![s * this.r]!;
    let sk = this.pooledCache.get(s);
    if (!sk) {
      sk = new LogBucketSketch();
      const parts = alias ?? Array.from({ length: this.r }, (_, b) => s * this.r + b);
      for (const i of parts) sk.merge(this.sketches![i]!);
      this.pooledCache.set(s, sk);
    }
    return sk;
  }

  /** Exact method: series s's values of each block, sorted (one pass over the values, then a sort per block). */
  private blockSorted(s: number): Float64Array[] {
    const cached = this.blockSortedCache.get(s);
    if (cached) return cached;
    const r = this.r;
    const { unit } = this.split!.blocks;
    const out = this.blockMoments(s).n.map((k) => new Float64Array(k));
    const step = r * unit;
    for (let b = 0; b < r; b++) {
      const x = out[b]!;
      let at = 0;
      for (let c = 0; c < this.nChunks; c++) {
        const v = this.values![s]![c];
        if (v === undefined) continue;
        // A chunk starts at a multiple of R × unit paths, so block b's paths of it are its units b, b + R, b + 2R, …
        for (let k = b * unit; k < v.length; k += step) for (let u = k; u < k + unit && u < v.length; u++) x[at++] = v[u]!;
      }
      x.sort();
    }
    this.blockSortedCache.set(s, out);
    return out;
  }

  /** Series s's percentiles `pct` (0–100) from each block's paths alone (exact: its values sorted; sketch: its sketch). */
  private blockPercentiles(s: number, pct: readonly number[]): number[][] {
    if (this.values) return this.blockSorted(s).map((sorted) => pct.map((q) => quantileSorted(sorted, q / 100)));
    if (!this.split!.sketched[s]) throw new Error(`series ${s} keeps no sketch per block: it is not reported with percentile intervals (plan/plan-kind.ts planIntervalSeries)`);
    return Array.from({ length: this.r }, (_, b) => {
      const sk = this.sketches![s * this.r + b]!;
      return pct.map((q) => sk.quantile(q / 100));
    });
  }

  /** Number of values of series s (all paths, or fewer for a filtered series such as a ratio over B > 0). */
  count(s: number): number {
    return this.merged(s).n;
  }

  percentiles(s: number, pct: readonly number[]): number[] {
    if (this.values) {
      const sorted = this.sorted(s);
      return pct.map((q) => (sorted.length > 0 ? quantileSorted(sorted, q / 100) : NaN));
    }
    const sk = this.pooledSketch(s);
    return pct.map((q) => (sk.count > 0 ? sk.quantile(q / 100) : NaN));
  }

  /**
   * expectedShortfall at α of series s (stats/risk-measures.ts): exact from the sorted values, or
   * from the sketch with its bound (stats/log-bucket-sketch.ts expectedShortfall).
   */
  expectedShortfall(s: number, alpha: number): Bounded {
    if (this.values) return { value: expectedShortfall(this.sorted(s), alpha), bound: 0 };
    return this.pooledSketch(s).expectedShortfall(alpha);
  }

  metric(s: number, pct: readonly number[]): Metric {
    const m = this.merged(s);
    const sd = m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : 0;
    return { mean: m.mean, sd, stderr: this.stderr(s), percentiles: keyed(pct, this.percentiles(s, pct)), ci95: keyed2(pct, this.intervals(s, pct)) };
  }

  /**
   * The standard error of series s's mean: sd/√n for independent paths; with blocks the spread of
   * the block means around the mean over all paths, S/√R (stats/block-interval.ts).
   */
  stderr(s: number): number {
    const m = this.merged(s);
    if (!this.inBlocks(s)) return m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) / Math.sqrt(m.n) : 0;
    return blockInterval(m.mean, this.blockMoments(s).mean).stderr;
  }

  /**
   * Each percentile's 95 % interval as [low, high]: the order-statistic interval
   * (stats/quantile-interval.ts) for independent paths, else the block interval of the percentile
   * over all paths and each block's (stats/block-interval.ts).
   */
  intervals(s: number, pct: readonly number[]): [number, number][] {
    const n = this.count(s);
    if (n === 0) return pct.map(() => [NaN, NaN]);
    if (this.inBlocks(s)) {
      const pooled = this.percentiles(s, pct);
      const perBlock = this.blockPercentiles(s, pct);
      return pct.map((_, i) => blockInterval(pooled[i]!, perBlock.map((e) => e[i]!)).ci95);
    }
    const probs = pct.flatMap((q) => quantileIntervalProbabilities(q / 100, n));
    const at = this.percentiles(s, probs.map((p) => p * 100));
    return pct.map((_, i) => [at[2 * i]!, at[2 * i + 1]!]);
  }

  /**
   * shortfallProbability of the job's shortfall series (engine/chunk-summary.ts) over the paths run,
   * with its standard error and 95 % interval: binomial and Wilson's for independent paths, else
   * from the block proportions (stats/block-interval.ts), clamped to [0, 1].
   */
  shortfall(): { probability: number; stderr: number; ci95: [number, number] } {
    const n = this.totalPaths;
    if (!this.split) return shortfallWithInterval(this.shortfallBelow, n);
    const probability = this.shortfallBelow / n;
    const shares = Array.from(this.shortfallBlocks!, (k, b) => k / blockPaths(n, b, this.split!.blocks));
    return clampedProbability(probability, shares);
  }

  /**
   * The probability that indicator series s is 1 (a comparison's `below` channel), with its
   * standard error and 95 % interval as shortfall() gives them.
   */
  indicatorProbability(s: number, count: number): { probability: number; stderr: number; ci95: [number, number] } {
    const n = this.count(s);
    if (!this.inBlocks(s)) return shortfallWithInterval(count, n);
    return clampedProbability(count / n, this.blockMoments(s).mean);
  }

  /** The 95 % intervals of a fan: per percentile key, the low and the high at every age. */
  fanIntervals(from: number, count: number, pct: readonly number[]): Record<string, [number[], number[]]> {
    const rows = Array.from({ length: count }, (_, i) => this.intervals(from + i, pct));
    const out: Record<string, [number[], number[]]> = {};
    pct.forEach((p, j) => (out[`p${p}`] = [rows.map((r) => r[j]![0]), rows.map((r) => r[j]![1])]));
    return out;
  }

  /** The fan of `count` consecutive series from `from`: one array per percentile, keyed "p<q>". */
  fan(from: number, count: number, pct: readonly number[]): Record<string, number[]> {
    const rows = Array.from({ length: count }, (_, i) => this.percentiles(from + i, pct));
    const out: Record<string, number[]> = {};
    pct.forEach((p, j) => (out[`p${p}`] = rows.map((r) => r[j]!)));
    return out;
  }
}

/** A probability's block interval (stats/block-interval.ts) clamped to [0, 1]. */
function clampedProbability(probability: number, shares: readonly number[]): { probability: number; stderr: number; ci95: [number, number] } {
  const { stderr, ci95 } = blockInterval(probability, shares);
  return { probability, stderr, ci95: [Math.max(0, ci95[0]), Math.min(1, ci95[1])] };
}
