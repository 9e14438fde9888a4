/**
 * A US run's fans as CSV, as result-csv.ts writes the Norwegian ones: one row per series and age,
 * series (account | stockShare), age, then one column per percentile; money rounded to cents,
 * shares to 6 decimals. Amounts are nominal unless the first line is a "# amounts in …" comment.
 * With a payout section (issue 22) the payout years' account and spending follow.
 */
import type { UsRunResult } from '../result/us-result.js';
import { describeBasis, NOMINAL, type AmountBasis } from './amount-basis.js';
import { payoutOf } from './us-result-in-basis.js';

export function usResultCsv(r: UsRunResult, basis: AmountBasis = NOMINAL, spending?: { ages: number[]; values: Record<string, number[]> }): string {
  const keys = r.percentiles.map((p) => `p${p}`);
  const lines = basis.kind === 'nominal' ? [] : [`# amounts in ${describeBasis(basis, 'USD')}`];
  lines.push(['series', 'age', ...keys].join(','));
  const emit = (series: string, ages: readonly number[], fan: Record<string, number[]>, places: number) =>
    ages.forEach((age, i) => lines.push([series, String(age), ...keys.map((k) => round(fan[k]![i]!, places))].join(',')));
  emit('account', r.fan.ages, r.fan.capital, 2);
  if (r.stockShareFan) emit('stockShare', r.stockShareFan.ages, r.stockShareFan.share, 6);
  const payout = payoutOf(r);
  if (payout) {
    emit('payoutAccount', payout.fan.accountAges, payout.fan.account, 2);
    if (spending) emit('spending', spending.ages, spending.values, 2);
  }
  return `${lines.join('\n')}\n`;
}

function round(x: number, places: number): string {
  const scale = 10 ** places;
  return String(Math.round(x * scale) / scale);
}
