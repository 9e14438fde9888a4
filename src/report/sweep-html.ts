/**
 * `pensim sweep --format html`: one self-contained page (inline SVG and CSS, no script; a
 * Content-Security-Policy forbids any load, as in report/html-report.ts) with the sweep's chart
 * (report/sweep-chart.ts) and the table of every cell's chosen metrics, so the picture and the
 * numbers sit together. Cells in the table carry `data-metric` and the unrounded `data-value`.
 */
import type { SweepResult } from '../studies/sweep.js';
import { formatAmount, formatMoney, formatPercent } from './format-number.js';
import { sweepChartSvg } from './sweep-chart.js';
import { escapeXml } from './svg-markup.js';

const CSS = `body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;color:#1d2733;margin:24px;max-width:960px}
h1{font-size:20px;margin:0 0 4px}p{color:#5b6775;margin:0 0 16px}svg{max-width:100%;height:auto}
table{border-collapse:collapse;font-size:12px;margin-top:16px}th,td{padding:3px 10px;text-align:right;border-bottom:1px solid #e3e7ec}
th:first-child,td:first-child{text-align:left}`;

export function sweepHtml(s: SweepResult, metric: string): string {
  const name = s.scenario.name ?? 'scenario';
  const head = [...s.grid.map((g) => g.key), ...s.metrics.map((m) => m.name)];
  const rows = s.rows.map(
    (r) =>
      `<tr data-row>${s.grid.map((g) => `<td data-key="${escapeXml(g.key)}">${escapeXml(String(r.cell[g.key]))}</td>`).join('')}${s.metrics
        .map((m) => {
          const v = r.values[m.name];
          const shown = v === null || v === undefined ? '–' : m.kind === 'ratio' ? formatPercent(v, 2) : m.kind === 'value' ? formatAmount(v, 3) : formatMoney(v);
          return `<td data-metric="${escapeXml(m.name)}" data-value="${v ?? ''}">${escapeXml(shown)}</td>`;
        })
        .join('')}</tr>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="pensim ${escapeXml(s.pensim)}">
<title>${escapeXml(`Sweep: ${name}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Sweep of ${escapeXml(name)}</h1>
<p>${s.rows.length} cells, each ${s.paths} paths on seed ${s.seed} (common random numbers: every cell sees the same markets) · pensim ${escapeXml(s.pensim)} · scenario ${escapeXml(s.scenario.hash)}</p>
${sweepChartSvg(s, metric)}
<table>
<thead><tr>${head.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</main>
</body>
</html>
`;
}
