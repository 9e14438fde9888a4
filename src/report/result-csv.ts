/**
 * The fans as CSV: one row per series and age: series (capital | payoutGross | payoutNet), age,
 * then one column per percentile. With disability, rows "disabled:<metric>" and "notDisabled:<metric>"
 * follow (result/disability-split.ts): the payout-start amounts at the payout start age, the income
 * while disabled, its ratio to pay and a drawn degree with the age left empty (each path's own
 * onset); then each group's fans by age, "disabled:capital", "notDisabled:capital",
 * "disabled:payoutGross", "notDisabled:payoutGross". Plain numbers (no grouping) rounded to øre (in G: to 4 decimals),
 * for spreadsheets. Amounts are nominal unless the first line is a "# amounts in …" comment (--real, --amounts g): the
 * nominal file keeps its plain header first, as spreadsheets and older readers expect.
 */
import type { SimulationResult } from '../result/simulation-result.js';
import { describeBasis, isInG, NOMINAL, type AmountBasis } from './amount-basis.js';

/** Places kept in the CSV: øre for money; for G four (0.0001 G is about 14 NOK), so a spreadsheet can convert back. */
const G_CSV_DECIMALS = 4;

export function resultCsv(r: SimulationResult, basis: AmountBasis = NOMINAL): string {
  const places = isInG(basis) ? G_CSV_DECIMALS : 2;
  const keys = r.percentiles.map((p) => `p${p}`);
  const lines = basis.kind === 'nominal' ? [] : [`# amounts in ${describeBasis(basis, r.currency)}`];
  lines.push(['series', 'age', ...keys].join(','));
  const emit = (series: string, ages: number[], fan: Record<string, number[]>) =>
    ages.forEach((age, i) => lines.push([series, String(age), ...keys.map((k) => round(fan[k]![i]!, places))].join(',')));
  emit('capital', r.fan.ages, r.fan.capital);
  emit('payoutGross', r.payoutFan.ages, r.payoutFan.gross);
  emit('payoutNet', r.payoutFan.ages, r.payoutFan.net);
  const d = r.disability;
  const groups = [['disabled', d?.disabled], ['notDisabled', d?.others]] as const;
  for (const [group, g] of groups) {
    for (const [name, m] of Object.entries(g?.metrics ?? {})) {
      const atOnset = name === 'disabilityIncome' || name === 'disabilityIncomeRatio' || name === 'disabilityDegree';
      const ratio = name === 'disabilityIncomeRatio' || name === 'disabilityDegree';
      lines.push([`${group}:${name}`, atOnset ? '' : String(r.ages.payoutStart), ...keys.map((k) => round(m.percentiles[k]!, ratio ? 6 : places))].join(','));
    }
  }
  // Each group's capital and gross payout fans by age (absent in a result converted by per-path indices).
  for (const [group, g] of groups) if (g?.fan) emit(`${group}:capital`, g.fan.ages, g.fan.capital);
  for (const [group, g] of groups) if (g?.payoutFan) emit(`${group}:payoutGross`, g.payoutFan.ages, g.payoutFan.gross);
  return `${lines.join('\n')}\n`;
}

function round(x: number, places: number): string {
  const scale = 10 ** places;
  return String(Math.round(x * scale) / scale);
}
