/** pensim run <scenario>: the Monte Carlo run and its report. */
import type { CommandModule } from 'yargs';
import { loadScenario } from '../engine/load-scenario.js';
import { simulate } from '../engine/simulate.js';
import { shardChunks, simulateShard } from '../engine/shard.js';
import type { SimulationResult } from '../engine/simulation-result.js';
import { resultCsv } from '../report/result-csv.js';
import { resultJson } from '../report/result-json.js';
import { resultTable } from '../report/result-table.js';
import { attributedTo, shardFlag, wholeNumberFlag } from './options.js';
import { PerPathRecorder } from './per-path-recorder.js';
import { progressReporter } from './progress.js';
import { checkOutputPath, writeAtomically } from './write-output.js';

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

interface RunArgs {
  scenario: string;
  /** Raw flag text: checked in the handler (yargs would wrap a coerce error and lose its UserError). */
  paths: string | undefined;
  seed: string | undefined;
  threads: string | undefined;
  format: Format;
  out: string | undefined;
  quiet: boolean;
  shard: string | undefined;
  'per-path': string | undefined;
  'percentile-method': 'auto' | 'exact' | 'sketch' | undefined;
}

const RENDER: Record<Format, (r: SimulationResult) => string> = { table: resultTable, json: resultJson, csv: resultCsv };

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Monte Carlo run: percentiles of capital, payout and replacement ratio, and the fan by age',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .yaml)' })
      .option('paths', { type: 'string', describe: 'number of paths (overrides the scenario)' })
      .option('seed', { type: 'string', describe: 'random seed (overrides the scenario)' })
      .option('threads', { type: 'string', describe: 'worker threads (default: all cores; 1 runs inline)' })
      .option('format', { choices: FORMATS, default: 'table' as Format, describe: 'output format' })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress or timing on standard error' })
      .option('percentile-method', { choices: ['auto', 'exact', 'sketch'] as const, describe: 'exact order statistics or the fixed-memory sketch (default: the scenario\'s, auto)' })
      .option('per-path', { type: 'string', describe: 'also write each path\'s outcomes as CSV (path, capital at payout start, first payout gross/net, replacement ratio)' })
      .option('shard', { type: 'string', describe: 'run only shard i of n (i from 0), e.g. 2/8; writes a shard file for pensim merge' }) as never,
  handler: async (args) => {
    const paths = wholeNumberFlag('paths', 1, 100_000_000)(args.paths);
    const seed = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
    const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
    if (args.out) checkOutputPath(args.out);
    if (args['per-path']) checkOutputPath(args['per-path']);
    const shard = args.shard === undefined ? undefined : shardFlag(args.shard);
    const scenario = await loadScenario(args.scenario);
    const progress = progressReporter(args.quiet);
    const started = performance.now();
    const options = {
      ...(paths !== undefined && { paths }),
      ...(seed !== undefined && { seed }),
      ...(threads !== undefined && { threads }),
      ...(args['percentile-method'] !== undefined && { percentileMethod: args['percentile-method'] }),
      onProgress: progress.update,
    };
    if (shard) {
      const part = await attributedTo(args.scenario, () => simulateShard(scenario, shard, options));
      progress.done(shardChunks(part.paths, shard.index, shard.count).reduce((n, c) => n + c.paths, 0), performance.now() - started, threads);
      const text = `${JSON.stringify(part)}\n`;
      if (args.out) writeAtomically(args.out, text);
      else process.stdout.write(text);
      return;
    }
    const perPath = args['per-path'] ? new PerPathRecorder(paths ?? scenario.simulation.paths) : null;
    const result = await attributedTo(args.scenario, () => simulate(scenario, { ...options, ...(perPath && { onChunk: perPath.add }) }));
    if (perPath) writeAtomically(args['per-path']!, perPath.csv());
    progress.done(result.paths, performance.now() - started, threads);
    const text = RENDER[args.format](result);
    if (args.out) writeAtomically(args.out, text);
    else process.stdout.write(text);
  },
};
