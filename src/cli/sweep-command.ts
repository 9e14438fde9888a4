/**
 * pensim sweep <scenario> --grid 'key=v1,v2,…' [--grid …]: the scenario run for every cell of the
 * grid's cartesian product with the same seed (common random numbers), one row per cell with the
 * chosen metrics. Every cell is validated before the first one runs. Formats: a table, CSV or JSON;
 * an Arrow or Parquet file (report/sweep-columns.ts); or a chart of one metric (--chart-metric):
 * a heatmap of a 2-D grid, a line with error bars of a 1-D grid, as HTML, SVG or PNG. Its flags
 * here; the sweep in sweep-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';
import type { Sampler } from '../random/sampler.js';
import { SAMPLER_OPTION } from './sampler-flag.js';

export const FORMATS = ['table', 'csv', 'json', 'arrow', 'parquet', 'html', 'svg', 'png'] as const;
export type Format = (typeof FORMATS)[number];

export interface SweepArgs {
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
  handler: async (args) => (await import('./sweep-handler.js')).sweepHandler(args),
};
