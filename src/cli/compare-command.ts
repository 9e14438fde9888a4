/**
 * pensim compare <a> <b> [...]: scenarios on common random numbers (one seed and path count for
 * all, so path i sees the same markets everywhere), each one's percentiles side by side and the
 * paired figures of the first against each other (studies/compare.ts): US scenarios (terminal
 * wealth) or Norwegian ones (the --metric of choice), as a table, JSON or HTML; not a mix.
 * Its flags here; the comparison in compare-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';
import type { NoCompareMetric } from '../studies/compare.js';
import type { Sampler } from '../random/sampler.js';
import { NO_COMPARE_METRICS } from '../studies/compare-metrics.js';
import { SAMPLER_OPTION } from './sampler-flag.js';

export interface CompareArgs {
  scenarios: string[];
  paths: string | undefined;
  seed: string | undefined;
  sampler: Sampler | undefined;
  gamma: string;
  target: string | undefined;
  alpha: string;
  percentiles: string | undefined;
  format: 'table' | 'json' | 'html';
  out: string | undefined;
  metric: NoCompareMetric | undefined;
  threads: string | undefined;
  quiet: boolean;
  'percentile-method': 'auto' | 'exact' | 'sketch' | undefined;
  'allow-large': boolean;
  'per-path': string | undefined;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <scenarios..>',
  describe: 'Compare scenarios on common random numbers (US plans, or Norwegian ones): percentiles side by side and paired risk figures',
  builder: (y) =>
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'two or more scenario files, all US or all Norwegian; the first is A in the paired figures' })
      .option('paths', { type: 'string', describe: 'number of paths (default: the first scenario\'s)' })
      .option('seed', { type: 'string', describe: 'random seed (default: the first scenario\'s)' })
      .option('gamma', { type: 'string', default: '3', describe: 'CRRA risk aversion γ > 0 for the certainty equivalents' })
      .option('target', { type: 'string', describe: 'US: target terminal wealth (USD) for the shortfall probability (default: each scenario\'s simulation.targetWealth)' })
      .option('metric', { choices: NO_COMPARE_METRICS, describe: 'Norwegian scenarios: the per-path outcome compared (default capitalAtRetirement)' })
      .option('threads', { type: 'string', describe: 'worker threads (default: all cores; 1 runs inline)' })
      .option('alpha', { type: 'string', default: '0.05', describe: 'tail probability of VaR and CVaR, in (0, 0.5]' })
      .option('percentiles', { type: 'string', describe: 'percentiles to report, e.g. 5,50,95' })
      .option('sampler', { ...SAMPLER_OPTION, describe: `${SAMPLER_OPTION.describe}; every scenario runs with one sampler (default: the first scenario's), so paths pair` })
      .option('format', { choices: ['table', 'json', 'html'] as const, default: 'table' as const, describe: 'table, JSON, or (US) one self-contained HTML page with the fans overlaid' })
      .option('percentile-method', { choices: ['auto', 'exact', 'sketch'] as const, describe: 'exact figures from every path, or streamed from sketches in bounded memory (default auto: exact up to 100 000 paths)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress or timing on standard error' })
      .option('allow-large', { type: 'boolean', default: false, describe: 'lift the limit on paths × years × scenarios' })
      .option('per-path', { type: 'string', describe: "also write each scenario's per-path outcomes, one file per scenario: FILE.csv|.arrow|.parquet becomes FILE-1.…, FILE-2.…, in the scenarios' order" })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .example('$0 compare scenarios/ksop-concentrated.json scenarios/401k-diversified.json', 'the KSOP against a diversified 401(k)')
      .example('$0 compare scenarios/ksop-concentrated.json scenarios/401k-diversified.json --gamma 5 --format json', 'as JSON, more risk-averse')
      .example('$0 compare scenarios/default.json scenarios/glide-path.yaml --metric payoutNet', 'two Norwegian savings choices, path by path') as never,
  handler: async (args) => (await import('./compare-handler.js')).compareHandler(args),
};
