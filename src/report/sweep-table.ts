/**
 * `pensim sweep` output: one row per grid cell with its grid values and chosen metrics — as an
 * aligned table (amounts in whole units, ratios in percent), as CSV (full float precision, for
 * analysis), or as JSON (the SweepResult).
 * Example (table): a cell with weight 0.5, an amount 2953869.4 and a ratio 0.21314 prints "0.5  2 953 869  21.31 %".
 */
import type { SweepResult } from '../studies/sweep.js';
import { alignColumns, formatAmount, formatMoney, formatPercent } from './format-number.js';

export function sweepTable(s: SweepResult): string {
  const header = [...s.grid.map((g) => g.key), ...s.metrics.map((m) => m.name)];
  const rows = s.rows.map((r) => [
    ...s.grid.map((g) => String(r.cell[g.key])),
    ...s.metrics.map((m) => {
      const v = r.values[m.name];
      return v === null || v === undefined ? '–' : m.kind === 'ratio' ? formatPercent(v, 2) : m.kind === 'value' ? formatAmount(v, 3) : formatMoney(v);
    }),
  ]);
  return (
    `pensim ${s.pensim} · sweep of ${s.scenario.name ?? 'scenario'} · ${s.rows.length} cells · seed ${s.seed} (the same for every cell) · ${s.paths} paths each\n\n` +
    `${alignColumns([header, ...rows])}\n`
  );
}

export function sweepCsv(s: SweepResult): string {
  const header = [...s.grid.map((g) => g.key), ...s.metrics.map((m) => m.name)];
  const lines = [header.map(csvCell).join(',')];
  for (const r of s.rows) {
    lines.push([...s.grid.map((g) => csvCell(String(r.cell[g.key]))), ...s.metrics.map((m) => String(r.values[m.name] ?? ''))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function sweepJson(s: SweepResult): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
