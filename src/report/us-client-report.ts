/**
 * The US plan kinds' client report (report/client-report.ts): the account fan by age, company
 * stock's share of the account by age (with an employer-stock model), the percentile rows at the
 * retirement age (before tax, after tax by IRA rollover and by NUA, company stock, money paid in),
 * the rollover-or-NUA choice, the chance of the employer's default, the shortfall against the
 * target and the assumptions (us-assumptions.ts), in the amounts of the view.
 */
import type { Metric } from '../result/simulation-result.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { basisLabel, describeBasis } from './amount-basis.js';
import { fanChartSvg, shorten, type FanChart } from './capital-fan-svg.js';
import type { ChartOptions } from './chart-frame.js';
import type { ClientReport, PdfFan, ReportNote, ReportRow } from './client-report.js';
import { errorBarLineSvg } from './error-bar-line-svg.js';
import { distributionSvg } from './pension-distribution-svg.js';
import { spendingInBasis } from './us-result-in-basis.js';
import { usAssumptions } from './us-assumptions.js';
import { usPercentileKeys, usPercentileName, type UsReportView } from './us-report-view.js';
import { usSummarySentence } from './us-summary-sentence.js';

export interface UsReportInput {
  scenario: UsScenario;
  view: UsReportView;
  runDate: string;
}

const NO_HEADING = { heading: false };

type Kind = 'money' | 'ratio';

/** The table's rows: id, HTML label, PDF label, kind; a row shows only when the result has the metric. */
function rowSpecs(retirement: number): [keyof UsReportView['result']['metrics'], string, string, Kind][] {
  return [
    ['capitalAtRetirement', `Account at ${retirement}, before tax`, `Account at ${retirement}, before tax`, 'money'],
    ['afterTaxRollover', 'After tax: everything rolled into an IRA', 'After tax, IRA rollover', 'money'],
    ['afterTaxNua', 'After tax: funds rolled over, company shares taken in kind (NUA)', 'After tax, NUA', 'money'],
    ['afterTaxBest', 'After tax: the better of the two for each outcome', 'After tax, the better', 'money'],
    ['employerStockValue', `Company stock at ${retirement}`, `Company stock at ${retirement}`, 'money'],
    ['employerStockShare', `Company stock's share of the account at ${retirement}`, 'Company stock share', 'ratio'],
    ['deferrals', 'Your deferrals paid in (sum of nominal dollars)', 'Deferrals paid in (nominal)', 'money'],
    ['employerMoney', 'Employer money paid in (sum of nominal dollars)', 'Employer money (nominal)', 'money'],
    ['forfeited', 'Employer money forfeited on leaving (nominal)', 'Forfeited (nominal)', 'money'],
  ];
}

