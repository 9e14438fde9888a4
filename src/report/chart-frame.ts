/**
 * The parts every pensim chart shares: the SVG root, axes with gridlines, a legend and the
 * fonts. Scales and their ticks come from d3-scale (nice domains, 1-2-5 tick steps), so no chart
 * does its own axis arithmetic. Text is set in DejaVu Sans, which the PNG renderer loads from
 * assets/fonts (browsers fall back to Verdana, Arial or their sans-serif).
 */
import type { ScaleLinear } from 'd3-scale';
import { el, escapeXml, text, type Attrs } from './svg-markup.js';

export const FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, sans-serif";
export const INK = '#1d2733';
export const MUTED = '#5b6775';
const GRID = '#e3e7ec';

/** Options every chart takes. */
export interface ChartOptions {
  /** Draw the chart's own title and subtitle (default true); the HTML report has its own headings. */
  heading?: boolean;
}

/** The height a chart's heading takes: without it, the chart is this much shorter. */
export const HEADING_SPACE = 48;

/** How far a chart moves up when it has no heading. */
export function headingDrop(options: ChartOptions): number {
  return options.heading === false ? HEADING_SPACE : 0;
}

/** The plot area inside a chart, in SVG pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A standalone SVG document (xmlns, viewBox, white background) with an accessible title. */
export function svgDocument(width: number, height: number, title: string, body: string, attrs: Attrs = {}): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'font-family': FONT_FAMILY,
      'font-size': 12,
      ...attrs,
    },
    `${el('title', {}, escapeXml(title))}${el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' })}${body}`,
  );
}

/** A chart's heading: a bold title and a muted subtitle under it, left-aligned at x. */
export function heading(x: number, title: string, subtitle: string): string {
  return (
    text({ x, y: 24, 'font-size': 16, 'font-weight': 'bold', fill: INK }, title) +
    text({ x, y: 44, 'font-size': 12, fill: MUTED }, subtitle)
  );
}

/** Horizontal gridlines at the scale's ticks, their labels left of the box, and an optional title above them. */
export function yAxis(y: ScaleLinear<number, number>, box: Box, ticks: readonly number[], labels: readonly string[], title?: string): string {
  const lines = ticks
    .map((t, i) => {
      const at = y(t);
      return (
        el('line', { x1: box.left, x2: box.left + box.width, y1: at, y2: at, stroke: GRID, 'stroke-width': 1 }) +
        text({ x: box.left - 8, y: at + 4, 'text-anchor': 'end', fill: MUTED, 'font-size': 11 }, labels[i]!)
      );
    })
    .join('');
  const heading = title ? text({ x: box.left, y: box.top - 10, fill: MUTED, 'font-size': 11 }, title) : '';
  return el('g', { 'data-axis': 'y' }, lines + heading);
}

/** The x axis line under the box, tick marks and labels, and a title centred below. */
export function xAxis(x: ScaleLinear<number, number>, box: Box, ticks: readonly number[], label: (t: number) => string, title: string): string {
  const base = box.top + box.height;
  const marks = ticks
    .map((t) => {
      const at = x(t);
      return (
        el('line', { x1: at, x2: at, y1: base, y2: base + 5, stroke: MUTED }) +
        text({ x: at, y: base + 18, 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 }, label(t))
      );
    })
    .join('');
  return el(
    'g',
    { 'data-axis': 'x' },
    el('line', { x1: box.left, x2: box.left + box.width, y1: base, y2: base, stroke: MUTED }) +
      marks +
      text({ x: box.left + box.width / 2, y: base + 36, 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 }, title),
  );
}

/** Whole-number ticks of an age scale (ages are whole years). */
export function ageTicks(x: ScaleLinear<number, number>): number[] {
  return x.ticks(Math.min(12, Math.max(2, x.domain()[1]! - x.domain()[0]!))).filter((t) => Number.isInteger(t));
}

export type LegendItem =
  | { kind: 'band'; fill: string; label: string }
  | { kind: 'line'; stroke: string; width: number; dash?: string; label: string };

/** Legend entries in a row from (x, y), wrapping at maxX; widths are estimated from the text length. */
export function legend(items: readonly LegendItem[], x: number, y: number, maxX: number): string {
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const item of items) {
    const w = 26 + textWidth(item.label, 11) + 14;
    if (cx + w > maxX && cx > x) {
      cx = x;
      cy += 18;
    }
    const swatch =
      item.kind === 'band'
        ? el('rect', { x: cx, y: cy - 9, width: 20, height: 10, fill: item.fill })
        : el('line', { x1: cx, x2: cx + 20, y1: cy - 4, y2: cy - 4, stroke: item.stroke, 'stroke-width': item.width, 'stroke-dasharray': item.dash });
    parts.push(swatch + text({ x: cx + 26, y: cy, fill: INK, 'font-size': 11 }, item.label));
    cx += w;
  }
  return el('g', { 'data-legend': '' }, parts.join(''));
}

/** Estimated width of a text in DejaVu Sans (about 0.56 em a character): enough to lay out a legend. */
export function textWidth(s: string, fontSize: number): number {
  return s.length * fontSize * 0.56;
}
