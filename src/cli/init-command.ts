/** pensim init <file>: write a commented starter scenario (YAML) to edit; never overwrites without --force. */
import { existsSync, statSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { UserError } from '../scenario/user-error.js';
import { STARTER_SCENARIO } from './starter-scenario.js';
import { checkOutputPath, writeAtomically } from './write-output.js';

interface InitArgs {
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
  handler: (args) => {
    if (!/\.ya?ml$/i.test(args.file)) {
      throw new UserError([{ path: args.file, message: 'the starter scenario is YAML (it has comments): name the file .yaml or .yml' }]);
    }
    if (existsSync(args.file) && !args.force) {
      const what = statSync(args.file).isDirectory() ? 'is a directory' : 'exists already';
      throw new UserError([{ path: args.file, message: `${what}; give --force to overwrite it` }]);
    }
    try {
      checkOutputPath(args.file, args.force);
    } catch (e) {
      // Name the file, not --out: init has no --out flag.
      if (e instanceof UserError) throw new UserError(e.problems.map((p) => ({ ...p, path: args.file })));
      throw e;
    }
    writeAtomically(args.file, STARTER_SCENARIO);
    process.stdout.write(`${args.file}: written; edit it, then run "pensim validate ${args.file}"\n`);
  },
};
