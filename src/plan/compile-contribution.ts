/** The plan's contribution rule as numbers: OTP band methods (DC, hybrid) or the self-employed rule. */
import {
  FLAT_AMOUNT,
  PERCENT_OF_BASIS,
  PERCENT_OF_PAY,
  TIERED,
  type ContributionMethod,
} from '../rules/no/otp-contribution.js';
import type { Scenario } from '../scenario/schema.js';
import {
  CONTRIBUTION_OTP_BAND,
  CONTRIBUTION_SELF_EMPLOYED,
  REGULATION_G,
  REGULATION_MARKET,
  REGULATION_ZERO_GUARANTEE,
  type SimulationPlan,
} from './simulation-plan.js';

type ContributionFields = Pick<
  SimulationPlan,
  'contributionKind' | 'upliftFactor' | 'floorG' | 'regulation' | 'guaranteePremium' | 'method' | 'rate' | 'upperRate' | 'excludeFirstG' | 'amountOrBasis'
>;

export function compileContribution(s: Scenario, nAccum: number): ContributionFields {
  const plan = s.plan;
  if (plan.kind === 'no-self-employed') {
    return {
      contributionKind: CONTRIBUTION_SELF_EMPLOYED,
      upliftFactor: 1,
      floorG: plan.floorG,
      regulation: REGULATION_MARKET,
      guaranteePremium: 0,
      method: PERCENT_OF_PAY,
      rate: plan.rate,
      upperRate: 0,
      excludeFirstG: false,
      amountOrBasis: new Float64Array(nAccum),
    };
  }
  const c = plan.contribution;
  const amountOrBasis = new Float64Array(nAccum);
  for (let y = 0; y < nAccum; y++) {
    if (c.method === 'flat-amount') amountOrBasis[y] = c.amount * Math.pow(1 + c.indexation, y);
    else if (c.method === 'percent-of-basis') amountOrBasis[y] = c.basis.amount * Math.pow(1 + c.basis.growth, y);
  }
  const hybrid = plan.kind === 'no-hybrid' ? plan : null;
  const regulation = hybrid?.regulation ?? { kind: 'market' as const };
  return {
    contributionKind: CONTRIBUTION_OTP_BAND,
    upliftFactor: hybrid && s.person.sex === 'female' ? 1 + hybrid.womenUplift : 1,
    floorG: 0,
    regulation: regulation.kind === 'g-regulation' ? REGULATION_G : regulation.kind === 'zero-guarantee' ? REGULATION_ZERO_GUARANTEE : REGULATION_MARKET,
    guaranteePremium: regulation.kind === 'zero-guarantee' ? regulation.premiumRate : 0,
    method: methodCode(c.method),
    rate: 'rate' in c ? c.rate : 0,
    upperRate: c.method === 'tiered' ? c.upperRate : 0,
    excludeFirstG: plan.excludeFirstG,
    amountOrBasis,
  };
}

function methodCode(name: 'flat-amount' | 'percent-of-pay' | 'percent-of-basis' | 'tiered'): ContributionMethod {
  switch (name) {
    case 'flat-amount':
      return FLAT_AMOUNT;
    case 'percent-of-pay':
      return PERCENT_OF_PAY;
    case 'percent-of-basis':
      return PERCENT_OF_BASIS;
    case 'tiered':
      return TIERED;
  }
}
