import { UserError } from '../../src/base/user-error.js';

/** The UserError a call throws, or a failure if it throws something else or nothing. */
export function userError(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}
