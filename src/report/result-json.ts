/**
 * The run as JSON (format documented in docs/results.md §2); stable key order, no timing.
 * Given an amount basis (the CLI always gives one), an "amounts" key after "currency" says whether
 * the amounts are nominal or real: { "basis": "nominal" } or { "basis": "real", "baseYear", "inflation" }.
 */
import type { SimulationResult } from '../result/simulation-result.js';
import { basisJson, type AmountBasis } from './amount-basis.js';

export function resultJson(r: SimulationResult, basis?: AmountBasis): string {
  if (!basis) return `${JSON.stringify(r, null, 2)}\n`;
  const { pensim, scenario, currency, ...rest } = r;
  return `${JSON.stringify({ pensim, scenario, currency, amounts: basisJson(basis), ...rest }, null, 2)}\n`;
}
