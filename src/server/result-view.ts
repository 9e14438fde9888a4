/**
 * What the page shows of a finished run, in the amounts asked for (today's money by default):
 * the summary sentence, the capital and payout fans and the distribution as SVG (the report's own
 * builders, so the page and the HTML/PDF reports draw the same thing), and the percentile table
 * with each value unrounded beside its formatted text (the browser test checks them against the
 * CLI's JSON).
 */
import { amountBasis } from '../report/amount-basis-of.js';
import type { Amounts } from '../report/amounts-choices.js';
import { describeBasis } from '../report/amount-basis.js';
import { disabilityRows, disabilitySentence } from '../report/disability-rows.js';
import { capitalFanSvg } from '../report/capital-fan-svg.js';
import { payoutFanSvg } from '../report/payout-fan-svg.js';
import { pensionDistributionSvg } from '../report/pension-distribution-svg.js';
import { percentileKeys, percentileName, reportView, type ReportView } from '../report/report-view.js';
import { summarySentence } from '../report/summary-sentence.js';
import type { StoredRun } from './result-store.js';

export const METRIC_ROWS = [
  ['capitalAtRetirement', 'Capital at the payout start', 'money'],
  ['payoutGross', 'First yearly payout, before tax', 'money'],
  ['payoutNet', 'First yearly payout, after tax', 'money'],
  ['replacementRatio', 'Replacement ratio (first payout ÷ pay at the payout start)', 'ratio'],
  ['folketrygdPension', 'Folketrygd pension', 'money'],
  ['totalPension', 'Total pension with the folketrygd, before tax', 'money'],
  ['totalReplacementRatio', 'Total replacement ratio', 'ratio'],
] as const;

export interface ViewRow {
  metric: string;
  label: string;
  cells: { stat: string; value: number; text: string }[];
}

export interface ResultViewJson {
  id: string;
  amounts: Amounts;
  basis: string;
  summary: string;
  paths: number;
  seed: number;
  columns: { stat: string; name: string }[];
  rows: ViewRow[];
  shortfall: string | null;
  charts: { capital: string; payout: string; distribution: string };
}

export function viewOf(run: StoredRun, amounts: Amounts): ReportView {
  return reportView(run.result, amountBasis(run.scenario, run.result, amounts));
}

export function resultView(run: StoredRun, amounts: Amounts): ResultViewJson {
  const view = viewOf(run, amounts);
  const r = view.result;
  const keys = percentileKeys(view);
  const rows: ViewRow[] = METRIC_ROWS.flatMap(([metric, label, kind]) => {
    const m = r.metrics[metric];
    if (!m) return [];
    const show = (v: number) => (kind === 'money' ? view.format.value(v) : view.format.percent(v));
    return [{ metric, label, cells: [{ stat: 'mean', value: m.mean, text: show(m.mean) }, ...keys.map((k) => ({ stat: k, value: m.percentiles[k]!, text: show(m.percentiles[k]!) }))] }];
  });
  // With disability: the groups' rows after the headline ones (report/disability-rows.ts), keyed "disability:<n>".
  if (r.disability) {
    disabilityRows(r.disability, view.format.unit).forEach((row, i) => {
      const show = (v: number) => (row.kind === 'money' ? view.format.value(v) : view.format.percent(v));
      const m = row.metric;
      rows.push({ metric: `disability:${i}`, label: row.label, cells: [{ stat: 'mean', value: m.mean, text: show(m.mean) }, ...keys.map((k) => ({ stat: k, value: m.percentiles[k]!, text: show(m.percentiles[k]!) }))] });
    });
  }
  const s = r.shortfall;
  return {
    id: run.id,
    amounts,
    basis: `Amounts in ${describeBasis(view.basis, r.currency)}.`,
    summary: summarySentence(view),
    paths: r.paths,
    seed: r.seed,
    columns: [{ stat: 'mean', name: 'mean' }, ...keys.map((k) => ({ stat: k, name: percentileName(view, k) }))],
    rows,
    shortfall: [
      s ? `P(${s.of === 'totalReplacementRatio' ? 'total replacement ratio' : 'replacement ratio'} < ${view.format.percent(s.targetReplacementRatio)}) = ${view.format.percent(s.probability)}` : null,
      r.disability ? disabilitySentence(r.disability, r.paths) : null,
    ]
      .filter((x) => x !== null)
      .join(' ') || null,
    charts: { capital: capitalFanSvg(view), payout: payoutFanSvg(view), distribution: pensionDistributionSvg(view) },
  };
}
