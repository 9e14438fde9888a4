/**
 * The client report as a plan kind hands it to the presentation layer: everything the HTML and PDF
 * writers (html-report.ts, pdf-report.ts) and the workbench page draw, already in the amounts and
 * words of that kind. A plan kind brings its figures, table rows, summary sentence and assumptions
 * (norway-client-report.ts, us-client-report.ts); the writers are one for every kind.
 */
import type { Metric } from '../result/simulation-result.js';
import type { AssumptionGroup } from './assumptions.js';
import type { AgeMark } from './capital-fan-svg.js';
import type { CurrencyFormat } from './currency-format.js';

/** A chart with its section heading and the note under it. */
export interface ReportFigure {
  title: string;
  svg: string;
  note: string;
}

/** A row of the percentile table: `label` in the HTML, `short` in the PDF. */
export interface ReportRow {
  id: string;
  label: string;
  short: string;
  kind: 'money' | 'ratio';
  metric: Metric;
}

/** A paragraph section after the percentiles (the shortfall, the rollover or NUA choice). */
export interface ReportNote {
  id: string;
  title: string;
  /** Data attributes of the paragraph (e.g. data-shortfall: the unrounded probability). */
  attrs: Record<string, string>;
  text: string;
}

/** A table section after the notes (the disability split): a sentence, then rows under the run's columns. */
export interface ReportTable {
  id: string;
  title: string;
  /** Data attributes of the sentence (e.g. data-disability: the unrounded probability). */
  attrs: Record<string, string>;
  sentence: string;
  rows: ReportRow[];
  note: string;
}

/** The fan the PDF draws as vector bands (the first figure's data). */
export interface PdfFan {
  title: string;
  ages: readonly number[];
  values: Readonly<Record<string, readonly number[]>>;
  mean: readonly number[];
  markers: readonly AgeMark[];
  /** Ends the legend line: "Capital at the start of each age (NOK)." */
  caption: string;
  /** The values are shares (axis in percent), not money. */
  share?: boolean;
}

export interface ClientReport {
  pensim: string;
  paths: number;
  seed: number;
  /** The document's title: "Pension outlook: <name>". */
  documentTitle: string;
  name: string;
  description?: string;
  /** The line above the name: the kind of report, the outcomes, the run date. */
  eyebrow: string;
  summary: string;
  basis: { kind: string; text: string };
  format: CurrencyFormat;
  /** The run's percentiles (the fans' bands: report/fan-bands.ts). */
  percentiles: readonly number[];
  /** The table's statistic columns after the mean: percentile keys and their names. */
  columns: { key: string; name: string }[];
  figures: ReportFigure[];
  rows: ReportRow[];
  tableNote: string;
  /** The main fan as numbers, every age (folded away in the HTML). */
  fanTable: { caption: string; ages: readonly number[]; mean: readonly number[]; values: Readonly<Record<string, readonly number[]>> };
  notes: ReportNote[];
  tables: ReportTable[];
  assumptions: AssumptionGroup[];
  footer: string;
  /** The PDF's own words: its info title, the fan it draws first, the lines under its table, its footer; `moreFans` on a page of their own after the table. */
  pdf: { title: string; fan: PdfFan; notes: string[]; footer: string; moreFans?: PdfFan[] };
}
