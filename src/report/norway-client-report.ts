/**
 * The Norwegian plan kinds' client report (report/client-report.ts): the capital fan, the payout
 * fan, the distribution of the first yearly pension, the percentile rows of the payout start, the
 * shortfall of the replacement ratio and the assumptions, in the amounts of the view.
 */
import type { Metric } from '../result/simulation-result.js';
import type { Scenario } from '../scenario/schema.js';
import { describeBasis } from './amount-basis.js';
import { assumptions } from './assumptions.js';
import { capitalFanSvg } from './capital-fan-svg.js';
import type { ClientReport, ReportFigure, ReportNote, ReportRow, ReportTable } from './client-report.js';
import { disabilityGroupFanSvg } from './disability-fan-svg.js';
import { disabilityRows, disabilitySentence } from './disability-rows.js';
import { payoutFanSvg } from './payout-fan-svg.js';
import { pensionDistributionSvg } from './pension-distribution-svg.js';
import { percentileKeys, percentileName, type ReportView } from './report-view.js';
import { summarySentence } from './summary-sentence.js';

export interface NorwayReportInput {
  /** The validated scenario that was run (with any percentile override applied). */
  scenario: Scenario;
  view: ReportView;
  /** The run date as the CLI saw it, e.g. "2026-05-04". */
  runDate: string;
}

/** Charts inside the report: the section heading names them, the header gives the basis and paths. */
const NO_HEADING = { heading: false };

/** The table's rows (HTML label, PDF label); the folketrygd ones only when the run models it. */
const METRICS = [
  ['capitalAtRetirement', 'Capital at the payout start', 'Capital at the payout start', 'money'],
  ['payoutGross', 'First yearly payout, before tax', 'First yearly payout, before tax', 'money'],
  ['payoutNet', 'First yearly payout, after tax', 'First yearly payout, after tax', 'money'],
  ['replacementRatio', 'Replacement ratio (first payout before tax ÷ pay in the payout start year)', 'Replacement ratio', 'ratio'],
  ['folketrygdPension', 'Folketrygd pension in the payout start year', 'Folketrygd pension', 'money'],
  ['totalPension', 'Total pension: first payout plus folketrygd, before tax', 'Total pension with the folketrygd', 'money'],
  ['totalReplacementRatio', 'Total replacement ratio (total pension ÷ pay in the payout start year)', 'Total replacement ratio', 'ratio'],
  ['survivorBenefits', "The folketrygd's survivors' benefits on a death before the payout start (omstillingsstønad and barnepensjon, at the G of the death year; 0 without such a death)", "Survivors' benefits (folketrygd)", 'money'],
] as const;

export function norwayReport({ scenario, view, runDate }: NorwayReportInput): ClientReport {
  const r = view.result;
  const name = r.scenario.name ?? 'Pension scenario';
  const f = view.format;
  const rows: ReportRow[] = METRICS.flatMap(([id, label, short, kind]) => {
    const metric: Metric | undefined = r.metrics[id];
    return metric ? [{ id, label, short, kind, metric }] : [];
  });
  const deferred = r.ages.payoutStart !== r.ages.retirement;
  return {
    pensim: r.pensim,
    paths: r.paths,
    seed: r.seed,
    documentTitle: `Pension outlook: ${name}`,
    name,
    ...(scenario.description && { description: scenario.description }),
    eyebrow: `Pension outlook · ${f.amount(r.paths)} simulated outcomes · ${runDate}`,
    summary: summarySentence(view),
    basis: { kind: view.basis.kind, text: `Amounts in ${describeBasis(view.basis, r.currency)}.` },
    format: f,
    percentiles: r.percentiles,
    columns: percentileKeys(view).map((key) => ({ key, name: percentileName(view, key) })),
    figures: [
      { title: 'Pension capital by age', svg: capitalFanSvg(view, NO_HEADING), note: 'The bands hold the middle share of outcomes named in the legend; the line is the median. Capital is counted at the start of each age, so it reaches zero at the end of the payout.' },
      { title: `Yearly payout from ${r.ages.payoutStart} to ${r.ages.payoutEnd}`, svg: payoutFanSvg(view, NO_HEADING), note: payoutNote(view) },
      {
        title: `The yearly pension in the first payout year (age ${r.ages.payoutStart})`,
        svg: pensionDistributionSvg(view, NO_HEADING),
        note: 'Each dot is a reported percentile: that share of outcomes pays less. The lines between dots are straight-line interpolation.',
      },
      ...groupFans(view),
    ],
    rows,
    tableNote: `Standard error of the mean capital: ${f.money(r.metrics.capitalAtRetirement.stderr)}. A percentile pN is the amount that N % of outcomes fall below.`,
    fanTable: { caption: `Capital at the start of every age (${f.unit})`, ages: r.fan.ages, mean: r.fan.mean, values: r.fan.capital },
    notes: [shortfallNote(view)],
    tables: r.disability ? [disabilityTable(view)] : [],
    assumptions: assumptions(scenario, view, runDate),
    footer:
      `Made with pensim ${r.pensim}, a Monte Carlo model: ${f.amount(r.paths)} paths of returns (and pay, when pay growth is uncertain). ` +
      (r.percentileMethod === 'sketch' ? 'Percentiles come from a fixed-memory sketch (relative error at most 0.025 %). ' : 'Percentiles are exact order statistics of all paths. ') +
      'The outcomes depend on the assumptions above; they are not a promise.',
    pdf: {
      title: `Pension outlook: ${r.scenario.name ?? 'scenario'}`,
      fan: {
        title: 'Pension capital by age',
        ages: r.fan.ages,
        values: r.fan.capital,
        mean: r.fan.mean,
        markers: [{ id: 'retirement', age: r.ages.retirement, label: `retirement ${r.ages.retirement}`, anchor: deferred ? 'end' : 'middle' }],
        caption: `Capital at the start of each age (${f.unit}).`,
      },
      notes: r.shortfall
        ? [
          `Probability that the ${r.shortfall.of === 'totalReplacementRatio' ? 'total pension' : 'first yearly payout'} replaces less than ${f.percent(r.shortfall.targetReplacementRatio)} of pay in the payout start year: ${f.percent(r.shortfall.probability)} (standard error ${f.percent(r.shortfall.stderr, 2)}).`,
        ]
        : [],
      footer: `Made with pensim ${r.pensim}, a Monte Carlo model of ${f.amount(r.paths)} paths (seed ${r.seed}). The outcomes depend on the assumptions above; they are not a promise.`,
    },
  };
}

