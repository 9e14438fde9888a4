/**
 * Extra `pensim trace` columns for the return models, present only when the traced path has them:
 * the year's regime (regime switching), the historical calendar year replayed (bootstrap), and
 * the year's inflation (inflation model).
 */
import type { PathTrace } from '../engine/trace-path.js';
import { formatPercent } from './format-number.js';

type Row = PathTrace['rows'][number];

export function traceMarketColumns(t: PathTrace): { header: string[]; cells: (r: Row) => string[] } {
  const first = t.rows[0];
  const columns: { name: string; cell: (r: Row) => string }[] = [];
  if (first?.regimeName !== undefined) columns.push({ name: 'regime', cell: (r) => r.regimeName ?? '' });
  if (first?.historyYear !== undefined) columns.push({ name: 'history', cell: (r) => String(r.historyYear ?? '') });
  if (first?.inflation !== undefined) columns.push({ name: 'inflation', cell: (r) => (r.inflation === undefined ? '' : formatPercent(r.inflation, 2)) });
  return { header: columns.map((c) => c.name), cells: (r) => columns.map((c) => c.cell(r)) };
}
