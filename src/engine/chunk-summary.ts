/**
 * What the collector needs of one chunk, computed where the chunk ran (a worker, or inline): the
 * (n, mean, M2) of every series, the number of paths short of the target, and (sketch method)
 * every value added to a sketch per series. The coordinating thread then only merges: building
 * these on it made it the run's bottleneck on two cores. It knows nothing of plans: a series is
 * a column of per-path values, whatever the pricer that wrote it.
 */
import type { LogBucketSketch } from '../stats/log-bucket-sketch.js';
import { momentFromSums, momentState, type MomentState } from '../stats/merge-moments.js';

export interface ChunkSummary {
  /** (n, mean, M2) of each series, series-major: series s at 3s, 3s + 1, 3s + 2. */
  moments: Float64Array;
  /** Paths whose shortfall series fell below the target (0 without a target). */
  shortfallBelow: number;
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

/**
 * Summarise a chunk's per-path output: `nSeries` series of `lengths[s]` values each (all `stride`
 * when lengths is absent) at s · stride. With `sketches` (one per series), each series' values
 * are also added to its sketch (only the series `sketched` marks, when given).
 */
export function summarizeChunk(
  nSeries: number,
  shortfall: ShortfallSpec | undefined,
  series: Float64Array,
  stride: number,
  sketches: LogBucketSketch[] | null,
  lengths?: ArrayLike<number>,
  sketched?: readonly boolean[] | null,
): ChunkSummary {
  return summarizeChunks(nSeries, shortfall, [{ series, paths: stride, lengths }], sketches, sketched)[0]!;
}

/**
 * summarizeChunk for several chunks at once, series by series: a series' sketch then takes the
 * values of every chunk of the group while its buckets are in the cache (a chunk at a time, the
 * sketches of a run's hundred-odd series are fetched again for every chunk: that was half the
 * cost of the reduction). Each chunk's moments are its own, computed as summarizeChunk computes
 * them, and the sketch counts are order-free, so the result is the same to the bit.
 */
export function summarizeChunks(
  nSeries: number,
  shortfall: ShortfallSpec | undefined,
  chunks: readonly ChunkColumns[],
  sketches: LogBucketSketch[] | null,
  sketched?: readonly boolean[] | null,
): ChunkSummary[] {
  const moments = chunks.map(() => new Float64Array(nSeries * 3));
  const sums = new Float64Array(3);
  for (let s = 0; s < nSeries; s++) {
    for (let c = 0; c < chunks.length; c++) {
      const { series, paths: stride, lengths } = chunks[c]!;
      const from = s * stride;
      const n = lengths ? lengths[s]! : stride;
      let m: MomentState;
      if (sketches && n > 0 && (!sketched || sketched[s])) {
        // One pass for the sketch and the shifted sums: the same sums, in the same order, as momentState.
        sums[0] = series[from]!;
        sums[1] = 0;
        sums[2] = 0;
        sketches[s]!.addAll(series, from, from + n, sums);
        m = momentFromSums(n, sums[0]!, sums[1]!, sums[2]!);
      } else {
        m = momentState(series, from, from + n);
      }
      moments[c]![3 * s] = m.n;
      moments[c]![3 * s + 1] = m.mean;
      moments[c]![3 * s + 2] = m.m2;
    }
  }
  return chunks.map(({ series, paths: stride }, c) => {
    let shortfallBelow = 0;
    if (shortfall !== undefined) {
      const at = shortfall.series * stride;
      for (let i = at; i < at + stride; i++) if (series[i]! < shortfall.target) shortfallBelow++;
    }
    return { moments: moments[c]!, shortfallBelow };
  });
}
