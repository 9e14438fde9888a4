/**
 * Every number in a result must be finite. A NaN or ±Infinity (a volatility so large that
 * exp(m + s·Z) overflows double precision, say) is never printed as if it were an amount: the
 * first one found, by its dotted place in the result, becomes a UserError that says so.
 * Example: finiteResult({ a: { b: [1, NaN] } }) throws "result.a.b[1]: is NaN …".
 */
import { UserError } from '../base/user-error.js';

export function finiteResult<T>(result: T): T {
  const bad = firstNonFinite(result, 'result');
  if (bad) {
    throw new UserError([
      {
        path: bad.path,
        message: `is ${bad.value}, not a finite number: the scenario's parameters take the simulation beyond double precision (e.g. an extreme volatility or return over a long horizon); no result is reported. Use more moderate parameters.`,
      },
    ]);
  }
  return result;
}

/** The first non-finite number in a JSON-like value (depth-first, in key order), or null. */
export function firstNonFinite(value: unknown, path: string): { path: string; value: number } | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path, value };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const items = value as unknown as ArrayLike<number>;
    for (let i = 0; i < items.length; i++) if (!Number.isFinite(items[i]!)) return { path: `${path}[${i}]`, value: items[i]! };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = firstNonFinite(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = firstNonFinite(v, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}
