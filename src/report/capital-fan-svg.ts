/**
 * The fan chart of capital by age: percentile bands, the median line, the retirement age (and a
 * later payout start) marked, the median capital at the payout start called out, the y axis in the
 * currency with d3's nice ticks. The same SVG stands alone (--format svg, and png through resvg)
 * and sits inside the HTML report.
 */
import { scaleLinear } from 'd3-scale';
import { basisLabel } from './amount-basis.js';
import { ageTicks, heading, headingDrop, INK, legend, svgDocument, xAxis, yAxis, type Box, type ChartOptions } from './chart-frame.js';
import { fanLayout } from './fan-bands.js';
import { fanLegend, fanMarkup, type FanStyle } from './fan-markup.js';
import { percentileName, type ReportView } from './report-view.js';
import { el, text } from './svg-markup.js';

export const CAPITAL_FAN_WIDTH = 880;
export const CAPITAL_FAN_HEIGHT = 480;

const STYLE: FanStyle = { color: '#2f6db5', medianColor: '#173a66', series: 'capital' };

export function capitalFanSvg(view: ReportView, options: ChartOptions = {}): string {
  const r = view.result;
  const drop = headingDrop(options);
  const height = CAPITAL_FAN_HEIGHT - drop;
  const box: Box = { left: 104, top: 84 - drop, width: CAPITAL_FAN_WIDTH - 104 - 32, height: 292 };
  const layout = fanLayout(r.percentiles);
  const all = Object.values(r.fan.capital).flat().concat(r.fan.mean);
  const x = scaleLinear().domain([r.fan.ages[0]!, r.fan.ages[r.fan.ages.length - 1]!]).range([box.left, box.left + box.width]);
  const y = scaleLinear()
    .domain([Math.min(0, ...all), Math.max(1, ...all)])
    .nice()
    .range([box.top + box.height, box.top]);
  const yTicks = y.ticks(6);

  // With a deferred payout the two labels sit on the outer sides of their lines, so they never overlap.
  const deferred = r.ages.payoutStart !== r.ages.retirement;
  const markers = [el('g', { 'data-marker': 'retirement' }, ageMarker(x(r.ages.retirement), box, `retirement ${r.ages.retirement}`, deferred ? 'end' : 'middle'))];
  if (deferred) {
    markers.push(el('g', { 'data-marker': 'payout-start' }, ageMarker(x(r.ages.payoutStart), box, `payout from ${r.ages.payoutStart}`, 'start')));
  }
  const callout = medianCallout(view, x, y);
  const name = (k: string) => percentileName(view, k);
  const subtitle = `${shorten(r.scenario.name ?? 'Scenario', 60)} · ${view.format.amount(r.paths)} paths · ${basisLabel(view.basis, r.currency)}`;
  const body =
    (drop ? '' : heading(24, 'Pension capital by age', subtitle)) +
    yAxis(y, box, yTicks, view.format.ticks(yTicks), `capital at the start of each age (${view.format.unit})`) +
    fanMarkup({ ages: r.fan.ages, values: r.fan.capital, mean: r.fan.mean }, layout, x, y, STYLE) +
    markers.join('') +
    callout +
    xAxis(x, box, ageTicks(x), String, 'age') +
    legend(fanLegend(layout, STYLE, name, true), box.left, height - 30, CAPITAL_FAN_WIDTH - 24);
  return svgDocument(CAPITAL_FAN_WIDTH, height, `Pension capital by age: ${r.scenario.name ?? 'scenario'}`, body, { 'data-chart': 'capital-fan' });
}

/** A dashed vertical line at an age with its label above the plot: centred, or ending / starting at the line. */
export function ageMarker(at: number, box: Box, label: string, anchor: 'start' | 'middle' | 'end'): string {
  const dx = anchor === 'end' ? -3 : anchor === 'start' ? 3 : 0;
  return (
    el('line', { x1: at, x2: at, y1: box.top - 4, y2: box.top + box.height, stroke: INK, 'stroke-width': 1, 'stroke-dasharray': '3 3' }) +
    text({ x: at + dx, y: box.top - 10, 'text-anchor': anchor, fill: INK, 'font-size': 11 }, label)
  );
}

/** The median (or mean) capital at the payout start: a dot and its amount. */
function medianCallout(view: ReportView, x: (v: number) => number, y: (v: number) => number): string {
  const r = view.result;
  const i = r.fan.ages.indexOf(r.ages.payoutStart);
  if (i < 0) return '';
  const key = r.fan.capital['p50'] ? 'p50' : null;
  const value = key ? r.fan.capital[key]![i]! : r.fan.mean[i]!;
  const cx = x(r.ages.payoutStart);
  const cy = y(value);
  const label = `${key ? 'median' : 'mean'} at ${r.ages.payoutStart}: ${view.format.money(value)}`;
  return el(
    'g',
    { 'data-callout': key ?? 'mean' },
    el('circle', { cx, cy, r: 4, fill: STYLE.medianColor, stroke: '#ffffff', 'stroke-width': 1.5 }) +
      text({ x: cx - 10, y: cy - 10, 'text-anchor': 'end', fill: INK, 'font-size': 12, 'font-weight': 'bold', stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' }, label),
  );
}

/** At most n characters, with an ellipsis when cut. */
export function shorten(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
