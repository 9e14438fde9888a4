/**
 * Resource limits, checked before a run starts so that a typo (an extra zero in --paths, a grid
 * of 0..1 in steps of 0.001 twice) is refused with the limit named instead of running for hours
 * or exhausting memory. Each is lifted by `allowLarge` (the CLI's --allow-large).
 *
 * - MAX_PATH_YEARS bounds the work: paths × simulated years (a sweep: × cells). 10⁹ path-years is
 *   20 000 000 paths of a 50-year life, minutes to hours on a laptop.
 * - MAX_EXACT_BYTES bounds the memory of exact percentiles, which keep 8 bytes per path and series
 *   (collect-series.ts); the sketch method's memory does not grow with the paths.
 */
import { UserError } from '../base/user-error.js';

export const MAX_PATH_YEARS = 1_000_000_000;
export const MAX_EXACT_BYTES = 2 ** 30;

export interface RunSize {
  paths: number;
  /** Simulated years of one path (saving and payout). */
  years: number;
  /** Per-path series kept (exact percentiles keep all of them). */
  series: number;
  method: 'exact' | 'sketch';
  /** Runs of the same size (sweep cells); 1 for a single run. */
  runs?: number;
}

const OVERRIDE = 'give --allow-large to run it anyway (library: allowLarge: true)';

/** Throws a UserError naming the limit when the run is above one (and allowLarge is not set). */
export function checkRunSize(size: RunSize, allowLarge = false): void {
  if (allowLarge) return;
  const runs = size.runs ?? 1;
  const work = size.paths * size.years * runs;
  if (work > MAX_PATH_YEARS) {
    const of = runs > 1 ? `${runs} cells × ${size.paths} paths × ${size.years} years` : `${size.paths} paths × ${size.years} years`;
    throw new UserError([
      { path: 'paths', message: `${of} = ${work.toExponential(2)} path-years is above the limit of ${MAX_PATH_YEARS.toExponential(0)} path-years (MAX_PATH_YEARS); lower the paths, or ${OVERRIDE}` },
    ]);
  }
  const bytes = size.paths * size.series * 8;
  if (size.method === 'exact' && bytes > MAX_EXACT_BYTES) {
    throw new UserError([
      {
        path: 'percentileMethod',
        message: `exact percentiles of ${size.paths} paths keep ${(bytes / 2 ** 20).toFixed(0)} MiB (${size.series} series × 8 bytes a path), above the limit of ${MAX_EXACT_BYTES / 2 ** 20} MiB (MAX_EXACT_BYTES); use --percentile-method sketch (fixed memory), or ${OVERRIDE}`,
      },
    ]);
  }
}
