/**
 * The distribution of the first yearly pension (at the payout start), drawn from the reported
 * percentiles only: a cumulative distribution (share of outcomes below an amount) through the
 * points (value of p, p %), straight between them. The run keeps percentiles, not samples, so this
 * is the honest picture: each marked point is exact (an order statistic of all paths), the lines
 * between them are interpolation, and nothing is drawn below the lowest or above the highest
 * chosen percentile (the tails are stated in words instead). Before tax solid, after tax dashed.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Metric } from '../result/simulation-result.js';
import { basisLabel } from './amount-basis.js';
import { heading, headingDrop, INK, legend, MUTED, svgDocument, xAxis, yAxis, type Box, type ChartOptions } from './chart-frame.js';
import { shorten } from './capital-fan-svg.js';
import { percentileKeys, percentileName, type ReportView } from './report-view.js';
import { el, text } from './svg-markup.js';

export const DISTRIBUTION_WIDTH = 880;
export const DISTRIBUTION_HEIGHT = 420;

const GROSS = '#173a66';
const NET = '#2a8c5a';
/** Least vertical distance between two point labels, in px. */
const LABEL_GAP = 13;

/** One cumulative curve through a metric's reported percentiles. */
export interface DistributionCurve {
  metric: Metric;
  color: string;
  series: string;
  label: string;
  dash?: string;
}

/** What a distribution chart draws: its curves (the first labelled point by point), in one plan kind's words and amounts. */
export interface DistributionChart {
  /** Drawn last to first, so the first is on top. */
  curves: DistributionCurve[];
  keys: readonly string[];
  name: (key: string) => string;
  format: { money: (v: number) => string; percent: (v: number, digits?: number) => string; ticks: (values: number[]) => string[]; unit: string };
  title: string;
  subtitle: string;
  xTitle: string;
  aria: string;
  chart: string;
}

export function pensionDistributionSvg(view: ReportView, options: ChartOptions = {}): string {
  const r = view.result;
  return distributionSvg(
    {
      curves: [
        { metric: r.metrics.payoutGross, color: GROSS, series: 'gross', label: 'before tax' },
        { metric: r.metrics.payoutNet, color: NET, series: 'net', label: 'after tax', dash: '6 4' },
      ],
      keys: percentileKeys(view),
      name: (k) => percentileName(view, k),
      format: view.format,
      title: `Yearly pension in the first payout year (age ${r.ages.payoutStart})`,
      subtitle: `${shorten(r.scenario.name ?? 'Scenario', 60)} · ${basisLabel(view.basis, r.currency)}`,
      xTitle: `first yearly pension (${view.format.unit})`,
      aria: `Distribution of the first yearly pension: ${r.scenario.name ?? 'scenario'}`,
      chart: 'pension-distribution',
    },
    options,
  );
}

export function distributionSvg(c: DistributionChart, options: ChartOptions = {}): string {
  const drop = headingDrop(options);
  const height = DISTRIBUTION_HEIGHT - drop;
  const box: Box = { left: 104, top: 84 - drop, width: DISTRIBUTION_WIDTH - 104 - 250, height: 250 };
  const keys = c.keys;
  const level = (k: string) => Number(k.slice(1));
  const first = c.curves[0]!.metric;
  const values = keys.flatMap((k) => c.curves.map((cv) => cv.metric.percentiles[k]!));
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-9 * Math.max(1, Math.abs(hi))) {
    const pad = Math.max(1, Math.abs(hi) * 0.1);
    lo -= pad;
    hi += pad;
  }
  const x = scaleLinear().domain([Math.min(0, lo), hi]).nice().range([box.left, box.left + box.width]);
  const y = scaleLinear().domain([0, 100]).range([box.top + box.height, box.top]);
  const yTicks = [0, 25, 50, 75, 100];
  const xTicks = x.ticks(5);
  const xLabels = c.format.ticks(xTicks);

  const curve = (m: Metric, color: string, series: string, dash?: string) => {
    const pts = keys.map((k) => [x(m.percentiles[k]!), y(level(k))] as [number, number]);
    const dots = pts.map(([cx, cy], i) => el('circle', { cx, cy, r: 3.5, fill: color, 'data-percentile': keys[i], 'data-value': String(m.percentiles[keys[i]!]) })).join('');
    return el('g', { 'data-series': series }, el('path', { d: line()(pts) ?? '', fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': dash }) + dots);
  };

  // Labels of the first curve's points, right of the plot, at each point's height (pushed apart when close).
  const labelYs = spread(keys.map((k) => y(level(k))), LABEL_GAP, box.top - 6, box.top + box.height + 6);
  const labels = keys
    .map((k, i) => {
      const px = x(first.percentiles[k]!);
      const ly = labelYs[i]!;
      const lx = box.left + box.width + 16;
      return (
        el('line', { x1: px + 5, x2: lx - 4, y1: y(level(k)), y2: ly - 4, stroke: '#c3cad3', 'stroke-width': 1, 'stroke-dasharray': '2 3' }) +
        text({ x: lx, y: ly, fill: INK, 'font-size': 11, 'data-label': k }, `${c.name(k)}: ${c.format.money(first.percentiles[k]!)}`)
      );
    })
    .join('');
  const lowest = level(keys[0]!);
  const highest = level(keys[keys.length - 1]!);
  const tails = `Not drawn: the lowest ${fmtLevel(lowest)} % of outcomes (below ${keys[0]}) and the highest ${fmtLevel(100 - highest)} % (above ${keys[keys.length - 1]}); the run reports percentiles, not every outcome.`;
  const body =
    (drop ? '' : heading(24, c.title, c.subtitle)) +
    yAxis(y, box, yTicks, yTicks.map((t) => c.format.percent(t / 100, 0)), 'share of outcomes below the amount') +
    xAxis(x, box, xTicks, (t) => xLabels[xTicks.indexOf(t)]!, c.xTitle) +
    [...c.curves].reverse().map((cv) => curve(cv.metric, cv.color, cv.series, cv.dash)).join('') +
    labels +
    text({ x: box.left, y: height - 12, fill: MUTED, 'font-size': 10.5 }, tails) +
    legend(
      c.curves.map((cv) => ({ kind: 'line' as const, stroke: cv.color, width: 2, ...(cv.dash && { dash: cv.dash }), label: cv.label })),
      box.left,
      height - 32,
      DISTRIBUTION_WIDTH - 24,
    );
  return svgDocument(DISTRIBUTION_WIDTH, height, c.aria, body, { 'data-chart': c.chart });
}

/**
 * Label positions near the wanted ones (any order), at least `gap` apart, within [min, max]:
 * sorted, pushed down where they crowd, then pulled back up from the bottom edge.
 */
export function spread(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const placed = order.map(([v]) => v);
  for (let i = 0; i < placed.length; i++) placed[i] = Math.max(placed[i]!, i === 0 ? min : placed[i - 1]! + gap);
  for (let i = placed.length - 1; i >= 0; i--) placed[i] = Math.min(placed[i]!, i === placed.length - 1 ? max : placed[i + 1]! - gap);
  const out = new Array<number>(wanted.length);
  order.forEach(([, i], j) => (out[i] = placed[j]!));
  return out;
}

function fmtLevel(p: number): string {
  return String(Math.round(p * 1000) / 1000);
}
