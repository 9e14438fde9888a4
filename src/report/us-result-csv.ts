/**
 * A US run's fans as CSV, in the layout of the Norwegian one (report/result-csv.ts): one row per
 * series and age: series, age, then one column per percentile. Series: capital (the account at the
 * start of every saving age, nominal USD); with a payout section also account (IRA + taxable +
 * NUA shares at the start of every age after the retirement age, nominal), spending (after-tax
 * spending of every payout age, start-year dollars) and ranOut (P(run out by that age): the same
 * value in every percentile column). Plain numbers rounded to cents.
 */
import type { UsRunResult } from '../result/us-result.js';

export function usResultCsv(r: UsRunResult): string {
  const keys = r.percentiles.map((p) => `p${p}`);
  const lines = [['series', 'age', ...keys].join(',')];
  const emit = (series: string, ages: number[], fan: Record<string, number[]>) =>
    ages.forEach((age, i) => lines.push([series, String(age), ...keys.map((k) => round(fan[k]![i]!))].join(',')));
  emit('capital', r.fan.ages, r.fan.capital);
  const po = r.payout;
  if (po) {
    emit('account', po.fan.accountAges, po.fan.account);
    emit('spending', po.fan.spendingAges, po.fan.spending);
    po.ranOutByAge.ages.forEach((age, i) => lines.push(['ranOut', String(age), ...keys.map(() => String(po.ranOutByAge.probability[i]))].join(',')));
  }
  return `${lines.join('\n')}\n`;
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}
