/**
 * The run job of a compiled plan (engine/chunk-job.ts): its series, the shortfall counted, and the
 * payouts of the living (result/alive-payout.ts). Built on the coordinating thread; kept apart from
 * chunk-job.ts so the workers do not load the scenario schema it needs.
 */
import { shortfallOf, type AnyScenario, type CompiledPlan } from '../plan/compiled-plan.js';
import { aliveSpec } from '../result/alive-payout.js';
import { disabilitySplit } from '../result/disability-split.js';
import type { ChunkJob } from './chunk-job.js';

export function runJob(plan: CompiledPlan, scenario: AnyScenario): ChunkJob {
  const alive = plan.kind === 'norway' ? aliveSpec(plan.plan) : null;
  const split = plan.kind === 'norway' ? disabilitySplit(plan.plan) : null;
  // The disability split only when the plan has it, so a run without disability sends the job it always did.
  return split ? { kind: 'run', plan, shortfall: shortfallOf(plan, scenario), alive, disability: split } : { kind: 'run', plan, shortfall: shortfallOf(plan, scenario), alive };
}
