/**
 * Gathers chunk outputs into per-series statistics, so the result does not depend on the order
 * in which workers finish:
 * - moments: (n, mean, M2) per chunk and series, merged in chunk order at the end;
 * - percentiles: either exact (every value kept at its path's offset: 8 bytes a path a series)
 *   or a LogBucketSketch (fixed memory, relative error ≤ 0.025 %, exactly mergeable).
 * The state of a subset of chunks can be saved and merged (shards).
 */
import { fanOffset, SCALAR_SERIES, seriesCount, type SimulationPlan } from '../plan/simulation-plan.js';
import type { Scenario } from '../scenario/schema.js';
import { UserError } from '../scenario/user-error.js';
import { LogBucketSketch, type SketchState } from '../stats/log-bucket-sketch.js';
import { mergeMoments, type MomentState } from '../stats/merge-moments.js';
import { quantileSorted } from '../stats/quantile-sorted.js';
import { shortfallFromCount } from '../stats/shortfall-probability.js';
import { summarizeChunk, type ChunkSummary } from './chunk-summary.js';
import { CHUNK_SIZE } from './chunking.js';
import { gResult } from './g-result.js';
import { returnsResult } from './returns-result.js';
import { keyed, type Metric, type SimulationResult } from './simulation-result.js';

export type PercentileMethod = 'exact' | 'sketch';

/** The saved state of the chunks a shard ran (sketch method only: exact values are too large). */
export interface CollectorState {
  nSeries: number;
  totalPaths: number;
  /** (n, mean, M2) for each chunk and series, flattened: chunk-major; NaN where a chunk is absent. */
  moments: number[];
  chunks: number[];
  sketches: SketchState[];
  /** Paths whose replacement ratio fell short of the target (counted exactly). */
  shortfallBelow: number;
}

export class SeriesCollector {
  private readonly nSeries: number;
  private readonly nChunks: number;
  private readonly moments: Float64Array;
  private readonly present: Uint8Array;
  private readonly values: Float64Array[] | null;
  private readonly sketches: LogBucketSketch[] | null;
  /** Paths short of the target replacement ratio, counted exactly in either method. */
  private shortfallBelow = 0;

  constructor(
    private readonly plan: SimulationPlan,
    readonly totalPaths: number,
    readonly method: PercentileMethod,
    readonly shortfallTarget: number | undefined,
  ) {
    this.nSeries = seriesCount(plan);
    this.nChunks = Math.ceil(totalPaths / CHUNK_SIZE);
    this.moments = new Float64Array(this.nChunks * this.nSeries * 3).fill(NaN);
    this.present = new Uint8Array(this.nChunks);
    this.values = method === 'exact' ? Array.from({ length: this.nSeries }, () => new Float64Array(totalPaths)) : null;
    this.sketches = method === 'sketch' ? Array.from({ length: this.nSeries }, () => new LogBucketSketch()) : null;
  }

  /** Summarise a chunk's raw output on this thread and record it (runs summarise where the chunk ran). */
  add(chunk: number, paths: number, data: Float64Array): void {
    this.addSummary(chunk, paths, summarizeChunk(this.plan, this.shortfallTarget, data, paths, this.sketches), data);
  }

  /**
   * Record a chunk summarised where it ran (engine/chunk-summary.ts). Its values must already be
   * in sketchSet (sketch method); exact percentiles copy them from its raw series.
   */
  addSummary(chunk: number, paths: number, summary: ChunkSummary, series: Float64Array | null): void {
    this.present[chunk] = 1;
    this.moments.set(summary.moments, chunk * this.nSeries * 3);
    this.shortfallBelow += summary.shortfallBelow;
    if (this.values) {
      if (!series) throw new Error("exact percentiles need each chunk's series");
      for (let s = 0; s < this.nSeries; s++) this.values[s]!.set(series.subarray(s * paths, (s + 1) * paths), chunk * CHUNK_SIZE);
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

  private merged(s: number): MomentState {
    let acc: MomentState = { n: 0, mean: 0, m2: 0 };
    for (let c = 0; c < this.nChunks; c++) {
      const at = (c * this.nSeries + s) * 3;
      acc = mergeMoments(acc, { n: this.moments[at]!, mean: this.moments[at + 1]!, m2: this.moments[at + 2]! });
    }
    return acc;
  }

  private percentiles(s: number, pct: readonly number[]): number[] {
    if (this.values) {
      const sorted = Float64Array.from(this.values[s]!).sort();
      return pct.map((q) => quantileSorted(sorted, q / 100));
    }
    const sk = this.sketches![s]!;
    return pct.map((q) => sk.quantile(q / 100));
  }

  private metric(s: number, pct: readonly number[]): Metric {
    const m = this.merged(s);
    const sd = m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : 0;
    return { mean: m.mean, sd, stderr: m.n > 0 ? sd / Math.sqrt(m.n) : 0, percentiles: keyed(pct, this.percentiles(s, pct)) };
  }

  result(scenario: Scenario, meta: Pick<SimulationResult, 'pensim' | 'scenario' | 'seed'>): SimulationResult {
    const plan = this.plan;
    const pct = [...scenario.simulation.percentiles].sort((a, b) => a - b);
    const nPayout = plan.nYears - plan.payStart;
    const capitalAt = fanOffset(plan);
    const grossAt = capitalAt + plan.nYears + 1;
    const netAt = grossAt + nPayout;
    const fanOf = (from: number, count: number) => {
      const rows = Array.from({ length: count }, (_, i) => this.percentiles(from + i, pct));
      const out: Record<string, number[]> = {};
      pct.forEach((p, j) => (out[`p${p}`] = rows.map((r) => r[j]!)));
      return out;
    };
    const target = this.shortfallTarget;
    const n = this.totalPaths;
    const payoutStartAge = plan.startAge + plan.payStart;
    return {
      ...meta,
      currency: scenario.currency,
      paths: n,
      chunkSize: CHUNK_SIZE,
      percentileMethod: this.method,
      percentiles: pct,
      ages: {
        start: plan.startAge,
        retirement: plan.startAge + plan.nAccum,
        payoutStart: payoutStartAge,
        payoutEnd: plan.startAge + plan.nYears,
      },
      metrics: {
        capitalAtRetirement: this.metric(0, pct),
        payoutGross: this.metric(1, pct),
        payoutNet: this.metric(2, pct),
        replacementRatio: this.metric(3, pct),
        ...Object.fromEntries(plan.extraSeries.map((name, i) => [name, this.metric(SCALAR_SERIES.length + i, pct)])),
      },
      shortfall:
        target === undefined
          ? null
          : {
              of: plan.extraSeries.includes('totalReplacementRatio') ? 'totalReplacementRatio' : 'replacementRatio',
              targetReplacementRatio: target,
              ...shortfallFromCount(this.shortfallBelow, n),
            },
      fan: {
        ages: Array.from({ length: plan.nYears + 1 }, (_, i) => plan.startAge + i),
        mean: Array.from({ length: plan.nYears + 1 }, (_, i) => this.merged(capitalAt + i).mean),
        capital: fanOf(capitalAt, plan.nYears + 1),
      },
      payoutFan: {
        ages: Array.from({ length: nPayout }, (_, i) => payoutStartAge + i),
        gross: fanOf(grossAt, nPayout),
        net: fanOf(netAt, nPayout),
      },
      ...returnsResult(scenario, plan, { metric: (s) => this.metric(s, pct), mean: (s) => this.merged(s).mean, fan: fanOf }),
      ...gResult(plan, { metric: (s) => this.metric(s, pct), mean: (s) => this.merged(s).mean, fan: fanOf }),
    };
  }
}

