/**
 * The bands and lines of one fan over an age scale: each band an area between two percentile
 * series (d3-shape's area), each line a percentile series (d3-shape's line). Every band is drawn
 * in one colour at a fixed opacity, so nested bands darken towards the median by themselves,
 * whatever the number of percentiles. Elements carry data attributes (data-band="p5-p95",
 * data-line="p50") so a test or a script can find them.
 */
import { area, line } from 'd3-shape';
import type { ScaleLinear } from 'd3-scale';
import type { FanLayout } from './fan-bands.js';
import type { LegendItem } from './chart-frame.js';
import { el } from './svg-markup.js';

/** Opacity of one band: k nested bands show 1 − (1 − BAND_OPACITY)^k of the colour. */
const BAND_OPACITY = 0.24;

export interface FanSeries {
  ages: readonly number[];
  /** Percentile series by key ("p5" -> one value per age). */
  values: Readonly<Record<string, readonly number[]>>;
  /** Drawn instead of the median when p50 was not chosen. */
  mean?: readonly number[];
}

export interface FanStyle {
  color: string;
  medianColor: string;
  /** Names the fan in its data attributes ("capital", "gross", "net"). */
  series: string;
}

export function fanMarkup(fan: FanSeries, layout: FanLayout, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, style: FanStyle): string {
  const points = (key: string) => fan.ages.map((age, i) => [x(age), y(fan.values[key]![i]!)] as [number, number]);
  const bands = layout.bands
    .map((b) => {
      const lo = points(b.lower);
      const hi = points(b.upper);
      const d = area<number>()
        .x((i) => lo[i]![0])
        .y0((i) => lo[i]![1])
        .y1((i) => hi[i]![1])(fan.ages.map((_, i) => i));
      return el('path', { d: d ?? '', fill: style.color, 'fill-opacity': BAND_OPACITY, stroke: 'none', 'data-band': `${b.lower}-${b.upper}`, 'data-series': style.series });
    })
    .join('');
  const path = (pts: [number, number][]) => line()(pts) ?? '';
  const lines = layout.lines
    .map((k) => el('path', { d: path(points(k)), fill: 'none', stroke: style.medianColor, 'stroke-width': 1.5, 'stroke-dasharray': '5 4', 'data-line': k, 'data-series': style.series }))
    .join('');
  let centre = '';
  if (layout.median) {
    centre = el('path', { d: path(points(layout.median)), fill: 'none', stroke: style.medianColor, 'stroke-width': 2.5, 'data-line': layout.median, 'data-series': style.series });
  } else if (fan.mean) {
    const pts = fan.ages.map((age, i) => [x(age), y(fan.mean![i]!)] as [number, number]);
    centre = el('path', { d: path(pts), fill: 'none', stroke: style.medianColor, 'stroke-width': 2.5, 'data-line': 'mean', 'data-series': style.series });
  }
  return el('g', { 'data-fan': style.series }, bands + lines + centre);
}

/** Legend entries for a fan: each band with the share of outcomes inside it, the median (or mean), the lone lines. */
export function fanLegend(layout: FanLayout, style: FanStyle, name: (key: string) => string, hasMean: boolean): LegendItem[] {
  const items: LegendItem[] = layout.bands.map((b, k) => ({
    kind: 'band',
    fill: mix(style.color, 1 - (1 - BAND_OPACITY) ** (k + 1)),
    label: `${name(b.lower)}–${name(b.upper)} (${b.coverage} % of outcomes)`,
  }));
  if (layout.median) items.push({ kind: 'line', stroke: style.medianColor, width: 2.5, label: `median (${name(layout.median)})` });
  else if (hasMean) items.push({ kind: 'line', stroke: style.medianColor, width: 2.5, label: 'mean' });
  for (const k of layout.lines) items.push({ kind: 'line', stroke: style.medianColor, width: 1.5, dash: '5 4', label: name(k) });
  return items;
}

/** The colour `hex` at opacity a over white, as an opaque hex colour (for legend swatches). */
function mix(hex: string, a: number): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${c.map((v) => Math.round(255 - a * (255 - v)).toString(16).padStart(2, '0')).join('')}`;
}
