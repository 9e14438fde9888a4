/**
 * With certain pay growth (wage sd 0) every path has the same salary, G and contribution in each
 * year, so the kernel takes them from this per-chunk table instead of recomputing the band rules
 * for every path-year. The table repeats the kernel's own operations in its order (pay growth with
 * a zero shock, G published then grown), so the numbers are bit for bit the same.
 */
import { bandedContribution } from '../plan/banded-contribution.js';
import type { SimulationPlan } from '../plan/simulation-plan.js';
import { payGrowthFactor } from '../rules/pay-growth.js';

export interface FixedPaySchedule {
  /** Salary (full-year pay before career breaks) at each year index. */
  readonly salary: Float64Array;
  readonly g: Float64Array;
  /** The banded contribution of each saving year (index < nAccum) for a living member. */
  readonly contribution: Float64Array;
}

/** The schedule, or null when pay is stochastic (each path then draws its own). */
export function fixedPaySchedule(plan: SimulationPlan): FixedPaySchedule | null {
  if (plan.wageSd > 0) return null;
  const { nYears, nAccum, nKnownG, gDet, wageMean, gGrowth, payFactor } = plan;
  const salaryAt = new Float64Array(nYears);
  const gAt = new Float64Array(nYears);
  const contribution = new Float64Array(nAccum);
  const shock = 0;
  let salary = plan.salary0;
  let g = gDet[0]!;
  for (let y = 0; y < nYears; y++) {
    if (y > 0) {
      salary *= payGrowthFactor(wageMean, shock);
      g = y < nKnownG ? gDet[y]! : g * payGrowthFactor(gGrowth, shock);
    }
    salaryAt[y] = salary;
    gAt[y] = g;
    if (y < nAccum) contribution[y] = bandedContribution(plan, y, salary * payFactor[y]!, g);
  }
  return { salary: salaryAt, g: gAt, contribution };
}
