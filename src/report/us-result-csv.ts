/**
 * A US run's fans as CSV, as result-csv.ts writes the Norwegian ones: one row per series and age,
 * series (account | stockShare), age, then one column per percentile; money rounded to cents,
 * shares to 6 decimals. Amounts are nominal unless the first line is a "# amounts in …" comment.
 * With a payout section the payout years' account (payoutAccount), after-tax spending (spending) and
 * the chance of having run out by age (ranOut, one probability repeated in every column) follow.
 */
import type { UsRunResult } from '../result/us-result.js';
import { describeBasis, NOMINAL, type AmountBasis } from './amount-basis.js';
import { payoutOf } from './us-result-in-basis.js';

/** `spending`: the payout's spending fan in the basis (us-result-in-basis.ts spendingInBasis), when the run has one. */
export function usResultCsv(r: UsRunResult, basis: AmountBasis = NOMINAL, spending?: { spendingAges: number[]; spending: Record<string, number[]> }): string {
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
    if (spending) emit('spending', spending.spendingAges, spending.spending, 2);
    emit('ranOut', payout.ranOutByAge.ages, Object.fromEntries(keys.map((k) => [k, payout.ranOutByAge.probability])), 6);
  }
  return `${lines.join('\n')}\n`;
}

function round(x: number, places: number): string {
  const scale = 10 ** places;
  return String(Math.round(x * scale) / scale);
}
