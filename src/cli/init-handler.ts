/** pensim init <file>: the starter scenario written, checked first (the flags are in init-command.ts). */
import { existsSync, statSync } from 'node:fs';
import type { ArgumentsCamelCase } from 'yargs';
import { UserError } from '../base/user-error.js';
import type { InitArgs } from './init-command.js';
import { STARTER_SCENARIO } from './starter-scenario.js';
import { checkOutputPath, writeAtomically } from './write-output.js';

export function initHandler(args: ArgumentsCamelCase<InitArgs>): void {
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
}
