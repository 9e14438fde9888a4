/**
 * The client report: ONE self-contained HTML file (inline CSS and SVG, no script, no font or image
 * loads; a Content-Security-Policy forbids any fetch) that opens anywhere and prints cleanly. It
 * holds the plain-words summary, the capital fan, the payout fan, the distribution of the first
 * yearly pension, the percentile table, the shortfall probability and the assumptions.
 * Values carry data attributes (data-metric, data-stat, data-value: the unrounded number) so a
 * test can check what is shown against the JSON of the same run.
 */
import type { Metric } from '../result/simulation-result.js';
import type { Scenario } from '../scenario/schema.js';
import { describeBasis } from './amount-basis.js';
import { assumptions } from './assumptions.js';
import { capitalFanSvg } from './capital-fan-svg.js';
import { disabilityRows, disabilitySentence } from './disability-rows.js';
import { payoutFanSvg } from './payout-fan-svg.js';
import { pensionDistributionSvg } from './pension-distribution-svg.js';
import { percentileKeys, percentileName, type ReportView } from './report-view.js';
import { summarySentence } from './summary-sentence.js';
import { el, escapeXml } from './svg-markup.js';

export interface HtmlReportInput {
  /** The validated scenario that was run (with any percentile override applied). */
  scenario: Scenario;
  view: ReportView;
  /** The run date as the CLI saw it, e.g. "2026-05-04". */
  runDate: string;
}

