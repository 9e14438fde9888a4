/**
 * `pensim compare --format html`: one self-contained page (inline SVG and CSS, no script, no
 * loads) with the compared scenarios' capital fans overlaid on one axis (each scenario its colour:
 * the p5–p95 and p25–p75 bands and the median, from the chosen percentiles), the terminal-wealth
 * table side by side, and the paired figures of the first scenario against each other one.
 */
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { Comparison } from '../engine/compare.js';
import { currencyFormat } from './currency-format.js';
import { escapeXml } from './svg-markup.js';

export interface CompareFan {
  ages: number[];
  capital: Record<string, number[]>;
}

const COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#8e44ad', '#d35400', '#16a085'];
const W = 880;
const H = 440;
const M = { left: 90, right: 20, top: 20, bottom: 40 };

export function compareHtml(c: Comparison, fans: readonly CompareFan[], runDate: string): string {
  const f = currencyFormat('USD');
  const money = (x: number) => (Number.isFinite(x) ? f.money(x) : '–');
  const pct = (x: number) => (Number.isFinite(x) ? f.percent(x, 1) : '–');
  const keys = c.percentiles.map((q) => `p${q}`);
  const title = `Comparison: ${c.scenarios.map((s) => s.name).join(' vs ')}`;
  const cell = (s: string) => `<td>${escapeXml(s)}</td>`;
  const scenarioRows = [
    `<tr><th></th>${c.scenarios.map((s, i) => `<th style="color:${colour(i)}">${escapeXml(s.name)}</th>`).join('')}</tr>`,
    ...keys.map((k) => `<tr><th>terminal wealth ${k}</th>${c.scenarios.map((s) => `<td data-scenario="${s.hash}" data-key="${k}" data-value="${s.terminalWealth.percentiles[k]}">${escapeXml(money(s.terminalWealth.percentiles[k]!))}</td>`).join('')}</tr>`),
    `<tr><th>mean</th>${c.scenarios.map((s) => cell(money(s.terminalWealth.mean))).join('')}</tr>`,
    `<tr><th>VaR ${pct(c.alpha)}</th>${c.scenarios.map((s) => cell(money(s.valueAtRisk))).join('')}</tr>`,
    `<tr><th>CVaR ${pct(c.alpha)}</th>${c.scenarios.map((s) => cell(money(s.expectedShortfall))).join('')}</tr>`,
    `<tr><th>certainty equivalent, γ = ${c.gamma}</th>${c.scenarios.map((s) => cell(money(s.certaintyEquivalent))).join('')}</tr>`,
    `<tr><th>P(company stock loses more than half)</th>${c.scenarios.map((s) => cell(s.employerStock ? pct(s.employerStock.probabilityStockLosesHalf) : '–')).join('')}</tr>`,
    `<tr><th>CE value of $1 of company stock</th>${c.scenarios.map((s) => cell(s.employerStock ? s.employerStock.ceValuePerDollar.toFixed(3) : '–')).join('')}</tr>`,
  ];
  const pairedRows = c.paired.map(
    (p) =>
      `<tr data-pair="${escapeXml(p.a)}|${escapeXml(p.b)}"><td>${escapeXml(p.a)} vs ${escapeXml(p.b)}</td>` +
      `<td data-key="pALessThanB" data-value="${p.probabilityALessThanB}">${escapeXml(pct(p.probabilityALessThanB))}</td>` +
      `<td>${escapeXml(money(p.difference.percentiles.p50 ?? NaN))}</td><td>${escapeXml(money(p.differenceValueAtRisk))}</td><td>${escapeXml(money(p.differenceExpectedShortfall))}</td></tr>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:12px 0}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}</style>
</head><body>
<h1>${escapeXml(title)}</h1>
<p>${c.paths.toLocaleString('en-US')} paths each, seed ${c.seed}, on common random numbers (path i sees the same markets in every scenario); amounts in nominal USD. pensim ${escapeXml(c.pensim)}, ${escapeXml(runDate)}.</p>
<h2>Account value by age</h2>
${fanChart(c, fans)}
<h2>Terminal wealth and risk</h2>
<table>${scenarioRows.join('\n')}</table>
<h2>Paired figures (same path in both)</h2>
<table><tr><th>pair A vs B</th><th>P(A &lt; B)</th><th>median of A − B</th><th>VaR of A − B</th><th>CVaR of A − B</th></tr>${pairedRows.join('\n')}</table>
</body></html>
`;
}

function colour(i: number): string {
  return COLOURS[i % COLOURS.length]!;
}

/** The scenarios' fans overlaid: outer band (lowest–highest percentile), inner band, median. */
function fanChart(c: Comparison, fans: readonly CompareFan[]): string {
  const keys = [...c.percentiles].sort((a, b) => a - b).map((q) => `p${q}`);
  const lo = keys[0]!;
  const hi = keys[keys.length - 1]!;
  // The inner band is the pair of chosen percentiles closest to the quartiles.
  const closest = (q: number) => keys.reduce((best, k) => (Math.abs(Number(k.slice(1)) - q) < Math.abs(Number(best.slice(1)) - q) ? k : best));
  const innerLo = closest(25);
  const innerHi = closest(75);
  const mid = keys.includes('p50') ? 'p50' : keys[Math.floor(keys.length / 2)]!;
  const ages = fans.flatMap((f) => f.ages);
  const top = Math.max(...fans.flatMap((f) => f.capital[hi] ?? [0]));
  const x = scaleLinear().domain([Math.min(...ages), Math.max(...ages)]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, top]).nice().range([H - M.bottom, M.top]);
  const f = currencyFormat('USD');
  const ticks = y.ticks(6).map((t) => `<g><line x1="${M.left}" x2="${W - M.right}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/><text x="${M.left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11">${escapeXml(f.money(t))}</text></g>`);
  const xTicks = x.ticks(8).map((t) => `<text x="${x(t)}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11">${t}</text>`);
  const layers = fans.map((fan, i) => {
    const at = (k: string) => (j: number) => fan.capital[k]![j]!;
    const band = (a: string, b: string) => area<number>().x((j) => x(fan.ages[j]!)).y0((j) => y(at(a)(j))).y1((j) => y(at(b)(j)))(fan.ages.map((_, j) => j)) ?? '';
    const median = line<number>().x((j) => x(fan.ages[j]!)).y((j) => y(at(mid)(j)))(fan.ages.map((_, j) => j)) ?? '';
    const name = escapeXml(c.scenarios[i]?.name ?? `scenario ${i + 1}`);
    return (
      `<g data-scenario="${name}"><path data-band="${lo}-${hi}" d="${band(lo, hi)}" fill="${colour(i)}" fill-opacity="0.12"/>` +
      `<path data-band="${innerLo}-${innerHi}" d="${band(innerLo, innerHi)}" fill="${colour(i)}" fill-opacity="0.22"/>` +
      `<path data-line="${mid}" d="${median}" fill="none" stroke="${colour(i)}" stroke-width="2"/></g>`
    );
  });
  const legend = c.scenarios.map((s, i) => `<tspan fill="${colour(i)}" dx="${i ? 16 : 0}">■ ${escapeXml(s.name)}</tspan>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H + 40}" viewBox="0 0 ${W} ${H + 40}" role="img" aria-label="Account value by age, ${lo}–${hi} and ${innerLo}–${innerHi} bands and ${mid}">
${ticks.join('')}${xTicks.join('')}${layers.join('')}
<text x="${M.left}" y="${H + 14}" font-size="12">${legend}</text>
<text x="${M.left}" y="${H + 32}" font-size="12" fill="#555">bands ${lo}–${hi} and ${innerLo}–${innerHi}, line ${mid}; age on the horizontal axis</text>
</svg>`;
}
