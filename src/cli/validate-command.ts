/**
 * pensim validate <scenario>: exit 0 when valid; otherwise every problem with its field path.
 * Its flags here; the check in validate-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';

export const validateCommand: CommandModule<object, { scenario: string }> = {
  command: 'validate <scenario>',
  describe: 'Check a scenario file (schema, cross-field rules and the legal contribution band)',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .yaml)' })
      .example('$0 validate scenarios/glide-path.yaml', 'exit 0 and "valid", or every problem with its field') as never,
  handler: async (args) => (await import('./validate-handler.js')).validateHandler(args),
};
