/**
 * pensim project <scenario>: the deterministic ledger, year by year. Its flags here; the projection
 * in project-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';

export interface ProjectArgs {
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
  handler: async (args) => (await import('./project-handler.js')).projectHandler(args),
};
