/**
 * How a fan chart draws a set of percentiles: each percentile p below 50 whose mirror 100 − p is
 * also chosen makes a band (outermost first, so inner bands are drawn on top); p50 is the median
 * line; any percentile without a mirror (e.g. the PRIIPs stress value p5 beside 10/50/90) is drawn
 * as a dashed line of its own. Nothing is invented: a band is only drawn between two reported values.
 *
 * Example (a test checks it): fanLayout([5, 10, 50, 90]) = bands [p10–p90], median p50, lines [p5].
 */
import { percentileKey } from '../result/simulation-result.js';

export interface FanBand {
  lower: string;
  upper: string;
  /** The share of outcomes inside the band, in percent: upper − lower. */
  coverage: number;
}

export interface FanLayout {
  bands: FanBand[];
  median: string | null;
  lines: string[];
}

const SAME = 1e-9;

export function fanLayout(percentiles: readonly number[]): FanLayout {
  const sorted = [...new Set(percentiles)].sort((a, b) => a - b);
  const paired = new Set<number>();
  const bands: FanBand[] = [];
  for (const p of sorted) {
    if (p >= 50) continue;
    const mirror = sorted.find((q) => Math.abs(q - (100 - p)) < SAME);
    if (mirror === undefined) continue;
    paired.add(p).add(mirror);
    bands.push({ lower: percentileKey(p), upper: percentileKey(mirror), coverage: round(mirror - p) });
  }
  const median = sorted.some((p) => Math.abs(p - 50) < SAME) ? percentileKey(50) : null;
  const lines = sorted.filter((p) => !paired.has(p) && Math.abs(p - 50) >= SAME).map(percentileKey);
  return { bands, median, lines };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
