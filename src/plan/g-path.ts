/**
 * G of each simulated year, as the plan sees it when pay growth is certain: published G (from
 * 1 May) up to the last published year, then projected with the scenario's G growth (gGrowth, else
 * the expected wage growth: G follows wages). Index y is the year of age startAge + y.
 * With stochastic wage growth the kernel moves G with each path's wage shocks after the last
 * published year (kernel/run-chunk.ts), so this is then only the expected path.
 */
import { gForYear } from '../rules/no/grunnbelop.js';
import type { Scenario } from '../scenario/schema.js';
import { startOf } from '../scenario/validate-scenario.js';

export function gGrowthOf(s: Scenario): number {
  const wage = s.person.wageGrowth;
  return s.gGrowth ?? (typeof wage === 'number' ? wage : wage.mean);
}

/** G for years 0..nYears of the plan (nYears + 1 values). */
export function gPath(s: Scenario, nYears: number): Float64Array {
  const { startYear } = startOf(s.person);
  const growth = gGrowthOf(s);
  const g = new Float64Array(nYears + 1);
  for (let y = 0; y <= nYears; y++) g[y] = gForYear(startYear + y, growth);
  return g;
}

/** Whether some simulated year's G depends on the path: wage growth is stochastic past the published G. */
export function gIsStochastic(wageSd: number, nKnownG: number, nYears: number): boolean {
  return wageSd > 0 && nKnownG < nYears;
}
