/**
 * Figures shared by the US and Norwegian comparisons (both in studies/compare.ts, exact up to 100 000 paths):
 * a distribution (mean, standard error, percentiles) and the paired figures of A against B on
 * common random numbers, path by path: P(A < B), percentiles of A − B and of A / B (over paths with
 * B > 0), and VaR / CVaR of A − B at α.
 */
import { moments } from '../stats/moments.js';
import { quantileSorted } from '../stats/quantile-sorted.js';
import { expectedShortfall, sortedCopy, valueAtRisk } from '../stats/risk-measures.js';

export interface Distribution {
  mean: number;
  stderr: number;
  percentiles: Record<string, number>;
}

export interface PairedFigures {
  a: string;
  b: string;
  probabilityALessThanB: number;
  difference: Distribution;
  ratio: { percentiles: Record<string, number>; paths: number };
  differenceValueAtRisk: number;
  differenceExpectedShortfall: number;
}

export function distribution(x: ArrayLike<number>, percentiles: readonly number[]): Distribution {
  const m = moments(x);
  const sorted = sortedCopy(x);
  return { mean: m.mean, stderr: m.stderr, percentiles: Object.fromEntries(percentiles.map((q) => [`p${q}`, quantileSorted(sorted, q / 100)])) };
}

export function pairedFigures(names: { a: string; b: string }, a: ArrayLike<number>, b: ArrayLike<number>, percentiles: readonly number[], alpha: number): PairedFigures {
  const diff = new Float64Array(a.length);
  const ratio: number[] = [];
  let less = 0;
  for (let p = 0; p < a.length; p++) {
    diff[p] = a[p]! - b[p]!;
    if (a[p]! < b[p]!) less++;
    if (b[p]! > 0) ratio.push(a[p]! / b[p]!);
  }
  const sortedDiff = sortedCopy(diff);
  const sortedRatio = Float64Array.from(ratio).sort();
  return {
    ...names,
    probabilityALessThanB: less / a.length,
    difference: distribution(diff, percentiles),
    ratio: {
      paths: ratio.length,
      percentiles: Object.fromEntries(percentiles.map((q) => [`p${q}`, ratio.length > 0 ? quantileSorted(sortedRatio, q / 100) : NaN])),
    },
    differenceValueAtRisk: valueAtRisk(sortedDiff, alpha),
    differenceExpectedShortfall: expectedShortfall(sortedDiff, alpha),
  };
}
