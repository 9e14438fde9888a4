/**
 * The payout as numbers: per-year payout factors for the DC methods (no pow in the kernel), or
 * the K2013 life annuity factors and one-year survival for a lifelong (hybrid) pension; the 0.2 G
 * shortening rule and graded withdrawal (docs/model.md §2.5).
 */
import { annuityPayment } from '../rules/annuity.js';
import { annuityFactor, survivalProbability } from '../rules/no/k2013.js';
import type { Scenario } from '../scenario/schema.js';
import {
  MAX_LIFE_AGE,
  PAYOUT_BALANCE_OVER_REMAINING,
  PAYOUT_LEVEL_ANNUITY,
  PAYOUT_LIFELONG,
  type SimulationPlan,
} from './simulation-plan.js';

/** DC payouts below this many G a year are shortened (docs/model.md §2.5). */
export const MIN_DC_PAYOUT_G = 0.2;

type PayoutFields = Pick<
  SimulationPlan,
  'payoutMethod' | 'technicalRate' | 'payoutFactor' | 'minPayoutG' | 'gradedShare' | 'gradedUntil' | 'lifeAnnuity' | 'oneYearSurvival'
>;

/** Years of payout: the period, or up to MAX_LIFE_AGE for a lifelong pension. */
export function payoutYears(s: Scenario, payoutStartAge: number): number {
  return s.payout.method.kind === 'lifelong' ? MAX_LIFE_AGE - payoutStartAge : s.payout.years!;
}

export function compilePayout(s: Scenario, startAge: number, payStart: number): PayoutFields {
  const m = s.payout.method;
  const payoutStartAge = startAge + payStart;
  const n = payoutYears(s, payoutStartAge);
  const rate = m.kind === 'balance-over-remaining-years' ? 0 : m.technicalRate;
  const payoutFactor = new Float64Array(n + 1);
  for (let left = 1; left <= n; left++) payoutFactor[left] = annuityPayment(1, rate, left);
  const lifeAnnuity = new Float64Array(n);
  let oneYearSurvival: Float64Array | null = null;
  if (m.kind === 'lifelong') {
    const sex = s.person.sex!;
    const inherit = s.plan.kind === 'no-hybrid' && s.plan.mortalityInheritance;
    oneYearSurvival = inherit ? new Float64Array(n) : null;
    for (let k = 0; k < n; k++) {
      const age = payoutStartAge + k;
      const year = s.person.birthYear + age;
      lifeAnnuity[k] = annuityFactor(sex, age, year, rate, { timing: 'due', maxAge: MAX_LIFE_AGE });
      if (oneYearSurvival) oneYearSurvival[k] = survivalProbability(sex, age, year, 1);
    }
  }
  const graded = s.payout.graded;
  return {
    payoutMethod: m.kind === 'level-annuity' ? PAYOUT_LEVEL_ANNUITY : m.kind === 'lifelong' ? PAYOUT_LIFELONG : PAYOUT_BALANCE_OVER_REMAINING,
    technicalRate: rate,
    payoutFactor,
    minPayoutG: m.kind === 'lifelong' ? 0 : MIN_DC_PAYOUT_G,
    gradedShare: graded ? graded.share : 1,
    gradedUntil: graded ? graded.fullFromAge - startAge : 0,
    lifeAnnuity,
    oneYearSurvival,
  };
}
