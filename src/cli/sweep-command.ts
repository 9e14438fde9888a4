/**
 * pensim sweep <scenario> --grid 'key=v1,v2,…' [--grid …]: the scenario run for every cell of the
 * grid's cartesian product with the same seed (common random numbers), one row per cell with the
 * chosen metrics. Every cell is validated before the first one runs. Formats: a table, CSV or JSON;
 * an Arrow or Parquet file (report/sweep-columns.ts); or a chart of one metric (--chart-metric):
 * a heatmap of a 2-D grid, a line with error bars of a 1-D grid, as HTML, SVG or PNG.
 */
import type { CommandModule } from 'yargs';
import { loadAnyScenario } from '../engine/load-any-scenario.js';
import { compileAny } from '../plan/compiled-plan.js';
import { runSweep, type SweepResult } from '../engine/sweep.js';
import { sweepAxes, sweepCells } from '../engine/sweep-grid.js';
import { defaultSweepMetrics, sweepMetrics } from '../engine/sweep-metrics.js';
import { checkRunSize } from '../engine/limits.js';
import { sweepCsv, sweepJson, sweepTable } from '../report/sweep-table.js';
import { checkSweepChart, stderrMetricOf, sweepChartSvg } from '../report/sweep-chart.js';
import { sweepHtml } from '../report/sweep-html.js';
import { writeSweepColumns } from '../report/sweep-columns.js';
import { scenarioHash } from '../scenario/scenario-hash.js';
import { UserError } from '../scenario/user-error.js';
import { alphaFlag, attributedTo, gammaFlag, wholeNumberFlag } from './options.js';
import { SAMPLER_OPTION, withSampler } from './sampler-flag.js';
import type { Sampler } from '../random/sampler.js';
import { columnarWriter, fileMetadata, perPathFormat } from './per-path-output.js';
import { renderPng } from './render-png.js';
import { progressReporter } from './progress.js';
import { interruptible } from './signals.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

const FORMATS = ['table', 'csv', 'json', 'arrow', 'parquet', 'html', 'svg', 'png'] as const;
type Format = (typeof FORMATS)[number];

interface SweepArgs {
  scenario: string;
  grid: string[] | undefined;
  metrics: string | undefined;
  paths: string | undefined;
  seed: string | undefined;
  sampler: Sampler | undefined;
  threads: string | undefined;
  format: Format;
  'chart-metric': string | undefined;
  out: string | undefined;
  quiet: boolean;
  'percentile-method': 'auto' | 'exact' | 'sketch' | undefined;
  'allow-large': boolean;
  gamma: string;
  alpha: string;
}

