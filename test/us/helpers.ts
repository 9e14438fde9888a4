/** US scenarios for tests: scenarios/401k-diversified.json's worker, with overrides, validated. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkUsScenario } from '../../src/scenario/load-us-scenario.js';
import type { UsScenario } from '../../src/scenario/us-schema.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A scenario as plain JSON, mutated freely. */
export type Json = any;

export function scenarioJson(file: string): Json {
  return JSON.parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
}

export function usScenario(file: string, edit: (s: Json) => void = () => {}): UsScenario {
  const s = scenarioJson(file);
  edit(s);
  return checkUsScenario(s, file);
}

/** Standard normal CDF from erf (simple-statistics' erf has |error| < 1.2e-7). */
export { errorFunction } from 'simple-statistics';

/** A US run with every path's values kept (engine/simulate-paths.ts), inline unless threads are given. */
export async function usRun(scenario: UsScenario, options: { paths?: number; seed?: number; threads?: number } = {}) {
  const { simulatePaths, usPathValues } = await import('../../src/engine/simulate-paths.js');
  const { compileUsPlan } = await import('../../src/plan/compile-us.js');
  const { result, series } = await simulatePaths(scenario, { threads: 1, ...options });
  const plan = compileUsPlan(scenario);
  return { result, plan, ...usPathValues(series, plan) };
}
