/**
 * A sweep drawn: a 2-D grid as a heatmap of one metric (rows: the first --grid key, columns: the
 * second), a 1-D grid as a line with ±1 standard-error bars (for a mean, from the sweep's
 * `<metric>.stderr`, which the command adds). Any other grid is refused with a message saying so.
 * Example: `--grid a=1,2 --grid b=3,4,5 --chart-metric payoutNet.p50` is a 2 × 3 heatmap.
 */
import type { SweepResult } from '../studies/sweep.js';
import type { GridValue } from '../studies/sweep-grid.js';
import { UserError } from '../base/user-error.js';
import { errorBarLineSvg } from './error-bar-line-svg.js';
import { formatAmount, formatMoney, formatPercent } from './format-number.js';
import { heatmapSvg } from './heatmap-svg.js';
import type { ChartOptions } from './chart-frame.js';

/** The chart metric and the flag it came from must fit the grid: checked before any cell runs. */
export function checkSweepChart(keys: readonly string[], metrics: readonly string[], chartMetric: string, format: string): void {
  if (keys.length > 2) {
    throw new UserError([
      {
        path: '--format',
        message: `--format ${format} draws a 2-D sweep as a heatmap (or a 1-D sweep as a line), but this grid has ${keys.length} axes (${keys.join(', ')}): a heatmap needs exactly two, so give all but two of them a single value, or write the grid with --format csv, json, arrow or parquet`,
      },
    ]);
  }
  if (!metrics.includes(chartMetric)) {
    throw new UserError([{ path: '--chart-metric', message: `"${chartMetric}" is not among the sweep's metrics (${metrics.join(', ')}); add it to --metrics` }]);
  }
}

/** The standard-error metric that goes with a chart metric, when there is one (means only). */
export function stderrMetricOf(metric: string): string | null {
  return metric.endsWith('.mean') ? `${metric.slice(0, -'.mean'.length)}.stderr` : null;
}

function formatter(s: SweepResult, metric: string): (v: number) => string {
  const kind = s.metrics.find((m) => m.name === metric)?.kind;
  if (kind === 'ratio') return (v) => formatPercent(v, 2);
  // Amounts in whole units; small numbers (a value per dollar, a ratio-like amount) with decimals.
  return (v) => (Math.abs(v) >= 1000 ? formatMoney(v) : formatAmount(v, Math.abs(v) >= 10 ? 1 : 3));
}

const show = (v: GridValue) => String(v);
/** The title names a grid key by its last segment (the axes carry the whole key), so it fits the width. */
const lastSegment = (key: string) => key.split('.').at(-1)!;

export function sweepChartSvg(s: SweepResult, metric: string, options: ChartOptions = {}): string {
  checkSweepChart(s.grid.map((g) => g.key), s.metrics.map((m) => m.name), metric, 'chart');
  const format = formatter(s, metric);
  const subtitle = `${s.scenario.name ?? 'scenario'} · ${s.paths} paths a cell · seed ${s.seed}`;
  if (s.grid.length === 2) {
    const [rows, cols] = s.grid as [SweepResult['grid'][number], SweepResult['grid'][number]];
    const values = rows.values.map((rv) =>
      cols.values.map((cv) => s.rows.find((r) => r.cell[rows.key] === rv && r.cell[cols.key] === cv)?.values[metric] ?? null),
    );
    return heatmapSvg(
      { title: `${metric} by ${lastSegment(rows.key)} and ${lastSegment(cols.key)}`, subtitle, x: { label: cols.key, values: cols.values.map(show) }, y: { label: rows.key, values: rows.values.map(show) }, values, metric, format },
      options,
    );
  }
  const axis = s.grid[0]!;
  const se = stderrMetricOf(metric);
  const hasSe = se !== null && s.metrics.some((m) => m.name === se);
  return errorBarLineSvg(
    {
      title: `${metric} by ${lastSegment(axis.key)}`,
      subtitle: `${subtitle} · ${hasSe ? 'bars ±1 standard error' : 'no bars (standard errors of means only)'}`,
      xLabel: axis.key,
      yLabel: metric,
      format,
      points: axis.values.map((v) => {
        const row = s.rows.find((r) => r.cell[axis.key] === v);
        return { label: show(v), x: typeof v === 'number' ? v : null, value: row?.values[metric] ?? null, stderr: hasSe ? (row?.values[se] ?? null) : null };
      }),
    },
    options,
  );
}
