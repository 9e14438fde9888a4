/**
 * pensim trace <scenario> --path K: the ledger of path K exactly as the run simulated it. Its flags
 * here; the trace in trace-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';

export interface TraceArgs {
  scenario: string;
  path: string;
  seed: string | undefined;
  paths: string | undefined;
  format: 'table' | 'json';
}

export const traceCommand: CommandModule<object, TraceArgs> = {
  command: 'trace <scenario>',
  describe: 'Year-by-year ledger of one path as the run simulated it (same draws): why did it end so low?',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .yaml)' })
      .option('path', { type: 'string', demandOption: true, describe: 'path number, from 0' })
      .option('seed', { type: 'string', describe: 'the seed of the run (default: the scenario\'s)' })
      .option('paths', { type: 'string', describe: 'the path count of the run (default: the scenario\'s)' })
      .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'output format' })
      .example('pensim trace scenarios/default.json --path 17', 'show path 17 of the default run')
      .example('pensim trace scenarios/ksop-enron-stress.json --path 3', 'a KSOP path: the stock, its default, the job and the match lost') as never,
  handler: async (args) => (await import('./trace-handler.js')).traceHandler(args),
};
