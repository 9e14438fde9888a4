/**
 * The client report of every plan kind (report/client-report.ts) as PDF, made by pdfkit (no
 * browser): the plain-words summary, the amount
 * basis stated (today's money by default, as NAV's calculator says "dagens kroneverdi"), the
 * capital fan drawn as vector bands and median (the same layout as the SVG: report/fan-bands.ts),
 * the percentile table, the shortfall and the assumptions. Text is set in the standard Helvetica
 * (WinAnsi), so the file embeds no font and its text can be searched and copied.
 * Streams are left uncompressed: the report is small and a reader (or a test) can read it as is.
 */
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import PDFDocument from 'pdfkit';
import type { ClientReport, PdfFan } from './client-report.js';
import { fanLayout } from './fan-bands.js';
import { norwayReport, type NorwayReportInput } from './norway-client-report.js';

export type PdfReportInput = NorwayReportInput;

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
    .replaceAll('\u03b3', 'gamma')
    .replaceAll('\u03b1', 'alpha')
    .replaceAll('\u03c3', 'sigma')
    .replaceAll('\u03bc', 'mu')
    .replaceAll('\u03bb', 'lambda')
    .replace(/[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u00f7]/g, '?');
}

/** The Norwegian client report as PDF (the writer is clientPdf, one for every plan kind). */
export async function pdfReport(input: PdfReportInput): Promise<Buffer> {
  return clientPdf(norwayReport(input));
}

