/**
 * pensim run <scenario>: the Monte Carlo run and its report. Its flags here; what it does in
 * run-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';
import type { Sampler } from '../random/sampler.js';
import { PRESET_NAMES, PERCENTILE_PRESETS, type PresetName } from '../report/percentile-presets.js';
import { AMOUNTS, AMOUNTS_HELP, type Amounts } from '../report/amounts-choices.js';
import { SAMPLER_OPTION } from './sampler-flag.js';

export const FORMATS = ['table', 'json', 'csv', 'html', 'svg', 'png', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export interface RunArgs {
  scenario: string;
  /** Raw flag text: checked in the handler (yargs would wrap a coerce error and lose its UserError). */
  paths: string | undefined;
  seed: string | undefined;
  threads: string | undefined;
  format: Format | undefined;
  out: string | undefined;
  quiet: boolean;
  percentiles: string | undefined;
  preset: PresetName | undefined;
  real: boolean;
  amounts: Amounts | undefined;
  shard: string | undefined;
  'per-path': string | undefined;
  'percentile-method': 'auto' | 'exact' | 'sketch' | undefined;
  checkpoint: string | undefined;
  'allow-large': boolean;
  sampler: Sampler | undefined;
  precision: string | undefined;
  'precision-pp': string | undefined;
  'max-paths': string | undefined;
}

const presetHelp = PRESET_NAMES.map((n) => `${n}: ${PERCENTILE_PRESETS[n].describe}`).join('; ');

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Monte Carlo run: percentiles of capital, payout and replacement ratio, and the fan by age',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .yaml)' })
      .option('paths', { type: 'string', describe: 'number of paths (overrides the scenario)' })
      .option('seed', { type: 'string', describe: 'random seed (overrides the scenario)' })
      .option('threads', { type: 'string', describe: 'worker threads (default: all cores; 1 runs inline)' })
      .option('format', {
        choices: FORMATS,
        describe: "table (the default), json, csv (the fans); html or pdf (the client report, one file, in today's money unless --amounts says otherwise); svg or png (the capital fan chart alone)",
      })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .option('percentiles', { type: 'string', describe: 'percentiles to report, e.g. 5,50,95 (overrides the scenario)' })
      .option('preset', { choices: PRESET_NAMES, describe: `a percentile preset: ${presetHelp}` })
      .option('real', { type: 'boolean', default: false, describe: "amounts in today's money, deflated by the scenario's inflation (default 2 %); the same as --amounts real" })
      .option('amounts', { choices: AMOUNTS, describe: `the unit of the reported amounts: ${AMOUNTS_HELP}` })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress or timing on standard error' })
      .option('percentile-method', { choices: ['auto', 'exact', 'sketch'] as const, describe: 'exact order statistics or the fixed-memory sketch (default: the scenario\'s, auto)' })
      .option('per-path', { type: 'string', describe: 'also write each path\'s outcomes (path, capital at payout start, first payout gross/net, replacement ratio; .arrow/.parquet add the plan\'s extra series) as .csv, .arrow (Feather v2) or .parquet, by the extension' })
      .option('checkpoint', { type: 'string', describe: 'save finished chunks to this file as the run goes; rerun with it to resume an interrupted run (same result); removed when the run completes. Sketch percentiles only' })
      .option('allow-large', { type: 'boolean', default: false, describe: 'lift the limits on paths × years and on exact-percentile memory' })
      .option('sampler', SAMPLER_OPTION)
      .option('precision', { type: 'string', describe: 'run to precision: add paths (in a fixed order) until the 95 % half-width of the headline amounts (mean, p5, p50, p95 of the capital at the payout start and the first payout) is within this share of each, e.g. 0.5%, and that of the shortfall probability within --precision-pp; instead of --paths' })
      .option('precision-pp', { type: 'string', describe: 'with --precision: the 95 % half-width allowed of a probability (the shortfall), in percentage points (default 0.25, i.e. ±0.25 pp)' })
      .option('max-paths', { type: 'string', describe: 'with --precision: stop at this many paths even if the precision is not reached (default 10 000 000)' })
      .option('shard', { type: 'string', describe: 'run only shard i of n (i from 0), e.g. 2/8; writes a shard file for pensim merge' })
      .example('$0 run scenarios/default.json', 'the percentile table')
      .example('$0 run scenarios/default.json --format html --out report.html', 'the client report, one self-contained HTML file')
      .example('$0 run scenarios/default.json --format png --out fan.png --preset nl-urm', "the capital fan for a slide: 5/50/95 in today's money")
      .example('$0 run scenarios/total-pension-with-folketrygd.json --amounts g', 'the pension and capital in G (the grunnbeløp of each year)')
      .example('$0 run scenarios/default.json --paths 100000 --seed 7 --format json --percentiles 5,50,95', 'the full result as JSON')
      .example('$0 run scenarios/bench-reference.json --precision 0.5%', 'as many paths as it takes for every headline figure to be within ±0.5 % (95 %)')
      .example('$0 run scenarios/bench-reference.json --sampler sobol --paths 16384', 'scrambled Sobol paths: the percentiles as precise as ~100 000 pseudo-random paths') as never,
  handler: async (args) => (await import('./run-handler.js')).runHandler(args),
};
