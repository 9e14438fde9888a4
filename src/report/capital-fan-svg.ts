/**
 * The fan chart of capital by age (and, through fanChartSvg, any plan kind's fan by age): percentile bands, the median line, the retirement age (and a
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
  // With a deferred payout the two labels sit on the outer sides of their lines, so they never overlap.
  const deferred = r.ages.payoutStart !== r.ages.retirement;
  const markers: AgeMark[] = [{ id: 'retirement', age: r.ages.retirement, label: `retirement ${r.ages.retirement}`, anchor: deferred ? 'end' : 'middle' }];
  if (deferred) markers.push({ id: 'payout-start', age: r.ages.payoutStart, label: `payout from ${r.ages.payoutStart}`, anchor: 'start' });
  return fanChartSvg(
    {
      title: 'Pension capital by age',
      subtitle: `${shorten(r.scenario.name ?? 'Scenario', 60)} · ${view.format.amount(r.paths)} paths · ${basisLabel(view.basis, r.currency)}`,
      yTitle: `capital at the start of each age (${view.format.unit})`,
      aria: `Pension capital by age: ${r.scenario.name ?? 'scenario'}`,
      chart: 'capital-fan',
      ages: r.fan.ages,
      values: r.fan.capital,
      mean: r.fan.mean,
      percentiles: r.percentiles,
      style: STYLE,
      markers,
      calloutAge: r.ages.payoutStart,
      value: view.format.money,
      ticks: view.format.ticks,
      name: (k) => percentileName(view, k),
    },
    options,
  );
}

/** A dashed line at an age, labelled above the plot. */
export interface AgeMark {
  id: string;
  age: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * One fan by age, as a plan kind describes it (report/client-report.ts): the bands and median of
 * its percentiles, the ages marked, the median (or mean) at `calloutAge` called out, the y axis
 * labelled by `ticks` (money, or a share).
 */
export interface FanChart {
  title: string;
  subtitle: string;
  yTitle: string;
  aria: string;
  /** The chart's data-chart attribute ("capital-fan", "stock-share-fan"). */
  chart: string;
  ages: readonly number[];
  values: Readonly<Record<string, readonly number[]>>;
  mean: readonly number[];
  percentiles: readonly number[];
  style: FanStyle;
  markers: readonly AgeMark[];
  calloutAge: number | null;
  /** The called-out value in words ("$1,234,567", "23.4%"). */
  value: (v: number) => string;
  ticks: (values: readonly number[]) => string[];
  /** A percentile's name ("p5", or "p5 stress"). */
  name: (key: string) => string;
  /** The y axis's least top (1: money; a share's axis reaches at least its largest value). */
  minTop?: number;
}

export function fanChartSvg(c: FanChart, options: ChartOptions = {}): string {
  const drop = headingDrop(options);
  const height = CAPITAL_FAN_HEIGHT - drop;
  const box: Box = { left: 104, top: 84 - drop, width: CAPITAL_FAN_WIDTH - 104 - 32, height: 292 };
  const layout = fanLayout(c.percentiles);
  const all = Object.values(c.values).flat().concat(c.mean);
  const x = scaleLinear().domain([c.ages[0]!, c.ages[c.ages.length - 1]!]).range([box.left, box.left + box.width]);
  const y = scaleLinear()
    .domain([Math.min(0, ...all), Math.max(c.minTop ?? 1, ...all)])
    .nice()
    .range([box.top + box.height, box.top]);
  const yTicks = y.ticks(6);
  const markers = c.markers.map((m) => el('g', { 'data-marker': m.id }, ageMarker(x(m.age), box, m.label, m.anchor)));
  const callout = c.calloutAge === null ? '' : medianCallout(c, c.calloutAge, x, y);
  const body =
    (drop ? '' : heading(24, c.title, c.subtitle)) +
    yAxis(y, box, yTicks, c.ticks(yTicks), c.yTitle) +
    fanMarkup({ ages: c.ages, values: c.values, mean: c.mean }, layout, x, y, c.style) +
    markers.join('') +
    callout +
    xAxis(x, box, ageTicks(x), String, 'age') +
    legend(fanLegend(layout, c.style, c.name, true), box.left, height - 30, CAPITAL_FAN_WIDTH - 24);
  return svgDocument(CAPITAL_FAN_WIDTH, height, c.aria, body, { 'data-chart': c.chart });
}

/** A dashed vertical line at an age with its label above the plot: centred, or ending / starting at the line. */
export function ageMarker(at: number, box: Box, label: string, anchor: 'start' | 'middle' | 'end'): string {
  const dx = anchor === 'end' ? -3 : anchor === 'start' ? 3 : 0;
  return (
    el('line', { x1: at, x2: at, y1: box.top - 4, y2: box.top + box.height, stroke: INK, 'stroke-width': 1, 'stroke-dasharray': '3 3' }) +
    text({ x: at + dx, y: box.top - 10, 'text-anchor': anchor, fill: INK, 'font-size': 11 }, label)
  );
}

/** The median (or mean) at an age: a dot and its value. */
function medianCallout(c: FanChart, age: number, x: (v: number) => number, y: (v: number) => number): string {
  const i = c.ages.indexOf(age);
  if (i < 0) return '';
  const key = c.values['p50'] ? 'p50' : null;
  const value = key ? c.values[key]![i]! : c.mean[i]!;
  const cx = x(age);
  const cy = y(value);
  const label = `${key ? 'median' : 'mean'} at ${age}: ${c.value(value)}`;
  return el(
    'g',
    { 'data-callout': key ?? 'mean' },
    el('circle', { cx, cy, r: 4, fill: c.style.medianColor, stroke: '#ffffff', 'stroke-width': 1.5 }) +
      text({ x: cx - 10, y: cy - 10, 'text-anchor': 'end', fill: INK, 'font-size': 12, 'font-weight': 'bold', stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' }, label),
  );
}

/** At most n characters, with an ellipsis when cut. */
export function shorten(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
