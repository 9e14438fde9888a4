/** pensim project <scenario>: the deterministic ledger, year by year. */
import type { CommandModule } from 'yargs';
import { loadScenario } from '../engine/load-scenario.js';
import { projectLedger } from '../ledger/project-ledger.js';
import { ledgerJson, ledgerTable } from '../report/ledger-table.js';
import { attributedTo } from './options.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

interface ProjectArgs {
  scenario: string;
  format: 'table' | 'json';
  out: string | undefined;
}

export const projectCommand: CommandModule<object, ProjectArgs> = {
  command: 'project <scenario>',
  describe: 'Deterministic projection: expected returns, no randomness, year by year',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .yaml)' })
      .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'output format' })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .example('$0 project scenarios/golden-smartepenger.json', 'the ledger year by year (the golden case G1, docs/model.md §11)')
      .example('$0 project scenarios/default.json --format json --out ledger.json', 'the same to the øre, as JSON') as never,
  handler: async (args) => {
    if (args.out) checkOutputPath(args.out, forced(args));
    const scenario = await loadScenario(args.scenario);
    const ledger = await attributedTo(args.scenario, () => projectLedger(scenario));
    const text = args.format === 'json' ? ledgerJson(ledger) : ledgerTable(ledger, scenario.currency);
    if (args.out) writeAtomically(args.out, text);
    else process.stdout.write(text);
  },
};
