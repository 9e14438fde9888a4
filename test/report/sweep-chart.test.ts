/**
 * Sweep charts as markup (no browser): a 2-D grid gives one heatmap cell per grid cell with the
 * cell's value, a missing value drawn as "–"; a 1-D grid gives a line whose bars are the sweep's
 * standard errors for a mean and absent for a percentile; grids of 3 axes and chart metrics not
 * swept are refused with a message naming the flag.
 */
import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../src/studies/sweep.js';
import { renderPng } from '../../src/cli/render-png.js';
import { HEATMAP_WIDTH } from '../../src/report/heatmap-svg.js';
import { checkSweepChart, stderrMetricOf, sweepChartSvg } from '../../src/report/sweep-chart.js';
import { userError } from '../helpers/user-error.js';

const base = { pensim: '0.1.0', scenario: { name: 'test', hash: 'sha256:0' }, seed: 1, paths: 100 };

const grid2: SweepResult = {
  ...base,
  grid: [{ key: 'a', values: [1, 2] }, { key: 'b', values: ['x', 'y', 'z'] }],
  metrics: [{ name: 'm.p50', kind: 'amount' }],
  rows: [1, 2].flatMap((a) => ['x', 'y', 'z'].map((b, j) => ({ cell: { a, b }, scenarioHash: '', values: { 'm.p50': a === 2 && b === 'z' ? null : 1000 * a + j } }))),
};

const cells = (svg: string) => [...svg.matchAll(/<g data-cell="" data-x="([^"]*)" data-y="([^"]*)" data-value="([^"]*)">.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => m.slice(1));

describe('sweep charts', () => {
  it('2-D: one heatmap cell per grid cell with its value; a missing value is "–"', () => {
    const svg = sweepChartSvg(grid2, 'm.p50');
    expect(cells(svg)).toEqual([
      ['x', '1', '1000', '1 000'], ['y', '1', '1001', '1 001'], ['z', '1', '1002', '1 002'],
      ['x', '2', '2000', '2 000'], ['y', '2', '2001', '2 001'], ['z', '2', '', '–'],
    ]);
    expect(svg).toContain('data-colour-scale');
  });

  it('2-D as PNG: resvg draws it at twice the SVG width', () => {
    const png = renderPng(sweepChartSvg(grid2, 'm.p50'));
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(2 * HEATMAP_WIDTH);
  });

  it('1-D: bars of ±1 standard error for a mean, none for a percentile', () => {
    const line: SweepResult = {
      ...base,
      grid: [{ key: 'a', values: [0.1, 0.2] }],
      metrics: [{ name: 'm.mean', kind: 'amount' }, { name: 'm.stderr', kind: 'amount' }, { name: 'm.p50', kind: 'amount' }],
      rows: [0.1, 0.2].map((a, i) => ({ cell: { a }, scenarioHash: '', values: { 'm.mean': 100 + i, 'm.stderr': 2 + i, 'm.p50': 90 + i } })),
    };
    const points = (svg: string) => [...svg.matchAll(/data-point="" data-x="([^"]*)" data-value="([^"]*)" data-stderr="([^"]*)"/g)].map((m) => m.slice(1));
    expect(points(sweepChartSvg(line, 'm.mean'))).toEqual([['0.1', '100', '2'], ['0.2', '101', '3']]);
    expect(points(sweepChartSvg(line, 'm.p50'))).toEqual([['0.1', '90', ''], ['0.2', '91', '']]);
    expect(stderrMetricOf('real.payoutNet.mean')).toBe('real.payoutNet.stderr');
    expect(stderrMetricOf('payoutNet.p50')).toBeNull();
  });

  it('refuses a 3-axis grid and a chart metric that is not swept', () => {
    expect(userError(() => checkSweepChart(['a', 'b', 'c'], ['m.p50'], 'm.p50', 'png')).message).toMatch(/--format png draws a 2-D sweep as a heatmap .* this grid has 3 axes \(a, b, c\): a heatmap needs exactly two/);
    expect(userError(() => checkSweepChart(['a'], ['m.p50'], 'm.mean', 'svg')).message).toMatch(/--chart-metric: "m\.mean" is not among the sweep's metrics \(m\.p50\); add it to --metrics/);
  });
});
