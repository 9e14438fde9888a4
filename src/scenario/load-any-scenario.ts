/**
 * Read and validate a scenario of any plan kind: a US plan (plan.kind us-…) against the US schema,
 * anything else against the Norwegian one, with the file named in any error.
 */
import type { Scenario } from './schema.js';
import type { UsScenario } from './us-schema.js';
import { checkScenario } from './parse-scenario.js';
import { loadScenario } from './load-scenario.js';
import { checkUsScenario, isUsScenarioFile, isUsScenarioObject, loadUsScenario } from './load-us-scenario.js';

export function checkAnyScenario(input: unknown, source = 'scenario'): Scenario | UsScenario {
  return isUsScenarioObject(input) ? checkUsScenario(input, source) : checkScenario(input, source);
}

/** A file that names a US plan kind is read as a US scenario; any other (or an unreadable one, for its message) as Norwegian. */
export async function loadAnyScenario(file: string): Promise<Scenario | UsScenario> {
  return (await isUsScenarioFile(file)) ? loadUsScenario(file) : loadScenario(file);
}
