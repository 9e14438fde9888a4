/**
 * pensim init <file>: write a commented starter scenario (YAML) to edit; never overwrites without
 * --force. Its flags here; the writing in init-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';

export interface InitArgs {
  file: string;
  force: boolean;
}

export const initCommand: CommandModule<object, InitArgs> = {
  command: 'init <file>',
  describe: 'Write a commented starter scenario (YAML) to edit',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'the new scenario file (.yaml or .yml)' })
      .option('force', { type: 'boolean', default: false, describe: 'overwrite the file if it exists' })
      .example('$0 init my-scenario.yaml', 'write the starter, then edit it')
      .example('$0 init my-scenario.yaml --force && $0 validate my-scenario.yaml', 'start over and check it') as never,
  handler: async (args) => (await import('./init-handler.js')).initHandler(args),
};
