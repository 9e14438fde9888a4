/**
 * Number formatting for reports: money rounded half-up to whole units (via decimal.js, so 0.5
 * always rounds up, unlike binary floats), thousands grouped by spaces as in Norwegian usage.
 * Example: formatMoney(3112899.4) = "3 112 899"; formatPercent(0.3162) = "31.6 %".
 */
import { Decimal } from 'decimal.js';

export function formatMoney(x: number | Decimal): string {
  return formatAmount(x, 0);
}

/** An amount half-up to `decimals` places, the whole part grouped: formatAmount(1234.5678, 2) = "1 234.57". */
export function formatAmount(x: number | Decimal, decimals: number): string {
  const d = x instanceof Decimal ? x : new Decimal(x);
  const rounded = d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const [whole, fraction] = rounded.abs().toFixed(decimals).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') + (fraction === undefined ? '' : `.${fraction}`);
  return rounded.isNegative() && !rounded.isZero() ? `-${grouped}` : grouped;
}

export function formatPercent(x: number, decimals = 1): string {
  return `${(x * 100).toFixed(decimals)} %`;
}

/** Right-aligned columns: rows of cells, the first column left-aligned. */
export function alignColumns(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
