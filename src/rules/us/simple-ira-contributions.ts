/**
 * One year's SIMPLE IRA money (IRC 408(p); docs/model.md §3.5): the employee defers d·pay up to the SIMPLE limit
 * plus the SIMPLE catch-up from 50; the employer either matches dollar for dollar up to 3 % of pay
 * (on full pay: the SIMPLE match is not capped by 401(a)(17)) or pays 2 % of pay capped at
 * 401(a)(17) to everyone. Always vested.
 *
 * Example (a test checks it): 2026, age 40, pay 80 000, d = 5 %: deferral 4 000; match 2 400
 * (3 %), or nonelective 1 600 (2 %).
 */
import { simpleCatchUpLimit, type UsLimits } from './limits.js';

export type SimpleEmployerFormula = 'match-3' | 'nonelective-2';

export interface SimpleYear {
  readonly deferral: number;
  readonly employer: number;
}

export function simpleIraContributions(pay: number, deferralRate: number, formula: SimpleEmployerFormula, limits: UsLimits, age: number): SimpleYear {
  // One object literal for both cases (k401-contributions.ts says why).
  let deferral = 0;
  let employer = 0;
  if (!(pay <= 0)) {
    deferral = Math.min(deferralRate * pay, limits.simpleDeferral + simpleCatchUpLimit(limits, age));
    employer = formula === 'match-3' ? Math.min(deferral, 0.03 * pay) : 0.02 * Math.min(pay, limits.compensationCap);
  }
  return { deferral, employer };
}
