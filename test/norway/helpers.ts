import { readFileSync } from 'node:fs';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** A bundled scenario with fields replaced (deep merge of plain objects), validated. */
export function scenarioFrom(file: string, patch: Record<string, unknown>): Scenario {
  const base = JSON.parse(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  return checkScenario(merge(base, patch));
}

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev)
        ? merge(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
    if (v === undefined) delete out[k];
  }
  return out;
}

/** Zero volatility on every asset of a profile with the given assets. */
export const still = (assets: { name: string; expectedReturn: number }[]) => assets.map((a) => ({ ...a, volatility: 0 }));
