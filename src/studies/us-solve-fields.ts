/**
 * The US plan fields `solve` can search (studies/solve.ts): the smallest deferral rate
 * (plan.deferralRate, 0–50 % of pay in steps of 0.5 point; the IRS limits cap what is paid in), and
 * a KSOP's company-stock cap (plan.diversification.share, 0–100 % in steps of 1 point), searched
 * from the top down: a target such as employerStockShare.p90<=0.3 or shortfall.probability<=0.5 is
 * met up to some cap, and the answer is the highest cap that meets it.
 */
import type { UsScenario } from '../scenario/us-schema.js';

export interface UsSolveField {
  grid: number[];
  step: number;
  /** The target is met up to some value: search from the top. */
  down: boolean;
  set(s: UsScenario, v: number): void;
}

export const US_SOLVE_FIELDS = ['plan.deferralRate', 'plan.diversification.share'] as const;

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const range = (from: number, to: number, step: number, places: number) => {
  const out: number[] = [];
  for (let i = 0; from + i * step <= to + step / 2; i++) out.push(round(from + i * step, places));
  return out;
};

/** The field's grid and setter, or a reason it does not apply to this scenario. */
export function usSolveField(s: UsScenario, field: string): UsSolveField | string {
  if (field === 'plan.deferralRate') {
    if (s.plan.kind === 'us-sep-ira') return 'a SEP IRA has no employee deferrals (its rate is plan.rate)';
    return { grid: range(0, 0.5, 0.005, 3), step: 0.005, down: false, set: (x, v) => void ((x.plan as { deferralRate: number }).deferralRate = v) };
  }
  if (field === 'plan.diversification.share') {
    if (s.plan.kind !== 'us-ksop') return 'plan.diversification.share is a KSOP\'s company-stock cap';
    return { grid: range(0, 1, 0.01, 2), step: 0.01, down: true, set: (x, v) => void ((x.plan as { diversification: unknown }).diversification = { kind: 'cap', share: v }) };
  }
  return `cannot solve a US plan for "${field}"`;
}
