/**
 * One payout year of a path's holding, the rules both kernels share (kernel/run-chunk.ts, the
 * path-by-path one, and kernel/run-chunk-blocked.ts): `left` years of the period left (≤ 0: paid
 * out, nothing moves). Level annuity: the holding earns the year's return r, then fees, then the
 * payout at the year end (re-amortised over the years left, everything in the last). Balance ÷
 * remaining years and lifelong (holding ÷ life annuity factor): paid at the year start, the rest
 * earns r, then fees; with mortality inheritance the survivors share the holdings of those who die.
 * Writes the payout, the holding after the year and the fees to out[0], out[1], out[2].
 */
import { PAYOUT_BALANCE_OVER_REMAINING, PAYOUT_LEVEL_ANNUITY, type SimulationPlan } from '../plan/simulation-plan.js';

export function payoutYear(plan: SimulationPlan, k: number, r: number, left: number, share: number, j: number, keep: number, out: Float64Array): void {
  if (left <= 0) {
    out[0] = 0;
    out[1] = k;
    out[2] = 0;
    return;
  }
  const perMember = plan.perMemberFee;
  let payout: number;
  let fees: number;
  if (plan.payoutMethod === PAYOUT_LEVEL_ANNUITY) {
    const grown = k * (1 + r);
    const end = Math.max(0, grown * keep - perMember);
    fees = grown - end;
    payout = left === 1 ? end : Math.min(k * plan.payoutFactor[left]! * share, end);
    k = end - payout;
  } else {
    payout = plan.payoutMethod === PAYOUT_BALANCE_OVER_REMAINING ? (left === 1 ? k : k * plan.payoutFactor[left]! * share) : k / plan.lifeAnnuity[j]!;
    const grown = (k - payout) * (1 + r);
    k = Math.max(0, grown * keep - perMember);
    fees = grown - k;
    if (plan.oneYearSurvival !== null) k /= plan.oneYearSurvival[j]!;
  }
  out[0] = payout;
  out[1] = k;
  out[2] = fees;
}
