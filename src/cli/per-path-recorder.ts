/**
 * Keeps each path's headline outcomes (8 bytes a path and column) from the chunk outputs, placed
 * by path number, for `pensim run --per-path FILE` (research; and `pensim trace` checks against
 * it). The columns are the pricer's first series: Norway SCALAR_SERIES, the US US_SERIES.
 */
import { SCALAR_SERIES } from '../plan/simulation-plan.js';

export class PerPathRecorder {
  private readonly values: Float64Array;

  constructor(
    private readonly paths: number,
    private readonly columns: readonly string[] = SCALAR_SERIES,
  ) {
    this.values = new Float64Array(paths * columns.length);
  }

  readonly add = (first: number, paths: number, series: Float64Array): void => {
    const n = this.columns.length;
    for (let s = 0; s < n; s++) {
      for (let p = 0; p < paths; p++) this.values[(first + p) * n + s] = series[s * paths + p]!;
    }
  };

  /** CSV with full float precision (shortest round-trip form), so values compare exactly; an optional first comment line. */
  csv(comment?: string): string {
    const n = this.columns.length;
    const lines = comment === undefined ? [] : [`# ${comment}`];
    lines.push(['path', ...this.columns].join(','));
    for (let p = 0; p < this.paths; p++) {
      const row = [String(p)];
      for (let s = 0; s < n; s++) row.push(String(this.values[p * n + s]));
      lines.push(row.join(','));
    }
    return `${lines.join('\n')}\n`;
  }
}
