/**
 * A line over one swept parameter with error bars, for 1-D sweeps: the metric at each grid value,
 * joined by a line, with bars of ±1 standard error where one is known (means: the run's standard
 * error of the mean). Numeric grid values are placed on a linear scale, others evenly. Points carry
 * `data-x`, `data-value` and `data-stderr`.
 */
import { scaleLinear } from 'd3-scale';
import { heading, INK, svgDocument, xAxis, yAxis, type ChartOptions } from './chart-frame.js';
import { el } from './svg-markup.js';

export interface LinePoint {
  /** The grid value as shown. */
  label: string;
  /** Its position when the grid values are numbers. */
  x: number | null;
  value: number | null;
  stderr: number | null;
}

export interface ErrorBarLine {
  title: string;
  subtitle: string;
  xLabel: string;
  yLabel: string;
  points: readonly LinePoint[];
  format: (v: number) => string;
}

const WIDTH = 880;
const HEIGHT = 480;
const LINE = '#1f5fa8';

export function errorBarLineSvg(l: ErrorBarLine, options: ChartOptions = {}): string {
  const top = options.heading === false ? 24 : 80;
  const box = { left: 100, top, width: WIDTH - 140, height: HEIGHT - top - 60 };
  const numeric = l.points.every((p) => p.x !== null);
  const xs = l.points.map((p, i) => (numeric ? p.x! : i));
  const x = scaleLinear().domain([Math.min(...xs), Math.max(...xs)]).range([box.left + 20, box.left + box.width - 20]);
  if (xs.length === 1 || Math.min(...xs) === Math.max(...xs)) x.domain([xs[0]! - 1, xs[0]! + 1]);
  const lows = l.points.flatMap((p) => (p.value === null ? [] : [p.value - (p.stderr ?? 0)]));
  const highs = l.points.flatMap((p) => (p.value === null ? [] : [p.value + (p.stderr ?? 0)]));
  const y = scaleLinear().domain([Math.min(...lows, Infinity), Math.max(...highs, -Infinity)]).range([box.top + box.height, box.top]);
  if (lows.length === 0) y.domain([0, 1]);
  else if (y.domain()[0] === y.domain()[1]) y.domain([y.domain()[0]! - (Math.abs(y.domain()[0]!) || 1) * 0.01, y.domain()[1]! + (Math.abs(y.domain()[1]!) || 1) * 0.01]);
  y.nice();
  const yTicks = y.ticks(6);
  const xTicks = numeric ? x.ticks(Math.min(10, xs.length + 2)) : xs;
  const xLabel = (t: number) => (numeric ? String(t) : l.points[t]?.label ?? '');
  const drawn = l.points.map((p, i) => ({ p, px: x(xs[i]!) })).filter((d) => d.p.value !== null);
  const path = drawn.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.px.toFixed(2)},${y(d.p.value!).toFixed(2)}`).join('');
  const points = drawn
    .map(({ p, px }) => {
      const cy = y(p.value!);
      const bar =
        p.stderr === null
          ? ''
          : el('line', { x1: px, x2: px, y1: y(p.value! - p.stderr), y2: y(p.value! + p.stderr), stroke: INK, 'stroke-width': 1.2 }) +
            el('line', { x1: px - 5, x2: px + 5, y1: y(p.value! - p.stderr), y2: y(p.value! - p.stderr), stroke: INK, 'stroke-width': 1.2 }) +
            el('line', { x1: px - 5, x2: px + 5, y1: y(p.value! + p.stderr), y2: y(p.value! + p.stderr), stroke: INK, 'stroke-width': 1.2 });
      return el('g', { 'data-point': '', 'data-x': p.label, 'data-value': String(p.value), 'data-stderr': p.stderr === null ? '' : String(p.stderr) }, bar + el('circle', { cx: px, cy, r: 3.5, fill: LINE }));
    })
    .join('');
  return svgDocument(
    WIDTH,
    HEIGHT - (options.heading === false ? 56 : 0),
    `${l.title}: ${l.subtitle}`,
    (options.heading === false ? '' : heading(box.left, l.title, l.subtitle)) +
      yAxis(y, box, yTicks, yTicks.map(l.format), l.yLabel) +
      xAxis(x, box, xTicks, xLabel, l.xLabel) +
      el('path', { d: path, fill: 'none', stroke: LINE, 'stroke-width': 2 }) +
      el('g', { 'data-line': '' }, points),
  );
}