/** With the disability groups' fans kept (disability.groupFans): the capital fan of the disabled and of the others. */
function groupFans(view: ReportView): ReportFigure[] {
  return (['disabled', 'others'] as const).flatMap((which) => {
    const svg = disabilityGroupFanSvg(view, which, NO_HEADING);
    if (svg === null) return [];
    const title = which === 'disabled' ? 'Pension capital by age, the paths disabled before 67' : 'Pension capital by age, the paths not disabled before 67';
    return [{ title, svg, note: 'The capital fan over the paths of one group only. From the onset of disability the contributions follow the reduced pay, plus what the premium waiver pays in when the scheme has it.' }];
  });
}

function shortfallNote(view: ReportView): ReportNote {
  const s = view.result.shortfall;
  const title = 'Falling short of the target';
  if (!s) {
    return { id: 'shortfall', title, attrs: { 'data-shortfall': 'none' }, text: 'The scenario sets no target replacement ratio (simulation.targetReplacementRatio), so no shortfall probability is computed.' };
  }
  const f = view.format;
  return {
    id: 'shortfall',
    title,
    attrs: { 'data-shortfall': String(s.probability) },
    text:
      (s.of === 'totalReplacementRatio'
        ? `The probability that the total pension (first yearly payout plus folketrygd, before tax) replaces less than ${f.percent(s.targetReplacementRatio)} of pay in the payout start year is `
        : `The probability that the first yearly payout replaces less than ${f.percent(s.targetReplacementRatio)} of pay in the payout start year is `) +
      `${f.percent(s.probability)} (standard error ${f.percent(s.stderr, 2)}).`,
  };
}

/** Under the payout fan: what it shows; with lifetime risk, of whom, and the chance of being alive at some ages. */
function payoutNote(view: ReportView): string {
  const alive = view.result.payoutFan.alive;
  const base = 'What is paid each year of the payout, before and after tax, on the same scale.';
  if (!alive) return base;
  const step = Math.max(1, Math.ceil(alive.ages.length / 6));
  const at = alive.ages.map((age, i) => [age, alive.probability[i]!] as const).filter((_, i) => i % step === 0 || i === alive.ages.length - 1);
  return `${base} With lifetime risk, the payout of those alive at each age; the chance of being alive is ${at.map(([age, p]) => `${view.format.percent(p)} at ${age}`).join(', ')}.`;
}

/** P(disabled before 67) and the outcomes of the disabled and the others (report/disability-rows.ts). */
function disabilityTable(view: ReportView): ReportTable {
  const r = view.result;
  const d = r.disability!;
  return {
    id: 'disability',
    title: 'Disability before 67',
    attrs: { 'data-disability': String(d.probability) },
    sentence: disabilitySentence(d, r.paths),
    rows: disabilityRows(d, view.format.unit).map((row) => ({ id: 'disability', label: row.label, short: row.label, kind: row.kind === 'money' ? 'money' : 'ratio', metric: row.metric })),
    note: "The waiver row compares each disabled path with the same path priced without the premium waiver (the same returns): what the insurer's contributions from the onset to 67 are worth at the payout start.",
  };
}
