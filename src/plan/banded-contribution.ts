/**
 * The contribution actually paid in a saving year: the plan's rule held to the legal band (OTP
 * and hybrid: docs/model.md §2.1; self-employed: the yearly maximum rate, no minimum), then the hybrid
 * women's uplift. Stochastic pay can move a flat or basis contribution out of the band: the law wins.
 */
import { maxContribution, minContribution } from '../rules/no/otp-band.js';
import { selfEmployedContribution, selfEmployedMaxRate } from '../rules/no/self-employed.js';
import { contributionBeforeBand } from './contribution-before-band.js';
import { CONTRIBUTION_SELF_EMPLOYED, type SimulationPlan } from './simulation-plan.js';

export function bandedContribution(plan: SimulationPlan, y: number, pay: number, g: number): number {
  const c = contributionBeforeBand(plan, y, pay, g);
  if (plan.contributionKind === CONTRIBUTION_SELF_EMPLOYED) {
    return Math.min(c, selfEmployedContribution(selfEmployedMaxRate(plan.startYear + y), plan.floorG, pay, g));
  }
  return Math.min(Math.max(c, minContribution(pay, g, plan.startYear + y)), maxContribution(pay, g)) * plan.upliftFactor;
}
