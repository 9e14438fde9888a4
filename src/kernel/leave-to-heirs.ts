import type { SimulationPlan } from '../plan/simulation-plan.js';

/**
 * The DC death benefit (docs/model.md §2.6): children under 21 up to 1 G a year each until 21 (at this
 * year's G, returns ignored), the rest to a spouse over 10 years, else to the estate.
 */
export function leaveToHeirs(plan: SimulationPlan, series: Float64Array, p: number, k: number, g: number, y: number, at: readonly number[]): void {
  const [xInherit, xChildren, xSpouse, xEstate] = at as [number, number, number, number];
  const year = plan.startYear + y;
  let children = 0;
  for (const born of plan.childBirthYears) children += Math.max(0, 21 - (year - born)) * g;
  const toChildren = Math.min(k, children);
  series[xInherit + p] = k;
  series[xChildren + p] = toChildren;
  series[(plan.spouse ? xSpouse : xEstate) + p] = k - toChildren;
}
