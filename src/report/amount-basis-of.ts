/**
 * The AmountBasis of a run's report from the unit asked for (--amounts, the workbench's choice):
 * nominal; real by the scenario's inflation (each path by its own index under a stochastic
 * inflation model); in G; or real already when the engine says its returns are real. Shared by the
 * CLI and the server, so it lives with the report, not with either of them.
 */
import { gGrowthOf, gPath } from '../plan/g-path.js';
import type { SimulationResult } from '../result/simulation-result.js';
import { G_FROM_MAY, G_LAST_YEAR } from '../rules/no/grunnbelop.js';
import type { Scenario } from '../scenario/schema.js';
import { startOf } from '../scenario/validate-scenario.js';
import { NOMINAL, resultTerms, type AmountBasis } from './amount-basis.js';
import type { Amounts } from './amounts-choices.js';

/** Nominal; real by the scenario's inflation; in G; or real already, as the engine says of its returns. */
export function amountBasis(scenario: Scenario, result: SimulationResult, amounts: Amounts): AmountBasis {
  if (amounts === 'g') return gBasis(scenario, result);
  if (resultTerms(result) === 'real') return { kind: 'real-returns' };
  if (amounts === 'nominal') return NOMINAL;
  const baseYear = startOf(scenario.person).startYear;
  // A stochastic inflation model deflates each path by its own index; else the fixed rate.
  return result.inflation ? { kind: 'real-simulated', baseYear } : { kind: 'real', inflation: scenario.inflation, baseYear };
}

/** G of each path when pay growth is uncertain (the engine's G block), else the one G path of the plan. */
function gBasis(scenario: Scenario, result: SimulationResult): AmountBasis {
  const gGrowth = gGrowthOf(scenario);
  const lastPublished = { year: G_LAST_YEAR, value: G_FROM_MAY[G_FROM_MAY.length - 1]! };
  if (result.inG) return { kind: 'g-simulated', gGrowth, lastPublished };
  const values = Array.from(gPath(scenario, result.ages.payoutEnd - result.ages.start));
  return { kind: 'g', gGrowth, lastPublished, g: { ages: values.map((_, i) => result.ages.start + i), values } };
}
