/**
 * CompiledPlan: a compiled plan of any kind, tagged with its kind (plan/compiled-plan.ts compiles
 * one). This module holds only the type and what the workers need of it (series counts), so a
 * worker loads no compiler and no schema: its start-up is part of every run's time.
 */
import { seriesCount, type SimulationPlan } from './simulation-plan.js';
import { usSeriesCount, type UsSimulationPlan } from './us-simulation-plan.js';

export type CompiledPlan = { readonly kind: 'norway'; readonly plan: SimulationPlan } | { readonly kind: 'us'; readonly plan: UsSimulationPlan };

/** Per-path series a chunk of this plan produces (kernel/price-chunk.ts). */
export function planSeriesCount(cp: CompiledPlan): number {
  return cp.kind === 'us' ? usSeriesCount(cp.plan) : seriesCount(cp.plan);
}

/** Simulated years of one path (for the resource limits). */
export function planYears(cp: CompiledPlan): number {
  return cp.plan.nYears;
}
