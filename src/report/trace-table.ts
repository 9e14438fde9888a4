/** `pensim trace` output: one path's years as a table, or JSON. */
import type { PathTrace } from '../engine/trace-path.js';
import { alignColumns, formatMoney, formatPercent } from './format-number.js';
import { traceMarketColumns } from './trace-market-columns.js';

export function traceTable(t: PathTrace, currency: string): string {
  const m = formatMoney;
  const market = traceMarketColumns(t);
  // The folketrygd pension, when the run models it (its tax base lies under the payout's).
  const ft = t.rows.some((r) => r.folketrygd > 0);
  const rows = [
    ['year', 'age', 'phase', 'salary', 'G', 'contribution', 'return', 'fees', 'payout', 'tax', ...(ft ? ['folketrygd'] : []), 'capital end', ...market.header],
    ...t.rows.map((r) => [
      String(r.year),
      String(r.age),
      r.phase,
      m(r.salary),
      m(r.g),
      m(r.contribution),
      formatPercent(r.portfolioReturn, 2),
      m(r.fees),
      m(r.payout),
      m(r.tax),
      ...(ft ? [m(r.folketrygd)] : []),
      m(r.capitalEnd),
      ...market.cells(r),
    ]),
  ];
  const o = t.outputs;
  return (
    `Path ${t.path} (seed ${t.seed}), exactly as the run simulated it; amounts in nominal ${currency}.\n\n` +
    `${alignColumns(rows)}\n\n` +
    `Capital at payout start ${m(o.capitalAtRetirement)}; first payout ${m(o.payoutGross)} gross, ${m(o.payoutNet)} net; ` +
    `replacement ratio ${formatPercent(o.replacementRatio)}.\n`
  );
}

export function traceJson(t: PathTrace): string {
  return `${JSON.stringify(t, null, 2)}\n`;
}
