/**
 * What the page shows of a finished run of any plan kind, in the amounts asked for (today's money by default):
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
import { usAmountBasis } from '../report/us-amount-basis.js';
import { usAccountFanSvg, usRanOutSvg, usReport, usSpendingFanSvg, usStockShareFanSvg } from '../report/us-client-report.js';
import { usReportView, type UsReportView } from '../report/us-report-view.js';

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
  /** The plan family: the page shows its fields and charts. */
  kind: 'norway' | 'us';
  /** SVG charts; a chart the run has not is the empty string (US: payout is the spending fan and distribution the chance of running out, both with payout years only; stock needs company stock). */
  charts: { capital: string; payout: string; distribution: string; stock: string };
}

type NorwayRun = Extract<StoredRun, { kind: 'norway' }>;
type UsRun = Extract<StoredRun, { kind: 'us' }>;

export function viewOf(run: NorwayRun, amounts: Amounts): ReportView {
  return reportView(run.result, amountBasis(run.scenario, run.result, amounts));
}

/** A US run's view in the amounts asked for; G is refused (a UserError naming "amounts"). */
export function usViewOf(run: UsRun, amounts: Amounts): UsReportView {
  return usReportView(run.scenario, run.result, usAmountBasis(run.scenario, amounts, 'amounts'));
}

export function resultView(run: StoredRun, amounts: Amounts): ResultViewJson {
  return run.kind === 'us' ? usResultView(run, amounts) : norwayResultView(run, amounts);
}

/** A US run through its plan kind's ClientReport (report/us-client-report.ts): the rows, summary and notes the reports show. */
function usResultView(run: UsRun, amounts: Amounts): ResultViewJson {
  const view = usViewOf(run, amounts);
  const c = usReport({ scenario: run.scenario, view, runDate: run.runDate });
  const shortfall = c.notes.find((n) => n.id === 'shortfall');
  const choice = c.notes.filter((n) => n.id === 'running-out' || n.id === 'rollover-nua' || n.id === 'nua-over-retirement').map((n) => n.text).join(' ');
  return {
    id: run.id,
    amounts,
    basis: c.basis.text,
    summary: c.summary,
    paths: c.paths,
    seed: c.seed,
    columns: [{ stat: 'mean', name: 'mean' }, ...c.columns.map((k) => ({ stat: k.key, name: k.name }))],
    rows: c.rows.map((row) => {
      const show = (v: number) => (row.kind === 'money' ? c.format.value(v) : c.format.percent(v));
      return { metric: row.id, label: row.label, cells: [{ stat: 'mean', value: row.metric.mean, text: show(row.metric.mean) }, ...c.columns.map((k) => ({ stat: k.key, value: row.metric.percentiles[k.key]!, text: show(row.metric.percentiles[k.key]!) }))] };
    }),
    shortfall: [choice, shortfall && shortfall.attrs['data-shortfall'] !== 'none' ? shortfall.text : undefined].filter(Boolean).join(' ') || null,
    kind: 'us',
    charts: { capital: usAccountFanSvg(view), payout: usSpendingFanSvg(view) ?? '', distribution: usRanOutSvg(view) ?? '', stock: usStockShareFanSvg(view) ?? '' },
  };
}

function norwayResultView(run: NorwayRun, amounts: Amounts): ResultViewJson {
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
    kind: 'norway',
    charts: { capital: capitalFanSvg(view), payout: payoutFanSvg(view), distribution: pensionDistributionSvg(view), stock: '' },
  };
}
