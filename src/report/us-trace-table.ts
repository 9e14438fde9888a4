/** The ledger of one US path (engine/trace-path.ts) as a table, in USD. */
import type { UsPathTrace } from '../engine/trace-path.js';
import { alignColumns, formatMoney, formatPercent } from './format-number.js';

export function usTraceTable(t: UsPathTrace): string {
  const m = formatMoney;
  const withStock = t.rows.some((r) => r.stockReturn !== null || r.stockEnd > 0);
  const rows = [
    ['year', 'age', 'employer', 'pay', 'deferral', 'match', 'nonelective', 'fund return', ...(withStock ? ['stock return', 'diversified'] : []), 'fees', 'forfeited', 'funds end', ...(withStock ? ['stock end'] : []), 'event'],
    ...t.rows.map((r) => [
      String(r.year),
      String(r.age),
      !r.employed ? 'none' : r.atOriginal ? 'original' : 'new',
      m(r.pay),
      m(r.deferral),
      `${m(r.match)}${r.matchInStock && r.match > 0 ? ' (stock)' : ''}`,
      m(r.nonelective),
      formatPercent(r.fundReturn, 2),
      ...(withStock ? [r.stockReturn === null ? '' : formatPercent(r.stockReturn, 2), m(r.diversified)] : []),
      m(r.fees),
      m(r.forfeited),
      m(r.fundsEnd),
      ...(withStock ? [m(r.stockEnd)] : []),
      events(r),
    ]),
  ];
  const o = t.outputs;
  return (
    `Path ${t.path} (seed ${t.seed}) of the ${t.plan} plan, exactly as the run simulated it; amounts in nominal USD, at each year end.\n\n` +
    `${alignColumns(rows)}\n\n` +
    `At retirement: account ${m(o.terminalWealth)} (company stock ${m(o.employerStockValue)}, ${formatPercent(o.employerStockShare)}); ` +
    `after tax ${m(o.afterTaxBest)} (rollover ${m(o.afterTaxRollover)}, NUA ${m(o.afterTaxNua)}); forfeited ${m(o.forfeited)} in all.\n`
  );
}

function events(r: UsPathTrace['rows'][number]): string {
  const out: string[] = [];
  if (r.defaulted) out.push('stock defaulted');
  if (r.jobLost) out.push('job lost with it');
  else if (r.left) out.push('left the employer');
  return out.join('; ');
}

export function usTraceJson(t: UsPathTrace): string {
  return `${JSON.stringify(t, null, 2)}\n`;
}
