/**
 * The run's percentile and money flags: --percentiles 5,50,95 or --preset nl-urm|priips|pv (not
 * both), and --real. The chosen percentiles replace scenario.simulation.percentiles for this run
 * (the engine reads them there). A bad value is a UserError naming the flag, checked before any work.
 */
import type { Scenario } from '../scenario/schema.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { UserError } from '../base/user-error.js';
import { PERCENTILE_PRESETS, type PresetName } from '../report/percentile-presets.js';

export interface PercentileChoice {
  /** Sorted, distinct; undefined keeps the scenario's own. */
  percentiles: number[] | undefined;
  real: boolean;
  labels: Readonly<Record<string, string>>;
}

/** At most this many percentiles (the schema's limit). */
const MAX_PERCENTILES = 99;

export function percentileChoice(flags: { percentiles: string | undefined; preset: PresetName | undefined; real: boolean }): PercentileChoice {
  if (flags.percentiles !== undefined && flags.preset !== undefined) {
    throw new UserError([{ path: '--preset', message: 'give --percentiles or --preset, not both' }]);
  }
  if (flags.preset !== undefined) {
    const preset = PERCENTILE_PRESETS[flags.preset];
    return { percentiles: [...preset.percentiles], real: flags.real || preset.real, labels: preset.labels };
  }
  if (flags.percentiles === undefined) return { percentiles: undefined, real: flags.real, labels: {} };
  return { percentiles: parsePercentiles(flags.percentiles), real: flags.real, labels: {} };
}

/** "5,50,95" -> [5, 50, 95]: numbers strictly between 0 and 100, comma-separated. */
export function parsePercentiles(raw: string): number[] {
  const bad = (why: string) =>
    new UserError([{ path: '--percentiles', message: `${why}; give numbers between 0 and 100 (exclusive) separated by commas, e.g. 5,50,95; got "${raw}"` }]);
  const parts = String(raw).split(',').map((s) => s.trim());
  if (parts.some((s) => s === '')) throw bad('an empty value');
  const values = parts.map(Number);
  const wrong = parts.find((s, i) => !Number.isFinite(values[i]!) || values[i]! <= 0 || values[i]! >= 100);
  if (wrong !== undefined) throw bad(`"${wrong}" is not a number between 0 and 100`);
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length > MAX_PERCENTILES) throw bad(`at most ${MAX_PERCENTILES} percentiles`);
  return distinct;
}

/** A copy of the scenario with other percentiles; the original is left as it was. */
export function withPercentiles<S extends Scenario | UsScenario>(s: S, percentiles: number[] | undefined): S {
  return percentiles ? { ...s, simulation: { ...s.simulation, percentiles } } : s;
}
