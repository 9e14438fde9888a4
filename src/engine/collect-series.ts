/**
 * Gathers chunk summaries into per-series statistics, so the result does not depend on the order
 * in which workers finish. It knows nothing of plans: a series is a column of per-path values
 * (a run's outcomes, or a comparison's channels), and a result builder per plan kind reads it
 * (engine/norway-result.ts, engine/us-result.ts, engine/compare.ts).
 * - moments: (n, mean, M2) per chunk and series, merged in chunk order at the end;
 * - percentiles: either exact (every value kept: 8 bytes a path a series) or a LogBucketSketch
 *   (fixed memory, relative error ≤ 2⁻¹², exactly mergeable: integer counts);
 * - the shortfall count: an integer, so exact in any order.
 * The state of a subset of chunks can be saved and merged (shards, checkpoints).
 */
import { UserError } from '../scenario/user-error.js';
import { LogBucketSketch, type SketchState } from '../stats/log-bucket-sketch.js';
import { mergeMoments, type MomentState } from '../stats/merge-moments.js';
import { quantileSorted } from '../stats/quantile-sorted.js';
import { quantileIntervalProbabilities } from '../stats/quantile-interval.js';
import { expectedShortfall } from '../stats/risk-measures.js';
import type { ChunkSummary } from './chunk-summary.js';
import { CHUNK_SIZE } from './chunking.js';
import { keyed, type Metric } from './simulation-result.js';

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
  private readonly sketches: LogBucketSketch[] | null;
  private readonly sortedCache = new Map<number, Float64Array>();
  /** Paths short of the target, counted exactly in either method. */
  shortfallBelow = 0;

  /**
   * totalPaths: the run's paths, which size the chunk table; a run to precision
   * (engine/simulate-to-precision.ts) sizes it for its cap and sets the paths done before each read.
   */
  constructor(
    readonly nSeries: number,
    public totalPaths: number,
    readonly method: PercentileMethod,
  ) {
    this.nChunks = Math.ceil(totalPaths / CHUNK_SIZE);
    this.moments = new Float64Array(this.nChunks * this.nSeries * 3).fill(NaN);
    this.present = new Uint8Array(this.nChunks);
    this.values = method === 'exact' ? Array.from({ length: this.nSeries }, () => new Array<Float64Array | undefined>(this.nChunks)) : null;
    this.sketches = method === 'sketch' ? Array.from({ length: this.nSeries }, () => new LogBucketSketch()) : null;
  }

  /**
   * Record a chunk summarised where it ran (engine/chunk-summary.ts). Its values must already be
   * in sketchSet (sketch method); exact percentiles copy them from its raw series (series s's
   * `lengths[s]` values at s · stride; all `stride` without lengths).
   */
  addSummary(chunk: number, stride: number, summary: ChunkSummary, series: Float64Array | null, lengths?: ArrayLike<number>): void {
    this.present[chunk] = 1;
    this.moments.set(summary.moments, chunk * this.nSeries * 3);
    this.shortfallBelow += summary.shortfallBelow;
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
    return {
      nSeries: this.nSeries,
      totalPaths: this.totalPaths,
      moments: Array.from(this.moments),
      chunks,
      sketches: this.sketches.map((s) => s.toState()),
      shortfallBelow: this.shortfallBelow,
    };
  }

  /** Merge a shard's state in; a chunk present twice is an error. */
  mergeState(state: CollectorState, source: string): void {
    if (!this.sketches || state.nSeries !== this.nSeries || state.totalPaths !== this.totalPaths) {
      throw new UserError([{ path: '', message: 'this shard comes from a different scenario, path count or version' }], source);
    }
    for (const c of state.chunks) {
      if (this.present[c]) throw new UserError([{ path: '', message: `chunk ${c} is in more than one shard (a shard given twice?)` }], source);
      this.present[c] = 1;
      const at = c * this.nSeries * 3;
      for (let i = at; i < at + this.nSeries * 3; i++) this.moments[i] = state.moments[i]!;
    }
    state.sketches.forEach((s, i) => this.sketches![i]!.merge(LogBucketSketch.fromState(s)));
    this.shortfallBelow += state.shortfallBelow;
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

  /** Number of values of series s (all paths, or fewer for a filtered series such as a ratio over B > 0). */
  count(s: number): number {
    return this.merged(s).n;
  }

  percentiles(s: number, pct: readonly number[]): number[] {
    if (this.values) {
      const sorted = this.sorted(s);
      return pct.map((q) => (sorted.length > 0 ? quantileSorted(sorted, q / 100) : NaN));
    }
    const sk = this.sketches![s]!;
    return pct.map((q) => (sk.count > 0 ? sk.quantile(q / 100) : NaN));
  }

  /**
   * expectedShortfall at α of series s (stats/risk-measures.ts): exact from the sorted values, or
   * from the sketch with its bound (stats/log-bucket-sketch.ts expectedShortfall).
   */
  expectedShortfall(s: number, alpha: number): Bounded {
    if (this.values) return { value: expectedShortfall(this.sorted(s), alpha), bound: 0 };
    return this.sketches![s]!.expectedShortfall(alpha);
  }

  metric(s: number, pct: readonly number[]): Metric {
    const m = this.merged(s);
    const sd = m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : 0;
    return { mean: m.mean, sd, stderr: m.n > 0 ? sd / Math.sqrt(m.n) : 0, percentiles: keyed(pct, this.percentiles(s, pct)), ci95: keyed2(pct, this.intervals(s, pct)) };
  }

  /** Each percentile's 95 % interval (stats/quantile-interval.ts), as [low, high]. */
  intervals(s: number, pct: readonly number[]): [number, number][] {
    const n = this.count(s);
    if (n === 0) return pct.map(() => [NaN, NaN]);
    const probs = pct.flatMap((q) => quantileIntervalProbabilities(q / 100, n));
    const at = this.percentiles(s, probs.map((p) => p * 100));
    return pct.map((_, i) => [at[2 * i]!, at[2 * i + 1]!]);
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
