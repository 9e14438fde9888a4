/**
 * The client report as PDF, made by pdfkit (no browser): the plain-words summary, the amount
 * basis stated (today's money by default, as NAV's calculator says "dagens kroneverdi"), the
 * capital fan drawn as vector bands and median (the same layout as the SVG: report/fan-bands.ts),
 * the percentile table, the shortfall and the assumptions. Text is set in the standard Helvetica
 * (WinAnsi), so the file embeds no font and its text can be searched and copied.
 * Streams are left uncompressed: the report is small and a reader (or a test) can read it as is.
 */
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import PDFDocument from 'pdfkit';
import type { Scenario } from '../scenario/schema.js';
import { describeBasis } from './amount-basis.js';
import { disabilityRows, disabilitySentence } from './disability-rows.js';
import { assumptions } from './assumptions.js';
import { fanLayout } from './fan-bands.js';
import { percentileKeys, percentileName, type ReportView } from './report-view.js';
import { summarySentence } from './summary-sentence.js';

export interface PdfReportInput {
  scenario: Scenario;
  view: ReportView;
  runDate: string;
}

const ROWS = [
  ['capitalAtRetirement', 'Capital at the payout start', 'money'],
  ['payoutGross', 'First yearly payout, before tax', 'money'],
  ['payoutNet', 'First yearly payout, after tax', 'money'],
  ['replacementRatio', 'Replacement ratio', 'ratio'],
  ['folketrygdPension', 'Folketrygd pension', 'money'],
  ['totalPension', 'Total pension with the folketrygd', 'money'],
  ['totalReplacementRatio', 'Total replacement ratio', 'ratio'],
] as const;

const BLUE = '#2f6db5';
const DARK = '#173a66';
const INK = '#1d2733';
const MUTED = '#5b6775';

/** Characters outside WinAnsi (the standard fonts' encoding) replaced by their nearest there. */
export function winAnsi(s: string): string {
  return s
    .replaceAll('\u2212', '-')
    .replaceAll('\u2264', '<=')
    .replaceAll('\u2265', '>=')
    .replaceAll('\u2009', ' ')
    .replaceAll('\u202f', ' ')
    .replaceAll('\u00a0', ' ')
    .replaceAll('\u2248', '~')
    .replaceAll('\u00d7', 'x')
    .replaceAll('\u2192', '->')
    .replace(/[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u00f7]/g, '?');
}

