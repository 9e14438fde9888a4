/**
 * Output files: the target's directory must exist and be writable before any work starts, and the
 * file is written to a temporary sibling and renamed, so a failed run never leaves a half file.
 * An existing file is replaced only with --force (a global flag of the CLI).
 */
import { accessSync, constants, existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../base/user-error.js';

/**
 * `force`: an existing file may be replaced (--force); without it an existing file is refused, never
 * clobbered. `flag` names the option the path came from in the messages.
 */
export function checkOutputPath(file: string, force = false, flag = '--out'): void {
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError([{ path: flag, message: `the directory ${dir} does not exist` }]);
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UserError([{ path: flag, message: `no permission to write in ${dir}` }]);
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new UserError([{ path: flag, message: `${file} is a directory` }]);
  }
  if (existsSync(file) && !force) {
    throw new UserError([{ path: flag, message: `${file} exists already; give --force to overwrite it` }]);
  }
}

/** The global --force flag as a command's handler sees it. */
export function forced(args: object): boolean {
  return (args as { force?: unknown }).force === true;
}

export function writeAtomically(file: string, text: string | Uint8Array): void {
  const temp = `${resolve(file)}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (e) {
    if (existsSync(temp)) unlinkSync(temp);
    throw e;
  }
}
