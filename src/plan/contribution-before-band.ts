/** The contribution of one saving year on a given pay and G, before the legal band is applied. */
import { FLAT_AMOUNT, otpContribution } from '../rules/no/otp-contribution.js';
import { selfEmployedContribution } from '../rules/no/self-employed.js';
import { CONTRIBUTION_SELF_EMPLOYED, type SimulationPlan } from './simulation-plan.js';

export function contributionBeforeBand(plan: SimulationPlan, y: number, pay: number, g: number): number {
  if (plan.contributionKind === CONTRIBUTION_SELF_EMPLOYED) return selfEmployedContribution(plan.rate, plan.floorG, pay, g);
  const raw = otpContribution(plan.method, plan.rate, plan.upperRate, plan.excludeFirstG, pay, plan.amountOrBasis[y]!, g);
  // A flat amount is paid for the share of the year in work (career breaks scale it).
  return plan.method === FLAT_AMOUNT ? raw * plan.payFactor[y]! : raw;
}