export function usReport({ scenario, view, runDate }: UsReportInput): ClientReport {
  const r = view.result;
  const f = view.format;
  const name = r.scenario.name ?? 'Retirement plan scenario';
  const rows: ReportRow[] = rowSpecs(r.ages.retirement).flatMap(([id, label, short, kind]) => {
    const metric: Metric | undefined = r.metrics[id];
    // Without company stock NUA is the rollover: one row says it.
    if (!metric || (id === 'afterTaxNua' && !r.metrics.employerStockValue)) return [];
    if (id === 'afterTaxBest' && !r.metrics.employerStockValue) return [];
    return [{ id, label, short, kind, metric }];
  });
  const po = r.payout;
  const accountTitle = po ? `Accounts by age, saving and payout to ${po.ages.horizon}` : `Account by age, to ${r.ages.retirement}`;
  const figures = [
    {
      title: accountTitle,
      svg: usAccountFanSvg(view, NO_HEADING),
      note:
        'The bands hold the middle share of outcomes named in the legend; the line is the median. The account (funds and company stock, before tax) is counted at the start of each age.' +
        (po ? ' After the retirement age: the IRA, the taxable account and any NUA shares, for those alive (each outcome is followed to the end).' : ''),
    },
  ];
  if (po) {
    figures.push(
      { title: `Yearly spending after tax, ${po.ages.retirement} to ${po.ages.horizon - 1}`, svg: usSpendingFanSvg(view, NO_HEADING)!, note: spendingNote(view) },
      {
        title: `Spending in the first payout year (age ${po.ages.retirement})`,
        svg: usFirstSpendingSvg(view, NO_HEADING)!,
        note: 'Each dot is a reported percentile of the after-tax spending in the first payout year: that share of outcomes spends less. The lines between dots are straight-line interpolation.',
      },
      { title: `The chance of having run out, by age`, svg: usRanOutSvg(view, NO_HEADING)!, note: 'The share of outcomes whose accounts could not pay the withdrawal policy in full in some year up to that age, for those alive then (death is independent of the markets). The bars are ±1 standard error.' },
    );
  }
  if (r.stockShareFan) {
    figures.push({
      title: "Company stock's share of the account",
      svg: usStockShareFanSvg(view, NO_HEADING)!,
      note: 'The share of the account held in company stock at the start of each age, by percentile of that share. A share that drops to zero in some outcomes is the employer\'s default (or the shares sold by the diversification policy).',
    });
  }
  if (po) rows.push(...payoutRows(view));
  const notes = [payoutNote(view), choiceNote(view), retirementChoiceNote(view), shortfallNote(view)].filter((n): n is ReportNote => n !== null);
  return {
    pensim: r.pensim,
    paths: r.paths,
    seed: r.seed,
    documentTitle: `Retirement outlook: ${name}`,
    name,
    ...(scenario.description && { description: scenario.description }),
    eyebrow: `Retirement outlook · ${planName(r.plan)} · ${f.amount(r.paths)} simulated outcomes · ${runDate}`,
    summary: usSummarySentence(view),
    basis: { kind: view.basis.kind, text: `Amounts in ${describeBasis(view.basis, 'USD')}.` },
    format: f,
    percentiles: r.percentiles,
    columns: usPercentileKeys(view).map((key) => ({ key, name: usPercentileName(view, key) })),
    figures,
    rows,
    tableNote:
      `Standard error of the mean account: ${f.money(r.metrics.capitalAtRetirement.stderr)}. A percentile pN is the amount that N % of outcomes fall below; each row is ranked on its own.` +
      (view.basis.kind === 'nominal' ? '' : ' The money paid in over the years (deferrals, employer money) mixes the dollars of many years: it is shown in the nominal report only.'),
    fanTable: { caption: `The account at the start of every age (${f.unit})`, ...accountFan(view) },
    notes,
    tables: [],
    assumptions: usAssumptions(scenario, view, runDate),
    footer:
      `Made with pensim ${r.pensim}, a Monte Carlo model: ${f.amount(r.paths)} paths of returns, pay${r.metrics.employerStockValue ? ', company stock' : ''} and leaving the employer. ` +
      (r.percentileMethod === 'sketch' ? 'Percentiles come from a fixed-memory sketch (relative error at most 0.025 %). ' : 'Percentiles are exact order statistics of all paths. ') +
      `${taxWords(scenario)} The outcomes depend on the assumptions above; they are not a promise.`,
    pdf: {
      title: `Retirement outlook: ${r.scenario.name ?? 'scenario'}`,
      fan: {
        title: accountTitle,
        ...accountFan(view),
        markers: [{ id: 'retirement', age: r.ages.retirement, label: `retirement ${r.ages.retirement}`, anchor: 'middle' }],
        caption: `The account at the start of each age (${f.unit}).`,
      },
      notes: notes.map((n) => n.text),
      footer: `Made with pensim ${r.pensim}, a Monte Carlo model of ${f.amount(r.paths)} paths (seed ${r.seed}). ${taxWords(scenario)} The outcomes depend on the assumptions above; they are not a promise.`,
      moreFans: morePdfFans(view),
    },
  };
}

/** The footer's word on tax: flat rates at the distribution, or the payout's federal brackets. */
function taxWords(scenario: UsScenario): string {
  return scenario.payout?.tax.kind === 'federal'
    ? 'Federal income tax by the 2026 brackets in the payout years; state tax is not modelled.'
    : 'Federal tax at flat rates; state tax is not modelled.';
}

/** The PDF's fans after the account's: the spending after tax and company stock's share, where the run has them. */
function morePdfFans(view: UsReportView): PdfFan[] {
  const r = view.result;
  const fans: PdfFan[] = [];
  const spending = spendingInBasis(r, view.basis, view.inflation);
  if (spending && r.payout) {
    fans.push({
      title: `Yearly spending after tax, ${r.payout.ages.retirement} to ${r.payout.ages.horizon - 1}`,
      ages: spending.spendingAges,
      values: spending.spending,
      mean: spending.spendingMean,
      markers: [],
      caption: `Spending after tax in the year of each age (${view.format.unit}).`,
    });
  }
  if (r.stockShareFan) {
    fans.push({
      title: "Company stock's share of the account",
      ages: r.stockShareFan.ages,
      values: r.stockShareFan.share,
      mean: r.stockShareFan.mean,
      markers: [],
      caption: 'The share of the account in company stock at the start of each age.',
      share: true,
    });
  }
  return fans;
}

