/** The comparison as JSON (two-space indentation, a final newline), as `pensim run --format json`. */
import type { Comparison } from '../studies/compare.js';

export function compareJson(c: Comparison): string {
  return `${JSON.stringify(c, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
