/** Shared flag definitions and their checks (a bad flag is a UserError naming it). */
import { UserError } from '../base/user-error.js';

/** A whole number within [min, max] from a flag's raw text; otherwise a UserError naming the flag. */
export function wholeNumberFlag(name: string, min: number, max: number) {
  return (raw: unknown): number | undefined => {
    if (raw === undefined) return undefined;
    const text = String(raw).replaceAll('_', '');
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      throw new UserError([{ path: `--${name}`, message: `must be a whole number from ${min} to ${max}; got "${String(raw)}"` }]);
    }
    return n;
  };
}

/** Run `work`, naming `file` in any UserError that does not name its source yet (e.g. plan compilation). */
export async function attributedTo<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof UserError && e.source === undefined) throw new UserError(e.problems, file);
    throw e;
  }
}

/** "--shard i/n" with 0 <= i < n; the range against the run's chunk count is checked by the engine. */
export function shardFlag(raw: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) {
    throw new UserError([{ path: '--shard', message: `must be i/n with 0 <= i < n, e.g. 0/4 for the first of four shards; got "${raw}"` }]);
  }
  return { index, count };
}

/** A number flag that must satisfy `ok`; otherwise a UserError naming the flag with the rule. */
export function numberFlag(name: string, raw: string, ok: (x: number) => boolean, rule: string): number {
  const x = Number(String(raw).replaceAll('_', ''));
  if (String(raw).trim() === '' || !Number.isFinite(x) || !ok(x)) throw new UserError([{ path: `--${name}`, message: `${rule}; got "${raw}"` }]);
  return x;
}

/** --gamma: the CRRA risk aversion of the certainty equivalents (compare, sweep). */
export const gammaFlag = (raw: string) => numberFlag('gamma', raw, (x) => x > 0 && x <= 100, 'the CRRA risk aversion γ must be a number > 0 (and at most 100)');

/** --alpha: the tail probability of VaR and CVaR (compare, sweep). */
export const alphaFlag = (raw: string) => numberFlag('alpha', raw, (x) => x > 0 && x <= 0.5, 'the tail probability must be in (0, 0.5]');
