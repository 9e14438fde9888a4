/**
 * A heatmap of a 2-D grid of cells, for sweeps drawn as surfaces (and any grid of numbers, e.g. a
 * US sweep's certainty-equivalent value of company stock): one rectangle per cell coloured by its
 * value on a sequential blue scale (light = low, dark = high), the value written in the cell, the
 * axes labelled with the grid's values, and a colour bar with its ticks. The first row value is at
 * the bottom, as on a plot's y axis. Each cell carries `data-x`, `data-y` and the unrounded
 * `data-value` (a test reads them back in Chromium).
 */
import { scaleLinear } from 'd3-scale';
import { heading, INK, MUTED, svgDocument, textWidth, type ChartOptions } from './chart-frame.js';
import { el, text } from './svg-markup.js';

export interface HeatmapGrid {
  title: string;
  subtitle: string;
  /** Columns: the axis label and each column's value as shown. */
  x: { label: string; values: readonly string[] };
  /** Rows, drawn bottom to top. */
  y: { label: string; values: readonly string[] };
  /** values[row][column]; null = no value for that cell (drawn grey, "–"). */
  values: readonly (readonly (number | null)[])[];
  /** The metric's name, for the colour bar. */
  metric: string;
  format: (v: number) => string;
}

export const HEATMAP_WIDTH = 880;
/** Low to high: the ends and middle of a sequential blue scale. */
const RAMP = ['#eef5fc', '#5b9bd0', '#0b3a70'] as const;
const MISSING = '#d9dde2';

export function heatmapSvg(g: HeatmapGrid, options: ChartOptions = {}): string {
  const nx = g.x.values.length;
  const ny = g.y.values.length;
  const top = options.heading === false ? 16 : 64;
  const yLabelWidth = Math.min(160, Math.max(40, ...g.y.values.map((v) => textWidth(v, 11)))) + 40;
  const box = { left: yLabelWidth, top, width: HEATMAP_WIDTH - yLabelWidth - 120, height: ny * Math.max(28, Math.min(60, 420 / ny)) };
  const cw = box.width / nx;
  const ch = box.height / ny;
  const height = box.top + box.height + 64;
  const finite = g.values.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (finite.length === 0) [lo, hi] = [0, 1];
  else if (lo === hi) [lo, hi] = [lo - (Math.abs(lo) || 1) * 0.01, hi + (Math.abs(hi) || 1) * 0.01];
  const colour = scaleLinear<string>().domain([lo, (lo + hi) / 2, hi]).range(RAMP).clamp(true);
  const dark = (v: number) => v > (lo + hi) / 2;

  const cells: string[] = [];
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      const v = g.values[r]?.[c] ?? null;
      const x = box.left + c * cw;
      const y = box.top + (ny - 1 - r) * ch;
      const label = v === null ? '–' : g.format(v);
      const size = Math.max(7, Math.min(12, (cw - 6) / (label.length * 0.6)));
      cells.push(
        el(
          'g',
          { 'data-cell': '', 'data-x': g.x.values[c]!, 'data-y': g.y.values[r]!, 'data-value': v === null ? '' : String(v) },
          el('rect', { x, y, width: cw, height: ch, fill: v === null ? MISSING : colour(v), stroke: '#ffffff', 'stroke-width': 1 }) +
            text({ x: x + cw / 2, y: y + ch / 2 + size * 0.35, 'text-anchor': 'middle', 'font-size': size, fill: v !== null && dark(v) ? '#ffffff' : INK }, label),
        ),
      );
    }
  }
  const xLabels = g.x.values
    .map((v, c) => text({ x: box.left + (c + 0.5) * cw, y: box.top + box.height + 16, 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 }, v))
    .join('');
  const yLabels = g.y.values
    .map((v, r) => text({ x: box.left - 8, y: box.top + (ny - 0.5 - r) * ch + 4, 'text-anchor': 'end', fill: MUTED, 'font-size': 11 }, v))
    .join('');
  const axes =
    el('g', { 'data-axis': 'x' }, xLabels + text({ x: box.left + box.width / 2, y: box.top + box.height + 36, 'text-anchor': 'middle', fill: INK, 'font-size': 12 }, g.x.label)) +
    el(
      'g',
      { 'data-axis': 'y' },
      yLabels +
        text({ x: 14, y: box.top + box.height / 2, 'text-anchor': 'middle', fill: INK, 'font-size': 12, transform: `rotate(-90 14 ${box.top + box.height / 2})` }, g.y.label),
    );
  return svgDocument(
    HEATMAP_WIDTH,
    height,
    `${g.title}: ${g.subtitle}`,
    (options.heading === false ? '' : heading(box.left, g.title, g.subtitle)) +
      el('g', { 'data-heatmap': '' }, cells.join('')) +
      axes +
      colourBar(colour, lo, hi, { left: box.left + box.width + 28, top: box.top, height: box.height }, g.metric, g.format),
  );
}

/** A vertical colour bar (low at the bottom) with its ticks and the metric's name above it. */
function colourBar(colour: (v: number) => string, lo: number, hi: number, at: { left: number; top: number; height: number }, metric: string, format: (v: number) => string): string {
  const stops = Array.from({ length: 11 }, (_, i) => el('stop', { offset: `${i * 10}%`, 'stop-color': colour(hi - ((hi - lo) * i) / 10) })).join('');
  const y = scaleLinear().domain([lo, hi]).range([at.top + at.height, at.top]);
  const ticks = y
    .ticks(5)
    .map((t) => el('line', { x1: at.left + 14, x2: at.left + 18, y1: y(t), y2: y(t), stroke: MUTED }) + text({ x: at.left + 21, y: y(t) + 4, fill: MUTED, 'font-size': 10 }, format(t)))
    .join('');
  return el(
    'g',
    { 'data-colour-scale': '' },
    el('defs', {}, el('linearGradient', { id: 'pensim-heat', x1: 0, x2: 0, y1: 0, y2: 1 }, stops)) +
      el('rect', { x: at.left, y: at.top, width: 14, height: at.height, fill: 'url(#pensim-heat)', stroke: MUTED, 'stroke-width': 0.5 }) +
      ticks +
      text({ x: HEATMAP_WIDTH - 8, y: at.top - 8, 'text-anchor': 'end', fill: MUTED, 'font-size': 10 }, metric),
  );
}
