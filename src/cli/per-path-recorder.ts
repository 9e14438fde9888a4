/**
 * Keeps each path's headline outcomes (32 bytes a path) from the chunk outputs, placed by path
 * number, for `pensim run --per-path FILE` (research; and `pensim trace` checks against it).
 */
import { SCALAR_SERIES } from '../plan/simulation-plan.js';

export class PerPathRecorder {
  private readonly values: Float64Array;

  constructor(private readonly paths: number) {
    this.values = new Float64Array(paths * SCALAR_SERIES.length);
  }

  readonly add = (first: number, paths: number, series: Float64Array): void => {
    for (let s = 0; s < SCALAR_SERIES.length; s++) {
      for (let p = 0; p < paths; p++) this.values[(first + p) * SCALAR_SERIES.length + s] = series[s * paths + p]!;
    }
  };

  /** CSV with full float precision (shortest round-trip form), so values compare exactly; an optional first comment line. */
  csv(comment?: string): string {
    const n = SCALAR_SERIES.length;
    const lines = comment === undefined ? [] : [`# ${comment}`];
    lines.push(['path', ...SCALAR_SERIES].join(','));
    for (let p = 0; p < this.paths; p++) {
      const row = [String(p)];
      for (let s = 0; s < n; s++) row.push(String(this.values[p * n + s]));
      lines.push(row.join(','));
    }
    return `${lines.join('\n')}\n`;
  }
}
