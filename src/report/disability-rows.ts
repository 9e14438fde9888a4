/**
 * The disability block of a run (result/disability-split.ts) as report rows: the outcomes of the
 * disabled and of the others side by side, the income while disabled and its ratio to pay, what
 * the premium waiver added to the capital, and a drawn degree. Shared by the text table and the HTML report.
 */
import type { DisabilityResult } from '../result/disability-split.js';
import type { Metric } from '../result/simulation-result.js';
import { formatPercent } from './format-number.js';

export type RowKind = 'money' | 'percent';

export interface DisabilityRow {
  label: string;
  kind: RowKind;
  metric: Metric;
}

const GROUP_ROWS: [string, string, RowKind][] = [
  ['capitalAtRetirement', 'Capital at payout start', 'money'],
  ['payoutGross', 'First yearly payout, gross', 'money'],
  ['totalPension', 'Total pension, gross', 'money'],
];
const DISABLED_ROWS: [string, string, RowKind][] = [
  ['disabilityIncome', 'Income while disabled (uføretrygd + disability pension, a year)', 'money'],
  ['disabilityIncomeRatio', 'Income while disabled / pay at disability', 'percent'],
  ['waiverGain', 'Added by the premium waiver to the capital at payout start', 'money'],
  ['disabilityDegree', 'Degree (uføregrad), drawn per path', 'percent'],
];

/** The rows present in the block (a group without paths, or a metric a unit conversion left out, has none). */
export function disabilityRows(d: DisabilityResult, currency: string): DisabilityRow[] {
  const rows: DisabilityRow[] = [];
  const unit = (kind: RowKind) => (kind === 'money' ? ` (${currency})` : '');
  for (const [key, label, kind] of GROUP_ROWS) {
    const a = d.disabled?.metrics[key];
    const b = d.others?.metrics[key];
    if (a) rows.push({ label: `${label}${unit(kind)}, disabled before 67`, kind, metric: a });
    if (b) rows.push({ label: `${label}${unit(kind)}, not disabled`, kind, metric: b });
  }
  for (const [key, label, kind] of DISABLED_ROWS) {
    const m = d.disabled?.metrics[key];
    if (m) rows.push({ label: `${label}${unit(kind)}`, kind, metric: m });
  }
  return rows;
}

/** "Probability of disability before 67: 45.5 % (standard error 0.35 %; 9 096 of 20 000 paths)." */
export function disabilitySentence(d: DisabilityResult, paths: number): string {
  return `Probability of disability before 67: ${formatPercent(d.probability)} (standard error ${formatPercent(d.stderr, 2)}; ${d.disabled?.paths ?? 0} of ${paths} paths).`;
}
