/**
 * The client report of every plan kind: ONE self-contained HTML file (inline CSS and SVG, no
 * script, no font or image loads; a Content-Security-Policy forbids any fetch) that opens anywhere
 * and prints cleanly. It holds what the plan kind's ClientReport brings (report/client-report.ts):
 * the plain-words summary, its figures (for Norway the capital fan, the payout fan and the first
 * yearly pension; for a US plan the account fan and the company-stock share), the percentile
 * table, the notes (shortfall, rollover or NUA) and the assumptions.
 * Values carry data attributes (data-metric, data-stat, data-value: the unrounded number) so a
 * test can check what is shown against the JSON of the same run.
 */
import type { ClientReport, ReportRow } from './client-report.js';
import { norwayReport, type NorwayReportInput } from './norway-client-report.js';
import { el, escapeXml } from './svg-markup.js';

export type HtmlReportInput = NorwayReportInput;

/** The Norwegian client report as HTML (the writer is clientHtml, one for every plan kind). */
export function htmlReport(input: HtmlReportInput): string {
  return clientHtml(norwayReport(input));
}

export function clientHtml(c: ClientReport): string {
  const body = [
    el('header', {}, el('p', { class: 'eyebrow' }, escapeXml(c.eyebrow)) + el('h1', {}, escapeXml(c.name)) + (c.description ? el('p', { class: 'description' }, escapeXml(c.description)) : '')),
    el('p', { class: 'summary', 'data-summary': '' }, escapeXml(c.summary)),
    el('p', { class: 'basis', 'data-basis': c.basis.kind }, escapeXml(c.basis.text)),
    ...c.figures.map((f) => el('section', {}, el('h2', {}, escapeXml(f.title)) + el('figure', {}, f.svg + el('figcaption', {}, escapeXml(f.note))))),
    el('section', { 'data-section': 'percentiles' }, el('h2', {}, 'Percentiles') + percentileTable(c) + fanTable(c)),
    ...c.notes.map((n) => el('section', { 'data-section': n.id }, el('h2', {}, escapeXml(n.title)) + el('p', n.attrs, escapeXml(n.text)))),
    ...c.tables.map((t) => el('section', { 'data-section': t.id }, el('h2', {}, escapeXml(t.title)) + el('p', t.attrs, escapeXml(t.sentence)) + rowsTable(c, t.id, t.rows) + el('p', { class: 'note' }, escapeXml(t.note)))),
    el('section', { 'data-section': 'assumptions' }, el('h2', {}, 'Assumptions') + assumptionTables(c)),
    el('footer', {}, escapeXml(c.footer)),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="pensim ${escapeXml(c.pensim)}">
<title>${escapeXml(c.documentTitle)}</title>
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

function headRow(c: ClientReport, first: string): string {
  return el('tr', {}, el('th', { scope: 'col' }, escapeXml(first)) + el('th', { scope: 'col' }, 'mean') + c.columns.map((k) => el('th', { scope: 'col' }, escapeXml(k.name))).join(''));
}

function percentileTable(c: ClientReport): string {
  return rowsTable(c, 'percentiles', c.rows) + el('p', { class: 'note' }, escapeXml(c.tableNote));
}

function rowsTable(c: ClientReport, table: string, rows: readonly ReportRow[]): string {
  const body = rows
    .map(({ id, label, kind, metric: m }) => {
      const show = (v: number) => (kind === 'money' ? c.format.value(v) : c.format.percent(v));
      const cell = (stat: string, v: number) => el('td', { 'data-metric': id, 'data-stat': stat, 'data-value': String(v) }, escapeXml(show(v)));
      return el('tr', {}, el('th', { scope: 'row' }, escapeXml(label)) + cell('mean', m.mean) + c.columns.map((k) => cell(k.key, m.percentiles[k.key]!)).join(''));
    })
    .join('');
  return el('table', { class: 'numbers', 'data-table': table }, el('thead', {}, headRow(c, c.format.unit)) + el('tbody', {}, body));
}

/** The main fan as numbers, every age, folded away by default. */
function fanTable(c: ClientReport): string {
  const t = c.fanTable;
  const rows = t.ages
    .map((age, i) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, String(age)) +
          el('td', {}, escapeXml(c.format.value(t.mean[i]!))) +
          c.columns.map((k) => el('td', { 'data-metric': 'fan', 'data-age': age, 'data-stat': k.key, 'data-value': String(t.values[k.key]![i]!) }, escapeXml(c.format.value(t.values[k.key]![i]!)))).join(''),
      ),
    )
    .join('');
  return el('details', {}, el('summary', {}, escapeXml(t.caption)) + el('table', { class: 'numbers', 'data-table': 'fan' }, el('thead', {}, headRow(c, 'age')) + el('tbody', {}, rows)));
}

function assumptionTables(c: ClientReport): string {
  return el(
    'div',
    { class: 'assumptions' },
    c.assumptions
      .map((g) => el('div', { class: 'group' }, el('h3', {}, escapeXml(g.title)) + el('dl', {}, g.rows.map(([k, v]) => el('dt', {}, escapeXml(k)) + el('dd', {}, escapeXml(v))).join(''))))
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
