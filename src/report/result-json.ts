/** The run as JSON (format documented in README "JSON output"); stable key order, no timing. */
import type { SimulationResult } from '../engine/simulation-result.js';

export function resultJson(r: SimulationResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
