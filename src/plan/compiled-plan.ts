/**
 * CompiledPlan: a scenario of any plan kind compiled for the engine, tagged with its kind so the
 * engine, the workers and the reducers handle every plan through one contract (QuantLib's split:
 * the market draws are the plan's PortfolioPlan, the pricer is chosen by `kind`, the accumulators
 * know nothing of plans). Norwegian plans (DC, self-employed, hybrid) compile to a SimulationPlan,
 * US plans (401(k), KSOP, SIMPLE, SEP) to a UsSimulationPlan. Structured-clone friendly.
 */
import type { Scenario } from '../scenario/schema.js';
import { isUsScenarioObject, type UsScenario } from '../scenario/us-schema.js';
import { compilePlan } from './compile-plan.js';
import { compileUsPlan } from './compile-us.js';
import type { CompiledPlan } from './plan-kind.js';
import { usSeriesIndex } from './us-simulation-plan.js';
import { shortfallSeries } from './shortfall-series.js';

/** A scenario of any plan kind, as validated (src/scenario/schema.ts or us-schema.ts). */
export type AnyScenario = Scenario | UsScenario;

export { planSeriesCount, planYears, type CompiledPlan } from './plan-kind.js';

export function isUsScenario(s: AnyScenario): s is UsScenario {
  return isUsScenarioObject(s);
}

export function compileAny(s: AnyScenario): CompiledPlan {
  return isUsScenario(s) ? { kind: 'us', plan: compileUsPlan(s) } : { kind: 'norway', plan: compilePlan(s) };
}


/**
 * The series whose shortfall below the scenario's target is counted exactly, with that target:
 * Norway the (total) replacement ratio against simulation.targetReplacementRatio, the US terminal
 * wealth against simulation.targetWealth; undefined without a target.
 */
export function shortfallOf(cp: CompiledPlan, scenario: AnyScenario): { series: number; target: number } | undefined {
  if (cp.kind === 'us') {
    const target = (scenario as UsScenario).simulation.targetWealth;
    return target === undefined ? undefined : { series: usSeriesIndex('terminalWealth'), target };
  }
  const target = (scenario as Scenario).simulation.targetReplacementRatio;
  return target === undefined ? undefined : { series: shortfallSeries(cp.plan), target };
}