export async function clientPdf(c: ClientReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress: false, info: { Title: winAnsi(c.pdf.title), Producer: `pensim ${c.pensim}`, Creator: `pensim ${c.pensim}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const t = (s: string) => winAnsi(s);
  const width = doc.page.width - 100;

  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(t(c.eyebrow));
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor(INK).text(t(c.name));
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor(INK).text(t(c.summary), { width });
  doc.moveDown(0.4).font('Helvetica').fontSize(9).fillColor(MUTED).text(t(c.basis.text), { width });

  doc.moveDown(1).font('Helvetica-Bold').fontSize(12).fillColor(INK).text(t(c.pdf.fan.title));
  const fanTop = doc.y + 6;
  drawFan(doc, c, c.pdf.fan, 50, fanTop, width, 230);
  // The chart's labels move the text cursor: the table starts below the chart, wherever that left it.
  doc.y = fanTop + 250;
  doc.x = 50;

  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text('Percentiles', 50);
  percentileTable(doc, c, width);
  for (const note of c.pdf.notes) doc.moveDown(0.6).font('Helvetica').fontSize(9).fillColor(INK).text(t(note), 50, doc.y, { width });
  for (const table of c.tables) {
    // Each row as a line: mean, then the reported percentiles (the columns would not fit its labels).
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor(INK).text(t(table.title), 50, doc.y, { width });
    doc.moveDown(0.2).font('Helvetica').fontSize(9).fillColor(INK).text(t(table.sentence), 50, doc.y, { width });
    for (const row of table.rows) {
      const show = (v: number) => (row.kind === 'money' ? c.format.value(v) : c.format.percent(v));
      const pcts = c.columns.map((k) => `${k.name} ${show(row.metric.percentiles[k.key]!)}`).join(', ');
      doc.moveDown(0.15).fontSize(8.5).text(t(`${row.short}: mean ${show(row.metric.mean)}; ${pcts}`), 50, doc.y, { width });
    }
  }

  // The other fans two to a page, then the assumptions on a page of their own.
  const more = c.pdf.moreFans ?? [];
  for (let i = 0; i < more.length; i++) {
    if (i % 2 === 0) doc.addPage();
    const fan = more[i]!;
    const top = i % 2 === 0 ? 50 : 400;
    doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(t(fan.title), 50, top, { width });
    drawFan(doc, c, fan, 50, top + 22, width, 230);
  }

  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text('Assumptions', 50, 50);
  const bottom = doc.page.height - doc.page.margins.bottom;
  for (const g of c.assumptions) {
    // A group's title stays with its first row; a row that does not fit starts a new page (label and value together).
    const firstRow = g.rows[0] ? rowHeight(doc, g.rows[0], width) : 0;
    if (doc.y + 24 + firstRow > bottom) doc.addPage();
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor(INK).text(t(g.title), 50, doc.y);
    for (const row of g.rows) {
      if (doc.y + rowHeight(doc, row, width) > bottom) doc.addPage();
      const [k, v] = row;
      const y = doc.y;
      doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(t(k), 50, y, { width: 150 });
      const after = doc.y;
      doc.fillColor(INK).text(t(v), 210, y, { width: width - 160 });
      doc.y = Math.max(after, doc.y) + 2;
    }
  }
  doc.moveDown(1).font('Helvetica').fontSize(8).fillColor(MUTED).text(t(c.pdf.footer), 50, doc.y, { width });
  doc.end();
  return done;
}

/** The height an assumptions row takes: the taller of its label and its value, at the row's font. */
function rowHeight(doc: PDFKit.PDFDocument, [k, v]: readonly [string, string], width: number): number {
  doc.font('Helvetica').fontSize(8.5);
  return Math.max(doc.heightOfString(winAnsi(k), { width: 150 }), doc.heightOfString(winAnsi(v), { width: width - 160 })) + 2;
}

function drawFan(doc: PDFKit.PDFDocument, c: ClientReport, fan: PdfFan, left: number, top: number, w: number, h: number): void {
  const box = { left: left + 60, top, width: w - 70, height: h - 30 };
  const all = Object.values(fan.values).flat().concat(fan.mean);
  const x = scaleLinear().domain([fan.ages[0]!, fan.ages[fan.ages.length - 1]!]).range([box.left, box.left + box.width]);
  const y = scaleLinear().domain([Math.min(0, ...all), Math.max(1, ...all)]).nice().range([box.top + box.height, box.top]);
  const ticks = y.ticks(5);
  const labels = fan.share ? ticks.map((v) => c.format.percent(v, 0)) : c.format.ticks(ticks);
  doc.save();
  doc.font('Helvetica').fontSize(7.5);
  ticks.forEach((v, i) => {
    doc.moveTo(box.left, y(v)).lineTo(box.left + box.width, y(v)).lineWidth(0.4).strokeColor('#e3e7ec').stroke();
    doc.fillColor(MUTED).text(winAnsi(labels[i]!), left, y(v) - 3, { width: 56, align: 'right', lineBreak: false });
  });
  for (const age of x.ticks(8)) doc.fillColor(MUTED).text(String(age), x(age) - 10, box.top + box.height + 4, { width: 20, align: 'center', lineBreak: false });
  doc.fillColor(MUTED).text('age', box.left + box.width / 2 - 10, box.top + box.height + 15, { width: 20, align: 'center', lineBreak: false });
  const layout = fanLayout(c.percentiles);
  const idx = fan.ages.map((_, i) => i);
  for (const b of layout.bands) {
    const lo = fan.values[b.lower]!;
    const hi = fan.values[b.upper]!;
    const d = area<number>().x((i) => x(fan.ages[i]!)).y0((i) => y(lo[i]!)).y1((i) => y(hi[i]!))(idx);
    if (d) doc.path(d).fillColor(BLUE).fillOpacity(0.24).fill();
  }
  doc.fillOpacity(1);
  const series = layout.median ? fan.values[layout.median]! : fan.mean;
  const median = line<number>().x((i) => x(fan.ages[i]!)).y((i) => y(series[i]!))(idx);
  if (median) doc.path(median).lineWidth(2).strokeColor(DARK).stroke();
  for (const m of fan.markers) {
    const at = x(m.age);
    doc.moveTo(at, box.top).lineTo(at, box.top + box.height).lineWidth(0.6).dash(3, { space: 3 }).strokeColor(INK).stroke().undash();
    doc.fillColor(INK).text(winAnsi(m.label), at - 40, box.top - 9, { width: 80, align: 'center', lineBreak: false });
  }
  const name = (k: string) => c.columns.find((col) => col.key === k)?.name ?? k;
  const legend = layout.bands.map((b) => `${name(b.lower)}-${name(b.upper)}`).join(', ');
  doc.fillColor(MUTED).text(winAnsi(`Bands: ${legend}; line: ${layout.median ? 'median' : 'mean'}. ${fan.caption}`), left, box.top + box.height + 26, { width: w, lineBreak: false });
  doc.restore();
}

function percentileTable(doc: PDFKit.PDFDocument, c: ClientReport, width: number): void {
  const labelW = 150;
  const colW = (width - labelW) / (c.columns.length + 1);
  let y = doc.y + 4;
  doc.font('Helvetica-Bold').fontSize(8).fillColor(MUTED);
  doc.text(winAnsi(c.format.unit), 50, y, { width: labelW, lineBreak: false });
  ['mean', ...c.columns.map((k) => k.name)].forEach((h, i) => doc.text(winAnsi(h), 50 + labelW + i * colW, y, { width: colW - 4, align: 'right', lineBreak: false }));
  y += 13;
  doc.font('Helvetica').fillColor(INK);
  for (const { short, kind, metric: m } of c.rows) {
    const show = (v: number) => winAnsi(kind === 'money' ? c.format.value(v) : c.format.percent(v));
    doc.text(winAnsi(short), 50, y, { width: labelW, lineBreak: false });
    [m.mean, ...c.columns.map((k) => m.percentiles[k.key]!)].forEach((v, i) => doc.text(show(v), 50 + labelW + i * colW, y, { width: colW - 4, align: 'right', lineBreak: false }));
    y += 13;
    doc.moveTo(50, y - 3).lineTo(50 + width, y - 3).lineWidth(0.3).strokeColor('#e3e7ec').stroke();
  }
  doc.y = y;
  doc.x = 50;
}
