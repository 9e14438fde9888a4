/**
 * Several scenarios' capital fans overlaid on one axis, each in its own colour: the band between
 * the lowest and highest chosen percentile, the band nearest the quartiles, and the median (or the
 * middle chosen percentile). For comparisons on common random numbers (pensim serve, and
 * `pensim compare --format html` for Norwegian scenarios).
 */
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { CurrencyFormat } from './currency-format.js';
import { escapeXml } from './svg-markup.js';

export interface OverlaidFan {
  name: string;
  ages: readonly number[];
  capital: Readonly<Record<string, readonly number[]>>;
}

export const COMPARE_COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#8e44ad'];
const W = 880;
const H = 440;
const M = { left: 100, right: 20, top: 20, bottom: 40 };

export function compareFanSvg(fans: readonly OverlaidFan[], percentiles: readonly number[], format: CurrencyFormat, unitLabel: string): string {
  const keys = [...percentiles].sort((a, b) => a - b).map((q) => `p${q}`);
  const lo = keys[0]!;
  const hi = keys[keys.length - 1]!;
  const closest = (q: number) => keys.reduce((best, k) => (Math.abs(Number(k.slice(1)) - q) < Math.abs(Number(best.slice(1)) - q) ? k : best));
  const innerLo = closest(25);
  const innerHi = closest(75);
  const mid = keys.includes('p50') ? 'p50' : keys[Math.floor(keys.length / 2)]!;
  const ages = fans.flatMap((f) => [...f.ages]);
  const top = Math.max(1, ...fans.flatMap((f) => [...(f.capital[hi] ?? [0])]));
  const x = scaleLinear().domain([Math.min(...ages), Math.max(...ages)]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, top]).nice().range([H - M.bottom, M.top]);
  const yt = y.ticks(6);
  const yLabels = format.ticks(yt);
  const ticks = yt.map((t, i) => `<g><line x1="${M.left}" x2="${W - M.right}" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/><text x="${M.left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11">${escapeXml(yLabels[i]!)}</text></g>`);
  const xTicks = x.ticks(8).map((t) => `<text x="${x(t)}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11">${t}</text>`);
  const layers = fans.map((fan, i) => {
    const idx = fan.ages.map((_, j) => j);
    const at = (k: string, j: number) => fan.capital[k]![j]!;
    const band = (a: string, b: string) => area<number>().x((j) => x(fan.ages[j]!)).y0((j) => y(at(a, j))).y1((j) => y(at(b, j)))(idx) ?? '';
    const median = line<number>().x((j) => x(fan.ages[j]!)).y((j) => y(at(mid, j)))(idx) ?? '';
    const c = colour(i);
    return (
      `<g data-scenario="${i}" data-name="${escapeXml(fan.name)}"><path data-band="${lo}-${hi}" d="${band(lo, hi)}" fill="${c}" fill-opacity="0.10"/>` +
      `<path data-band="${innerLo}-${innerHi}" d="${band(innerLo, innerHi)}" fill="${c}" fill-opacity="0.20"/>` +
      `<path data-line="${mid}" d="${median}" fill="none" stroke="${c}" stroke-width="2.5"/></g>`
    );
  });
  // One legend line per scenario: names can be long.
  const legend = fans.map((f, i) => `<text x="${M.left}" y="${H + 14 + 17 * i}" font-size="12" fill="${colour(i)}">■ ${escapeXml(f.name)}</text>`).join('');
  const height = H + 40 + 17 * fans.length;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" role="img" data-chart="compare-fan" aria-label="Capital by age, overlaid: bands ${lo}–${hi} and ${innerLo}–${innerHi}, line ${mid}">
${ticks.join('')}${xTicks.join('')}${layers.join('')}
${legend}
<text x="${M.left}" y="${H + 14 + 17 * fans.length}" font-size="12" fill="#555">${escapeXml(`capital at the start of each age (${unitLabel}); bands ${lo}–${hi} and ${innerLo}–${innerHi}, line ${mid}`)}</text>
</svg>`;
}

export function colour(i: number): string {
  return COMPARE_COLOURS[i % COMPARE_COLOURS.length]!;
}
