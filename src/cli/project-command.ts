/**
 * pensim project <scenario>: the deterministic ledger, year by year. Its flags here; the projection
 * in project-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';

export interface ProjectArgs {
  scenario: string;
  format: 'table' | 'json';
  out: string | undefined;
  disabilityAge: number | undefined;
}

export const projectCommand: CommandModule<object, ProjectArgs> = {
  command: 'project <scenario>',
  describe: 'Deterministic projection: expected returns, no randomness, year by year',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .yaml)' })
      .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'output format' })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .option('disability-age', {
        type: 'number',
        describe: 'the member becomes disabled at this age (a saving year before 67): uføretrygd, the waived contributions to 67, the capital with and without the waiver (the scenario\'s disability section, or its defaults)',
      })
      .example('$0 project scenarios/golden-smartepenger.json', 'the ledger year by year (the golden case G1, docs/model.md §11)')
      .example('$0 project scenarios/default.json --format json --out ledger.json', 'the same to the øre, as JSON')
      .example('$0 project scenarios/otp-with-disability.json --disability-age 50', 'disabled at 50: uføretrygd, the waiver, the capital at 67') as never,
  handler: async (args) => (await import('./project-handler.js')).projectHandler(args),
};