const PLAN_NAMES: Record<string, string> = { 'us-401k': '401(k)', 'us-ksop': 'KSOP', 'us-simple-ira': 'SIMPLE IRA', 'us-sep-ira': 'SEP IRA' };

function planName(kind: string): string {
  return PLAN_NAMES[kind] ?? kind;
}

/** The account fan by age (the US capital fan): --format svg and png draw it alone. */
export function usAccountFanSvg(view: UsReportView, options: ChartOptions = {}): string {
  const r = view.result;
  const fan = accountFan(view);
  return fanChartSvg(
    {
      title: 'Account by age',
      subtitle: `${shorten(r.scenario.name ?? 'Scenario', 60)} · ${view.format.amount(r.paths)} paths · ${basisLabel(view.basis, 'USD')}`,
      yTitle: `account at the start of each age (${view.format.unit})`,
      aria: `Account by age: ${r.scenario.name ?? 'scenario'}`,
      chart: 'capital-fan',
      ages: fan.ages,
      values: fan.values,
      mean: fan.mean,
      percentiles: r.percentiles,
      style: { color: '#2f6db5', medianColor: '#173a66', series: 'capital' },
      markers: r.payout ? [{ id: 'retirement', age: r.ages.retirement, label: `retirement ${r.ages.retirement}`, anchor: 'middle' }] : [],
      calloutAge: r.ages.retirement,
      value: view.format.money,
      ticks: view.format.ticks,
      name: (k) => usPercentileName(view, k),
    },
    options,
  );
}

/** Company stock's share of the account by age; null without an employer-stock model. */
export function usStockShareFanSvg(view: UsReportView, options: ChartOptions = {}): string | null {
  const r = view.result;
  const fan = r.stockShareFan;
  if (!fan) return null;
  const chart: FanChart = {
    title: "Company stock's share of the account",
    subtitle: `${shorten(r.scenario.name ?? 'Scenario', 60)} · ${view.format.amount(r.paths)} paths`,
    yTitle: 'share of the account in company stock',
    aria: `Company stock's share of the account by age: ${r.scenario.name ?? 'scenario'}`,
    chart: 'stock-share-fan',
    ages: fan.ages,
    values: fan.share,
    mean: fan.mean,
    percentiles: r.percentiles,
    style: { color: '#b5562f', medianColor: '#6b2a12', series: 'stock-share' },
    markers: [],
    calloutAge: r.ages.retirement,
    value: (v) => view.format.percent(v),
    ticks: (values) => values.map((v) => view.format.percent(v, 0)),
    name: (k) => usPercentileName(view, k),
    minTop: 0.05,
  };
  return fanChartSvg(chart, options);
}

/** Rollover or NUA at the retirement age, in the median (or mean) outcome; with company stock only. */
function choiceNote(view: UsReportView): ReportNote | null {
  const m = view.result.metrics;
  const f = view.format;
  const age = view.result.ages.retirement;
  if (!m.employerStockValue) return null;
  const at = (x: Metric) => (x.percentiles['p50'] !== undefined ? x.percentiles['p50'] : x.mean);
  const which = m.afterTaxRollover.percentiles['p50'] !== undefined ? 'median' : 'mean';
  const nua = at(m.afterTaxNua);
  const roll = at(m.afterTaxRollover);
  return {
    id: 'rollover-nua',
    title: 'IRA rollover or NUA',
    attrs: { 'data-rollover': String(roll), 'data-nua': String(nua) },
    text:
      `Taken as a lump sum at ${age}, the ${which} account is worth ${f.money(roll)} after tax rolled into an IRA and ${f.money(nua)} with net unrealized appreciation (company shares taken in kind, their growth taxed as a long-term gain). ` +
      `${nua > roll ? 'NUA is worth more in the ' + which + ' outcome' : 'The rollover is worth at least as much in the ' + which + ' outcome'}; the better of the two for each outcome has a ${which} of ${f.money(at(m.afterTaxBest))}.` +
      (m.defaulted ? ` The chance that the employer defaults before ${age} is ${f.percent(m.defaulted.mean)}.` : ''),
  };
}