export function htmlReport({ scenario, view, runDate }: HtmlReportInput): string {
  const r = view.result;
  const name = r.scenario.name ?? 'Pension scenario';
  const basis = describeBasis(view.basis, r.currency);
  const body = [
    el(
      'header',
      {},
      el('p', { class: 'eyebrow' }, escapeXml(`Pension outlook · ${view.format.amount(r.paths)} simulated outcomes · ${runDate}`)) +
        el('h1', {}, escapeXml(name)) +
        (scenario.description ? el('p', { class: 'description' }, escapeXml(scenario.description)) : ''),
    ),
    el('p', { class: 'summary', 'data-summary': '' }, escapeXml(summarySentence(view))),
    el('p', { class: 'basis', 'data-basis': view.basis.kind }, escapeXml(`Amounts in ${basis}.`)),
    section('Pension capital by age', capitalFanSvg(view, NO_HEADING), 'The bands hold the middle share of outcomes named in the legend; the line is the median. Capital is counted at the start of each age, so it reaches zero at the end of the payout.'),
    section(`Yearly payout from ${r.ages.payoutStart} to ${r.ages.payoutEnd}`, payoutFanSvg(view, NO_HEADING), payoutNote(view)),
    section(`The yearly pension in the first payout year (age ${r.ages.payoutStart})`, pensionDistributionSvg(view, NO_HEADING), 'Each dot is a reported percentile: that share of outcomes pays less. The lines between dots are straight-line interpolation.'),
    el('section', { 'data-section': 'percentiles' }, el('h2', {}, 'Percentiles') + percentileTable(view) + capitalByAgeTable(view)),
    el('section', { 'data-section': 'shortfall' }, el('h2', {}, 'Falling short of the target') + shortfallText(view)),
    ...(r.disability ? [el('section', { 'data-section': 'disability' }, el('h2', {}, 'Disability before 67') + disabilityTable(view))] : []),
    el('section', { 'data-section': 'assumptions' }, el('h2', {}, 'Assumptions') + assumptionTables(scenario, view, runDate)),
    el(
      'footer',
      {},
      escapeXml(
        `Made with pensim ${r.pensim}, a Monte Carlo model: ${view.format.amount(r.paths)} paths of returns (and pay, when pay growth is uncertain). ` +
          (r.percentileMethod === 'sketch'
            ? 'Percentiles come from a fixed-memory sketch (relative error at most 0.025 %). '
            : 'Percentiles are exact order statistics of all paths. ') +
          'The outcomes depend on the assumptions above; they are not a promise.',
      ),
    ),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="pensim ${escapeXml(r.pensim)}">
<title>${escapeXml(`Pension outlook: ${name}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Charts inside the report: the section heading names them, the header gives the basis and paths. */
const NO_HEADING = { heading: false };

function section(title: string, svg: string, note: string): string {
  return el('section', {}, el('h2', {}, escapeXml(title)) + el('figure', {}, svg + el('figcaption', {}, escapeXml(note))));
}

/** The table's rows; the folketrygd ones only when the run models it. */
const METRICS = [
  ['capitalAtRetirement', 'Capital at the payout start', 'money'],
  ['payoutGross', 'First yearly payout, before tax', 'money'],
  ['payoutNet', 'First yearly payout, after tax', 'money'],
  ['replacementRatio', 'Replacement ratio (first payout before tax ÷ pay in the payout start year)', 'ratio'],
  ['folketrygdPension', 'Folketrygd pension in the payout start year', 'money'],
  ['totalPension', 'Total pension: first payout plus folketrygd, before tax', 'money'],
  ['totalReplacementRatio', 'Total replacement ratio (total pension ÷ pay in the payout start year)', 'ratio'],
  ['survivorBenefits', 'The folketrygd\'s survivors\' benefits on a death before the payout start (omstillingsstønad and barnepensjon, at the G of the death year; 0 without such a death)', 'money'],
] as const;

function percentileTable(view: ReportView): string {
  const r = view.result;
  const keys = percentileKeys(view);
  const head = el('tr', {}, el('th', { scope: 'col' }, escapeXml(view.format.unit)) + el('th', { scope: 'col' }, 'mean') + keys.map((k) => el('th', { scope: 'col' }, escapeXml(percentileName(view, k)))).join(''));
  const rows = METRICS.flatMap(([id, label, kind]) => {
    const m: Metric | undefined = r.metrics[id];
    if (!m) return [];
    const show = (v: number) => (kind === 'money' ? view.format.value(v) : view.format.percent(v));
    const cell = (stat: string, v: number) => el('td', { 'data-metric': id, 'data-stat': stat, 'data-value': String(v) }, escapeXml(show(v)));
    return [el('tr', {}, el('th', { scope: 'row' }, escapeXml(label)) + cell('mean', m.mean) + keys.map((k) => cell(k, m.percentiles[k]!)).join(''))];
  }).join('');
  const note = `Standard error of the mean capital: ${view.format.money(r.metrics.capitalAtRetirement.stderr)}. A percentile pN is the amount that N % of outcomes fall below.`;
  return el('table', { class: 'numbers', 'data-table': 'percentiles' }, el('thead', {}, head) + el('tbody', {}, rows)) + el('p', { class: 'note' }, escapeXml(note));
}

/** P(disabled before 67) and the outcomes of the disabled and the others (report/disability-rows.ts). */
function disabilityTable(view: ReportView): string {
  const r = view.result;
  const d = r.disability!;
  const keys = percentileKeys(view);
  const head = el('tr', {}, el('th', { scope: 'col' }, escapeXml(view.format.unit)) + el('th', { scope: 'col' }, 'mean') + keys.map((k) => el('th', { scope: 'col' }, escapeXml(percentileName(view, k)))).join(''));
  const rows = disabilityRows(d, view.format.unit)
    .map((row) => {
      const show = (v: number) => (row.kind === 'money' ? view.format.value(v) : view.format.percent(v));
      const cell = (stat: string, v: number) => el('td', { 'data-metric': 'disability', 'data-stat': stat, 'data-value': String(v) }, escapeXml(show(v)));
      return el('tr', {}, el('th', { scope: 'row' }, escapeXml(row.label)) + cell('mean', row.metric.mean) + keys.map((k) => cell(k, row.metric.percentiles[k]!)).join(''));
    })
    .join('');
  return (
    el('p', { 'data-disability': String(d.probability) }, escapeXml(disabilitySentence(d, r.paths))) +
    el('table', { class: 'numbers', 'data-table': 'disability' }, el('thead', {}, head) + el('tbody', {}, rows)) +
    el('p', { class: 'note' }, escapeXml('The waiver row compares each disabled path with the same path priced without the premium waiver (the same returns): what the insurer\'s contributions from the onset to 67 are worth at the payout start.'))
  );
}

/** The capital fan as numbers, every age, folded away by default. */
function capitalByAgeTable(view: ReportView): string {
  const r = view.result;
  const keys = percentileKeys(view);
  const head = el('tr', {}, el('th', { scope: 'col' }, 'age') + el('th', { scope: 'col' }, 'mean') + keys.map((k) => el('th', { scope: 'col' }, escapeXml(percentileName(view, k)))).join(''));
  const rows = r.fan.ages
    .map((age, i) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, String(age)) +
          el('td', {}, escapeXml(view.format.value(r.fan.mean[i]!))) +
          keys.map((k) => el('td', { 'data-metric': 'fan', 'data-age': age, 'data-stat': k, 'data-value': String(r.fan.capital[k]![i]!) }, escapeXml(view.format.value(r.fan.capital[k]![i]!)))).join(''),
      ),
    )
    .join('');
  return el(
    'details',
    {},
    el('summary', {}, escapeXml(`Capital at the start of every age (${view.format.unit})`)) + el('table', { class: 'numbers', 'data-table': 'fan' }, el('thead', {}, head) + el('tbody', {}, rows)),
  );
}

function shortfallText(view: ReportView): string {
  const s = view.result.shortfall;
  if (!s) {
    return el('p', { 'data-shortfall': 'none' }, 'The scenario sets no target replacement ratio (simulation.targetReplacementRatio), so no shortfall probability is computed.');
  }
  const f = view.format;
  return el(
    'p',
    { 'data-shortfall': String(s.probability) },
    escapeXml(
      (s.of === 'totalReplacementRatio'
        ? `The probability that the total pension (first yearly payout plus folketrygd, before tax) replaces less than ${f.percent(s.targetReplacementRatio)} of pay in the payout start year is `
        : `The probability that the first yearly payout replaces less than ${f.percent(s.targetReplacementRatio)} of pay in the payout start year is `) +
        `${f.percent(s.probability)} (standard error ${f.percent(s.stderr, 2)}).`,
    ),
  );
}

function assumptionTables(scenario: Scenario, view: ReportView, runDate: string): string {
  return el(
    'div',
    { class: 'assumptions' },
    assumptions(scenario, view, runDate)
      .map((g) =>
        el(
          'div',
          { class: 'group' },
          el('h3', {}, escapeXml(g.title)) + el('dl', {}, g.rows.map(([k, v]) => el('dt', {}, escapeXml(k)) + el('dd', {}, escapeXml(v))).join('')),
        ),
      )
      .join(''),
  );
}

const CSS = `
:root { color-scheme: light; --ink: #1d2733; --muted: #5b6775; --line: #e3e7ec; --accent: #173a66; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 32px 24px 48px; background: #fff; }
header h1 { margin: 4px 0 8px; font-size: 26px; line-height: 1.2; }
.eyebrow { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .02em; }
.description { margin: 0 0 16px; color: var(--muted); font-size: 14px; }
.summary { margin: 20px 0 4px; padding: 16px 20px; border-left: 4px solid var(--accent); background: #eef3f9; font-size: 19px; line-height: 1.45; }
.basis { margin: 0 0 8px; color: var(--muted); font-size: 13px; }
section { margin-top: 32px; }
h2 { font-size: 19px; margin: 0 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
h3 { font-size: 15px; margin: 0 0 6px; }
figure { margin: 0; }
figure svg { display: block; width: 100%; height: auto; }
figcaption, .note { color: var(--muted); font-size: 13px; margin-top: 6px; }
table.numbers { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 14px; }
table.numbers th, table.numbers td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
table.numbers th[scope=row] { text-align: left; white-space: normal; font-weight: 600; }
table.numbers thead th { color: var(--muted); font-weight: 600; }
details { margin-top: 14px; }
summary { cursor: pointer; color: var(--accent); }
.assumptions { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); gap: 18px 32px; }
dl { margin: 0; display: grid; grid-template-columns: minmax(7em, 38%) 1fr; gap: 3px 12px; font-size: 13.5px; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
footer { margin-top: 36px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12.5px; }
@media print { body { background: #fff; } main { padding: 0; max-width: none; } section { break-inside: avoid; } details { display: none; } }
`;

/** Under the payout fan: what it shows; with lifetime risk, of whom, and the chance of being alive at some ages. */
function payoutNote(view: ReportView): string {
  const alive = view.result.payoutFan.alive;
  const base = 'What is paid each year of the payout, before and after tax, on the same scale.';
  if (!alive) return base;
  const step = Math.max(1, Math.ceil(alive.ages.length / 6));
  const at = alive.ages.map((age, i) => [age, alive.probability[i]!] as const).filter((_, i) => i % step === 0 || i === alive.ages.length - 1);
  return `${base} With lifetime risk, the payout of those alive at each age; the chance of being alive is ${at.map(([age, p]) => `${view.format.percent(p)} at ${age}`).join(', ')}.`;
}
