/** pensim trace <scenario> --path K: the ledger of path K exactly as the run simulated it. */
import type { CommandModule } from 'yargs';
import { loadAnyScenario } from '../engine/load-any-scenario.js';
import { tracePath } from '../engine/trace-path.js';
import { traceJson, traceTable } from '../report/trace-table.js';
import { usTraceJson, usTraceTable } from '../report/us-trace-table.js';
import { attributedTo, wholeNumberFlag } from './options.js';

interface TraceArgs {
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
  handler: async (args) => {
    const path = wholeNumberFlag('path', 0, 100_000_000)(args.path)!;
    const seed = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
    const paths = wholeNumberFlag('paths', 1, 100_000_000)(args.paths);
    const scenario = await loadAnyScenario(args.scenario);
    const t = await attributedTo(args.scenario, () => tracePath(scenario, path, { ...(seed !== undefined && { seed }), ...(paths !== undefined && { paths }) }));
    // The rows are the plan kind's own (engine/trace-path.ts), and so are their tables.
    if (t.kind === 'us') process.stdout.write(args.format === 'json' ? usTraceJson(t) : usTraceTable(t));
    else process.stdout.write(args.format === 'json' ? traceJson(t) : traceTable(t, scenario.currency));
  },
};
