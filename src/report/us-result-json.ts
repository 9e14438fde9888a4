/**
 * A US run as JSON (docs/results.md "US runs"): nominal, it is the engine's result as it is (no
 * "amounts" key, as before); in today's dollars an "amounts" key after "currency" says so
 * ({ "basis": "real", "baseYear", "inflation" }), as the Norwegian JSON does (result-json.ts).
 */
import type { UsRunResult } from '../result/us-result.js';
import { basisJson, type AmountBasis } from './amount-basis.js';

export function usResultJson(r: UsRunResult, basis: AmountBasis): string {
  if (basis.kind === 'nominal') return `${JSON.stringify(r, null, 2)}\n`;
  const { pensim, scenario, currency, ...rest } = r;
  return `${JSON.stringify({ pensim, scenario, currency, amounts: basisJson(basis), ...rest }, null, 2)}\n`;
}
