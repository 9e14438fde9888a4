/**
 * The fans as CSV: one row per series and age: series (capital | payoutGross | payoutNet), age,
 * then one column per percentile. Plain numbers (no grouping) rounded to øre, for spreadsheets.
 * Amounts are nominal unless the first line is a "# amounts in real …" comment (--real): the
 * nominal file keeps its plain header first, as spreadsheets and older readers expect.
 */
import type { SimulationResult } from '../engine/simulation-result.js';
import { describeBasis, NOMINAL, type AmountBasis } from './amount-basis.js';

export function resultCsv(r: SimulationResult, basis: AmountBasis = NOMINAL): string {
  const keys = r.percentiles.map((p) => `p${p}`);
  const lines = basis.kind === 'nominal' ? [] : [`# amounts in ${describeBasis(basis, r.currency)}`];
  lines.push(['series', 'age', ...keys].join(','));
  const emit = (series: string, ages: number[], fan: Record<string, number[]>) =>
    ages.forEach((age, i) => lines.push([series, String(age), ...keys.map((k) => round2(fan[k]![i]!))].join(',')));
  emit('capital', r.fan.ages, r.fan.capital);
  emit('payoutGross', r.payoutFan.ages, r.payoutFan.gross);
  emit('payoutNet', r.payoutFan.ages, r.payoutFan.net);
  return `${lines.join('\n')}\n`;
}

function round2(x: number): string {
  return String(Math.round(x * 100) / 100);
}