const TEXT = { table: sweepTable, csv: sweepCsv, json: sweepJson } as const;
const CHART = {
  html: (s: SweepResult, metric: string) => sweepHtml(s, metric),
  svg: (s: SweepResult, metric: string) => `${sweepChartSvg(s, metric)}\n`,
  png: (s: SweepResult, metric: string) => renderPng(sweepChartSvg(s, metric)),
} as const;
const isChart = (f: Format): f is keyof typeof CHART => f in CHART;
const isColumnar = (f: Format): f is 'arrow' | 'parquet' => f === 'arrow' || f === 'parquet';

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <scenario>',
  describe: 'Parameter sweep: run every cell of a grid of scenario values with the same seed, one row per cell',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .yaml)' })
      .option('grid', {
        type: 'string',
        array: true,
        nargs: 1,
        describe: 'key=v1,v2,…: a dotted scenario path and its values (repeat for more axes); swept weights rescale the other weights to keep the sum 1',
      })
      .option('metrics', {
        type: 'string',
        describe: 'comma-separated: <metric>.<stat> (stat mean, sd, stderr or pN), real.<metric>.<stat>, shortfall; default: capital p5/p50/p95, net payout and replacement ratio p50, shortfall',
      })
      .option('paths', { type: 'string', describe: 'paths per cell (overrides the scenario)' })
      .option('seed', { type: 'string', describe: 'random seed for every cell (overrides the scenario)' })
      .option('sampler', SAMPLER_OPTION)
      .option('threads', { type: 'string', describe: 'worker threads (default: all cores; 1 runs inline)' })
      .option('format', {
        choices: FORMATS,
        default: 'table' as Format,
        describe: 'table, csv, json; arrow or parquet (one row per cell, needs --out); html, svg or png: a heatmap of a 2-D grid or a line with error bars of a 1-D grid',
      })
      .option('chart-metric', { type: 'string', describe: 'the metric a chart (html, svg, png) draws, one of --metrics (default: the first)' })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress or timing on standard error' })
      .option('percentile-method', { choices: ['auto', 'exact', 'sketch'] as const, describe: 'exact order statistics or the fixed-memory sketch' })
      .option('gamma', { type: 'string', default: '3', describe: 'US risk metrics: the CRRA risk aversion γ > 0 (certaintyEquivalent, ceValuePerDollar…)' })
      .option('alpha', { type: 'string', default: '0.05', describe: 'US risk metrics: the tail probability of valueAtRisk and expectedShortfall, in (0, 0.5]' })
      .option('allow-large', { type: 'boolean', default: false, describe: 'lift the limits on grid cells and on cells × paths × years' })
      .example("pensim sweep scenarios/default.json --grid 'profile.weights.equity=0.2,0.5,0.8' --grid 'profile.fees.managementRate=0.002,0.008'", 'six cells: three equity shares × two fees')
      .example("pensim sweep scenarios/default.json --grid 'profile.weights.equity=0.2,0.5,0.8' --grid 'profile.fees.managementRate=0.002,0.008' --format html --chart-metric payoutNet.p50 --out sweep.html", 'the same grid as a heatmap of the median net payout')
      .example("pensim sweep scenarios/default.json --grid 'profile.weights.equity=0.2,0.5,0.8' --format parquet --out sweep.parquet", 'one row per cell, for pandas, polars, R or DuckDB') as never,
  handler: async (args) => interruptible(async (signal) => {
    const paths = wholeNumberFlag('paths', 1, 100_000_000)(args.paths);
    const seed = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
    const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
    if (args.out) checkOutputPath(args.out, forced(args));
    if (isColumnar(args.format) || args.format === 'png') {
      if (!args.out && (isColumnar(args.format) || process.stdout.isTTY)) {
        throw new UserError([{ path: '--out', message: `${args.format} is a binary file: give --out FILE` }]);
      }
      if (args.out && isColumnar(args.format) && perPathFormat(args.out, '--out') !== args.format) {
        throw new UserError([{ path: '--out', message: `${args.out} does not end in .${args.format} (--format ${args.format})` }]);
      }
    }
    if (args['chart-metric'] !== undefined && !isChart(args.format)) {
      throw new UserError([{ path: '--chart-metric', message: 'is for a chart: give --format html, svg or png' }]);
    }
    const base = withSampler(await loadAnyScenario(args.scenario), args.sampler);
    const axes = sweepAxes(base, args.grid ?? [], args['allow-large']);
    // --metrics given twice arrives as an array: its lists are joined.
    const names = args.metrics ? [args.metrics].flat().join(',').split(',').map((m) => m.trim()).filter((m) => m !== '') : defaultSweepMetrics(base);
    const chartMetric = args['chart-metric'] ?? names[0]!;
    if (isChart(args.format)) {
      checkSweepChart(axes.map((a) => a.key), names, chartMetric, args.format);
      // A line of means carries its standard errors as bars: computed along with it.
      const se = stderrMetricOf(chartMetric);
      if (axes.length === 1 && se !== null && !names.includes(se)) names.push(se);
    }
    const metrics = await attributedTo(args.scenario, () => sweepMetrics(names, base));
    const cells = await attributedTo(args.scenario, () => {
      const all = sweepCells(base, axes);
      // plan-level rules (e.g. the contribution band) before any run; then the grid's total work
      const years = Math.max(...all.map((c) => compileAny(c.scenario).plan.nYears));
      checkRunSize({ paths: paths ?? base.simulation.paths, years, series: 0, method: 'sketch', runs: all.length }, args['allow-large']);
      return all;
    });
    const progress = progressReporter(args.quiet);
    const logCells = !args.quiet && process.stderr.isTTY !== true;
    const started = performance.now();
    const result = await attributedTo(args.scenario, () =>
      runSweep(base, axes, cells, metrics, {
        ...(paths !== undefined && { paths }),
        ...(seed !== undefined && { seed }),
        ...(threads !== undefined && { threads }),
        ...(args['percentile-method'] !== undefined && { percentileMethod: args['percentile-method'] }),
        allowLarge: args['allow-large'],
        gamma: gammaFlag(args.gamma),
        alpha: alphaFlag(args.alpha),
        signal,
        onProgress: progress.update,
        onCell: (i, row) => {
          if (logCells) process.stderr.write(`cell ${i + 1}/${cells.length} done: ${Object.entries(row.cell).map(([k, v]) => `${k}=${v}`).join(', ')}\n`);
        },
      }),
    );
    progress.done(result.paths * cells.length, performance.now() - started, threads);
    signal.throwIfAborted();
    if (isColumnar(args.format)) {
      const meta = fileMetadata({ seed: result.seed, paths: result.paths, scenarioName: result.scenario.name, scenarioHash: scenarioHash(base), currency: base.currency });
      writeSweepColumns(result, await columnarWriter(args.out!, args.format), meta);
      return;
    }
    const output = isChart(args.format) ? CHART[args.format](result, chartMetric) : TEXT[args.format](result);
    if (args.out) writeAtomically(args.out, output);
    else process.stdout.write(output);
  }),
};