export async function pdfReport({ scenario, view, runDate }: PdfReportInput): Promise<Buffer> {
  const r = view.result;
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress: false, info: { Title: winAnsi(`Pension outlook: ${r.scenario.name ?? 'scenario'}`), Producer: `pensim ${r.pensim}`, Creator: `pensim ${r.pensim}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const t = (s: string) => winAnsi(s);
  const width = doc.page.width - 100;

  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(t(`Pension outlook · ${view.format.amount(r.paths)} simulated outcomes · ${runDate}`));
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor(INK).text(t(r.scenario.name ?? 'Pension scenario'));
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor(INK).text(t(summarySentence(view)), { width });
  doc.moveDown(0.4).font('Helvetica').fontSize(9).fillColor(MUTED).text(t(`Amounts in ${describeBasis(view.basis, r.currency)}.`), { width });

  doc.moveDown(1).font('Helvetica-Bold').fontSize(12).fillColor(INK).text('Pension capital by age');
  const fanTop = doc.y + 6;
  drawCapitalFan(doc, view, 50, fanTop, width, 230);
  // The chart's labels move the text cursor: the table starts below the chart, wherever that left it.
  doc.y = fanTop + 250;
  doc.x = 50;

  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text('Percentiles', 50);
  percentileTable(doc, view, width);
  const s = r.shortfall;
  if (s) {
    doc.moveDown(0.6).font('Helvetica').fontSize(9).fillColor(INK).text(
      t(`Probability that the ${s.of === 'totalReplacementRatio' ? 'total pension' : 'first yearly payout'} replaces less than ${view.format.percent(s.targetReplacementRatio)} of pay in the payout start year: ${view.format.percent(s.probability)} (standard error ${view.format.percent(s.stderr, 2)}).`),
      50,
      doc.y,
      { width },
    );
  }

  const dis = r.disability;
  if (dis) {
    // P(disabled before 67) and each group's outcomes as lines: mean, then the reported percentiles.
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor(INK).text('Disability before 67', 50, doc.y, { width });
    doc.moveDown(0.2).font('Helvetica').fontSize(9).fillColor(INK).text(t(disabilitySentence(dis, r.paths)), 50, doc.y, { width });
    const keys = percentileKeys(view);
    for (const row of disabilityRows(dis, view.format.unit)) {
      const show = (v: number) => (row.kind === 'money' ? view.format.value(v) : view.format.percent(v));
      const pcts = keys.map((k) => `${percentileName(view, k)} ${show(row.metric.percentiles[k]!)}`).join(', ');
      doc.moveDown(0.15).fontSize(8.5).text(t(`${row.label}: mean ${show(row.metric.mean)}; ${pcts}`), 50, doc.y, { width });
    }
  }

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text('Assumptions');
  for (const g of assumptions(scenario, view, runDate)) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor(INK).text(t(g.title));
    for (const [k, v] of g.rows) {
      const y = doc.y;
      doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(t(k), 50, y, { width: 150 });
      const after = doc.y;
      doc.fillColor(INK).text(t(v), 210, y, { width: width - 160 });
      doc.y = Math.max(after, doc.y) + 2;
    }
  }
  doc.moveDown(1).font('Helvetica').fontSize(8).fillColor(MUTED).text(
    t(`Made with pensim ${r.pensim}, a Monte Carlo model of ${view.format.amount(r.paths)} paths (seed ${r.seed}). The outcomes depend on the assumptions above; they are not a promise.`),
    50,
    doc.y,
    { width },
  );
  doc.end();
  return done;
}

function drawCapitalFan(doc: PDFKit.PDFDocument, view: ReportView, left: number, top: number, w: number, h: number): void {
  const r = view.result;
  const box = { left: left + 60, top, width: w - 70, height: h - 30 };
  const all = Object.values(r.fan.capital).flat().concat(r.fan.mean);
  const x = scaleLinear().domain([r.fan.ages[0]!, r.fan.ages[r.fan.ages.length - 1]!]).range([box.left, box.left + box.width]);
  const y = scaleLinear().domain([Math.min(0, ...all), Math.max(1, ...all)]).nice().range([box.top + box.height, box.top]);
  const ticks = y.ticks(5);
  const labels = view.format.ticks(ticks);
  doc.save();
  doc.font('Helvetica').fontSize(7.5);
  ticks.forEach((v, i) => {
    doc.moveTo(box.left, y(v)).lineTo(box.left + box.width, y(v)).lineWidth(0.4).strokeColor('#e3e7ec').stroke();
    doc.fillColor(MUTED).text(winAnsi(labels[i]!), left, y(v) - 3, { width: 56, align: 'right', lineBreak: false });
  });
  for (const age of x.ticks(8)) doc.fillColor(MUTED).text(String(age), x(age) - 10, box.top + box.height + 4, { width: 20, align: 'center', lineBreak: false });
  doc.fillColor(MUTED).text('age', box.left + box.width / 2 - 10, box.top + box.height + 15, { width: 20, align: 'center', lineBreak: false });
  const layout = fanLayout(r.percentiles);
  const idx = r.fan.ages.map((_, i) => i);
  for (const b of layout.bands) {
    const lo = r.fan.capital[b.lower]!;
    const hi = r.fan.capital[b.upper]!;
    const d = area<number>().x((i) => x(r.fan.ages[i]!)).y0((i) => y(lo[i]!)).y1((i) => y(hi[i]!))(idx);
    if (d) doc.path(d).fillColor(BLUE).fillOpacity(0.24).fill();
  }
  doc.fillOpacity(1);
  const series = layout.median ? r.fan.capital[layout.median]! : r.fan.mean;
  const median = line<number>().x((i) => x(r.fan.ages[i]!)).y((i) => y(series[i]!))(idx);
  if (median) doc.path(median).lineWidth(2).strokeColor(DARK).stroke();
  const ret = x(r.ages.retirement);
  doc.moveTo(ret, box.top).lineTo(ret, box.top + box.height).lineWidth(0.6).dash(3, { space: 3 }).strokeColor(INK).stroke().undash();
  doc.fillColor(INK).text(winAnsi(`retirement ${r.ages.retirement}`), ret - 40, box.top - 9, { width: 80, align: 'center', lineBreak: false });
  const legend = layout.bands.map((b) => `${percentileName(view, b.lower)}-${percentileName(view, b.upper)}`).join(', ');
  doc.fillColor(MUTED).text(winAnsi(`Bands: ${legend}; line: ${layout.median ? 'median' : 'mean'}. Capital at the start of each age (${view.format.unit}).`), left, box.top + box.height + 26, { width: w, lineBreak: false });
  doc.restore();
}

function percentileTable(doc: PDFKit.PDFDocument, view: ReportView, width: number): void {
  const r = view.result;
  const keys = percentileKeys(view);
  const labelW = 150;
  const colW = (width - labelW) / (keys.length + 1);
  let y = doc.y + 4;
  doc.font('Helvetica-Bold').fontSize(8).fillColor(MUTED);
  doc.text(winAnsi(view.format.unit), 50, y, { width: labelW, lineBreak: false });
  ['mean', ...keys.map((k) => percentileName(view, k))].forEach((h, i) => doc.text(winAnsi(h), 50 + labelW + i * colW, y, { width: colW - 4, align: 'right', lineBreak: false }));
  y += 13;
  doc.font('Helvetica').fillColor(INK);
  for (const [id, label, kind] of ROWS) {
    const m = r.metrics[id];
    if (!m) continue;
    const show = (v: number) => winAnsi(kind === 'money' ? view.format.value(v) : view.format.percent(v));
    doc.text(winAnsi(label), 50, y, { width: labelW, lineBreak: false });
    [m.mean, ...keys.map((k) => m.percentiles[k]!)].forEach((v, i) => doc.text(show(v), 50 + labelW + i * colW, y, { width: colW - 4, align: 'right', lineBreak: false }));
    y += 13;
    doc.moveTo(50, y - 3).lineTo(50 + width, y - 3).lineWidth(0.3).strokeColor('#e3e7ec').stroke();
  }
  doc.y = y;
  doc.x = 50;
}