function shortfallNote(view: UsReportView): ReportNote {
  const s = view.result.shortfall;
  const f = view.format;
  const title = 'Falling short of the target';
  if (!s) return { id: 'shortfall', title, attrs: { 'data-shortfall': 'none' }, text: 'The scenario sets no target account (simulation.targetWealth), so no shortfall probability is computed.' };
  return {
    id: 'shortfall',
    title,
    attrs: { 'data-shortfall': String(s.probability) },
    text: `The probability that the account at ${view.result.ages.retirement} is below ${f.money(s.targetWealth)} (nominal dollars, before tax) is ${f.percent(s.probability)} (standard error ${f.percent(s.stderr, 2)}).`,
  };
}

/** The account fan by age: the saving years' and, with a payout, the payout years' after them (one line from start to horizon). */
export function accountFan(view: UsReportView): { ages: number[]; values: Record<string, number[]>; mean: number[] } {
  const r = view.result;
  const po = r.payout;
  if (!po) return { ages: r.fan.ages, values: r.fan.capital, mean: r.fan.mean };
  return {
    ages: [...r.fan.ages, ...po.fan.accountAges],
    values: Object.fromEntries(Object.entries(r.fan.capital).map(([k, v]) => [k, [...v, ...po.fan.account[k]!]])),
    mean: [...r.fan.mean, ...po.fan.accountMean],
  };
}

/** The yearly after-tax spending by age, in the view's dollars; null without a payout. */
export function usSpendingFanSvg(view: UsReportView, options: ChartOptions = {}): string | null {
  const r = view.result;
  const fan = spendingInBasis(r, view.basis, view.inflation);
  if (!fan) return null;
  return fanChartSvg(
    {
      title: 'Yearly spending after tax',
      subtitle: `${shorten(r.scenario.name ?? 'Scenario', 60)} · ${view.format.amount(r.paths)} paths · ${basisLabel(view.basis, 'USD')}`,
      yTitle: `spending after tax in the year of each age (${view.format.unit})`,
      aria: `Yearly spending after tax by age: ${r.scenario.name ?? 'scenario'}`,
      chart: 'spending-fan',
      ages: fan.spendingAges,
      values: fan.spending,
      mean: fan.spendingMean,
      percentiles: r.percentiles,
      style: { color: '#2a8c5a', medianColor: '#155232', series: 'spending' },
      markers: [],
      // The first age sits on the plot's left edge, where a callout would fall outside: none.
      calloutAge: null,
      value: view.format.money,
      ticks: view.format.ticks,
      name: (k) => usPercentileName(view, k),
    },
    options,
  );
}

/** The distribution of the first payout year's after-tax spending, from its reported percentiles; null without a payout. */
export function usFirstSpendingSvg(view: UsReportView, options: ChartOptions = {}): string | null {
  const r = view.result;
  const row = r.payout ? payoutRows(view)[0]! : null;
  if (!row || !r.payout) return null;
  return distributionSvg(
    {
      curves: [{ metric: row.metric, color: '#2a8c5a', series: 'spending', label: 'after tax' }],
      keys: usPercentileKeys(view),
      name: (k) => usPercentileName(view, k),
      format: view.format,
      title: `Spending in the first payout year (age ${r.payout.ages.retirement})`,
      subtitle: `${shorten(r.scenario.name ?? 'Scenario', 60)} · ${basisLabel(view.basis, 'USD')}`,
      xTitle: `spending after tax in the first payout year (${view.format.unit})`,
      aria: `Distribution of the first payout year's spending: ${r.scenario.name ?? 'scenario'}`,
      chart: 'first-spending-distribution',
    },
    options,
  );
}

/** The chance of having run out by each payout age, with ±1 binomial standard error; null without a payout. */
export function usRanOutSvg(view: UsReportView, options: ChartOptions = {}): string | null {
  const r = view.result;
  const po = r.payout;
  if (!po) return null;
  const n = r.paths;
  return errorBarLineSvg(
    {
      title: 'The chance of having run out, by age',
      subtitle: `${shorten(r.scenario.name ?? 'Scenario', 60)} · ${view.format.amount(n)} paths · ${po.withdrawal} withdrawals`,
      xLabel: 'age',
      yLabel: 'share of outcomes that have run out',
      points: po.ranOutByAge.ages.map((age, i) => {
        const p = po.ranOutByAge.probability[i]!;
        return { label: String(age), x: age, value: p, stderr: Math.sqrt((p * (1 - p)) / n) };
      }),
      format: (v) => view.format.percent(v),
    },
    options,
  );
}

