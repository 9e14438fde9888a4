/**
 * Summary of one per-path series: moments and percentiles, computed from all samples
 * (exact order statistics: 8 bytes a path are kept; no sketch, so no approximation error).
 */
import { moments, type Moments } from './moments.js';
import { quantileSorted } from './quantile-sorted.js';

export interface SeriesSummary extends Moments {
  /** Values at the requested percentiles, in their order. */
  percentiles: number[];
}

export function summarizeSeries(values: Float64Array, percentiles: readonly number[]): SeriesSummary {
  const sorted = Float64Array.from(values).sort();
  return { ...moments(values), percentiles: percentiles.map((q) => quantileSorted(sorted, q / 100)) };
}

/** Only the percentiles (for fans, where the moments are not reported). */
export function percentilesOf(values: Float64Array, percentiles: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return percentiles.map((q) => quantileSorted(sorted, q / 100));
}
