/**
 * pensim merge <shard files…>: combine the shards of one run into its result. Its flags here; the
 * merge in merge-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';
import { AMOUNTS, AMOUNTS_HELP, type Amounts } from '../report/amounts-choices.js';

export interface MergeArgs {
  shards: string[];
  format: 'table' | 'json' | 'csv';
  out: string | undefined;
  amounts: Amounts;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <shards..>',
  describe: 'Merge the shard files of one run (pensim run --shard i/n) into its result, in any order',
  builder: (y) =>
    y
      .positional('shards', { type: 'string', array: true, demandOption: true, describe: 'shard files' })
      .option('format', { choices: ['table', 'json', 'csv'] as const, default: 'json' as const, describe: 'output format' })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .option('amounts', { choices: AMOUNTS, default: 'nominal' as Amounts, describe: `the unit of the reported amounts: ${AMOUNTS_HELP}` })
      .example('pensim merge part-*.json --out result.json', 'merge every shard of a run')
      .example('pensim merge part-*.json --format table --amounts g', 'the merged result in G') as never,
  handler: async (args) => (await import('./merge-handler.js')).mergeHandler(args),
};
