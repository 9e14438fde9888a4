/**
 * What the collector needs of one chunk, computed where the chunk ran (a worker, or inline): the
 * (n, mean, M2) of every series, the number of paths short of the target replacement ratio, and
 * (sketch method) every value added to a sketch per series. The coordinating thread then only
 * merges: building these on it made it the run's bottleneck on two cores.
 */
import { SCALAR_SERIES, seriesCount, type SimulationPlan } from '../plan/simulation-plan.js';
import type { LogBucketSketch } from '../stats/log-bucket-sketch.js';
import { momentFromSums, momentState, type MomentState } from '../stats/merge-moments.js';

export interface ChunkSummary {
  /** (n, mean, M2) of each series, series-major: series s at 3s, 3s + 1, 3s + 2. */
  moments: Float64Array;
  /** Paths whose replacement ratio fell short of the target (0 without a target). */
  shortfallBelow: number;
}

/** The shortfall is of the total replacement ratio when the folketrygd is modelled, else of the DC one. */
export function shortfallSeries(plan: SimulationPlan): number {
  const total = plan.extraSeries.indexOf('totalReplacementRatio');
  return total >= 0 ? SCALAR_SERIES.length + total : SCALAR_SERIES.indexOf('replacementRatio');
}

/**
 * Summarise a chunk's per-path output (kernel/run-chunk.ts layout). With `sketches` (one per
 * series), each series' values are also added to its sketch.
 */
export function summarizeChunk(
  plan: SimulationPlan,
  shortfallTarget: number | undefined,
  series: Float64Array,
  paths: number,
  sketches: LogBucketSketch[] | null,
): ChunkSummary {
  const nSeries = seriesCount(plan);
  const moments = new Float64Array(nSeries * 3);
  const sums = new Float64Array(3);
  for (let s = 0; s < nSeries; s++) {
    const from = s * paths;
    let m: MomentState;
    if (sketches) {
      // One pass for the sketch and the shifted sums: the same sums, in the same order, as momentState.
      sums[0] = series[from]!;
      sums[1] = 0;
      sums[2] = 0;
      sketches[s]!.addAll(series, from, from + paths, sums);
      m = momentFromSums(paths, sums[0]!, sums[1]!, sums[2]!);
    } else {
      m = momentState(series, from, from + paths);
    }
    moments[3 * s] = m.n;
    moments[3 * s + 1] = m.mean;
    moments[3 * s + 2] = m.m2;
  }
  let shortfallBelow = 0;
  if (shortfallTarget !== undefined) {
    const at = shortfallSeries(plan) * paths;
    for (let i = at; i < at + paths; i++) if (series[i]! < shortfallTarget) shortfallBelow++;
  }
  return { moments, shortfallBelow };
}
