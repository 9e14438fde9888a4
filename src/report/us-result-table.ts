/** A US run as a plain-text table, en-US numbers in USD (nominal, or in the basis it was converted to): the outcomes' percentiles, then the fan by age. */
import type { UsRunResult } from '../result/us-result.js';
import { basisLabel, NOMINAL, type AmountBasis } from './amount-basis.js';
import { currencyFormat } from './currency-format.js';
import { usPayoutTable } from './us-payout-table.js';

export function usResultTable(r: UsRunResult, basis: AmountBasis = NOMINAL): string {
  const f = currencyFormat('USD');
  const keys = r.percentiles.map((p) => `p${p}`);
  const rows: string[][] = [['USD', 'mean', ...keys]];
  const labels: [keyof UsRunResult['metrics'], string, boolean][] = [
    ['capitalAtRetirement', `account at ${r.ages.retirement} (pre-tax)`, false],
    ['afterTaxRollover', 'after tax, IRA rollover', false],
    ['afterTaxNua', 'after tax, NUA', false],
    ['afterTaxBest', 'after tax, the better', false],
    ['deferrals', 'deferrals paid in', false],
    ['employerMoney', 'employer money paid in', false],
    ['forfeited', 'forfeited on leaving', false],
    ['employerStockValue', 'company stock at retirement', false],
    ['employerStockShare', 'company stock share', true],
  ];
  for (const [key, label, share] of labels) {
    const m = r.metrics[key];
    if (!m) continue;
    const fmt = (x: number) => (share ? f.percent(x) : f.money(x));
    rows.push([label, fmt(m.mean), ...keys.map((k) => fmt(m.percentiles[k]!))]);
  }
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((row) => row[j]!.length)));
  const line = (row: string[]) => row.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  let out = `${r.scenario.name ?? r.plan} (${r.plan}): ${f.amount(r.paths)} paths, seed ${r.seed}, ages ${r.ages.start}–${r.ages.retirement}; ${basisLabel(basis, 'USD')}\n\n${rows.map(line).join('\n')}\n`;
  if (r.metrics.defaulted) out += `\nP(employer defaults before retirement) = ${f.percent(r.metrics.defaulted.mean)}\n`;
  if (r.shortfall) out += `P(account < ${f.money(r.shortfall.targetWealth)}${basis.kind === 'nominal' ? '' : ' nominal'}) = ${f.percent(r.shortfall.probability)} (± ${f.percent(r.shortfall.stderr, 2)})\n`;
  if (r.payout) out += usPayoutTable(r.payout, r.percentiles);
  return out;
}