/** The rows of the payout years: the first year's spending (its distribution), the bequest and lifetime spending in today's dollars, taxes. */
function payoutRows(view: UsReportView): ReportRow[] {
  const r = view.result;
  const po = r.payout!;
  const fan = spendingInBasis(r, view.basis, view.inflation)!;
  const first: Metric = { mean: fan.spendingMean[0]!, sd: NaN, stderr: NaN, percentiles: Object.fromEntries(Object.entries(fan.spending).map(([k, v]) => [k, v[0]!])) };
  const rows: ReportRow[] = [{ id: 'firstYearSpending', label: `Spending in the first payout year (age ${po.ages.retirement}), after tax`, short: `Spending at ${po.ages.retirement}, after tax`, kind: 'money', metric: first }];
  const m = po.metrics;
  const add = (id: keyof typeof m, label: string, short: string) => {
    if (m[id]) rows.push({ id: `payout.${id}`, label, short, kind: 'money', metric: m[id] });
  };
  add('lifetimeSpending', "Lifetime spending after tax (today's dollars)", 'Lifetime spending (real)');
  add('bequestReal', "Left to heirs after their tax (today's dollars)", 'Bequest (real)');
  add('bequest', 'Left to heirs after their tax (nominal, at death)', 'Bequest (nominal)');
  add('taxesPaid', 'Taxes paid in the payout years (nominal sum)', 'Taxes paid (nominal)');
  add('rmdExcess', 'Withdrawn beyond the policy because of RMDs (nominal sum)', 'RMD excess (nominal)');
  return rows;
}

/** Under the spending fan: what it shows. */
function spendingNote(view: UsReportView): string {
  const po = view.result.payout!;
  return `What the withdrawal policy (${po.withdrawal}) leaves to spend each year after tax${po.tax === 'federal' ? ' (federal brackets)' : ''}, Social Security included when the scenario has it, for those alive. A year the accounts cannot pay in full shows the lower amount actually spent.`;
}

/** The chance of running out, the years short and the certainty equivalent of spending. */
function payoutNote(view: UsReportView): ReportNote | null {
  const r = view.result;
  const po = r.payout;
  if (!po) return null;
  const f = view.format;
  const short = po.metrics.yearsShort;
  return {
    id: 'running-out',
    title: 'Running out',
    attrs: { 'data-ran-out': String(po.ranOut.probability) },
    text:
      `The chance that the accounts cannot pay the withdrawal policy in full in some year before ${po.ages.horizon}${po.lifetimes === 'life-table' ? ' or death' : ''} is ${f.percent(po.ranOut.probability)} (standard error ${f.percent(po.ranOut.stderr, 2)}).` +
      (short ? ` The mean number of years short is ${short.mean.toFixed(2)}.` : '') +
      ` The certainty-equivalent yearly spending (constant spending worth as much to a retiree with risk aversion γ = ${po.spendingCertaintyEquivalent.gamma}) is ${f.money(po.spendingCertaintyEquivalent.value)} in today's dollars.`,
  };
}

/** NUA against rollover over the whole retirement, path by path: only with company stock. */
function retirementChoiceNote(view: UsReportView): ReportNote | null {
  const r = view.result;
  const po = r.payout;
  if (!po || !r.metrics.employerStockValue) return null;
  const f = view.format;
  const c = po.nuaVsRollover;
  return {
    id: 'nua-over-retirement',
    title: 'NUA or rollover over the whole retirement',
    attrs: { 'data-nua-better': String(c.nuaBetter.probability) },
    text:
      `On the same paths, taking the company shares in kind (NUA) gives more lifetime spending plus bequest (after tax, today's dollars) than rolling everything into an IRA in ${f.percent(c.nuaBetter.probability)} of outcomes; ` +
      `on average lifetime spending is ${f.money(c.nua.lifetimeSpending)} with NUA and ${f.money(c.rollover.lifetimeSpending)} with the rollover, the bequest ${f.money(c.nua.bequestReal)} and ${f.money(c.rollover.bequestReal)}.`,
  };
}
