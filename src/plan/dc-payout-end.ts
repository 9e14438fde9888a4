/** The DC shortening rule, shared by the kernel and the ledger. */
import type { SimulationPlan } from './simulation-plan.js';

/**
 * Year index after a DC path's last payout, checked at each payout year y: if the payout over the
 * years left (payEnd − y) would be below 0.2 G, the period is shortened to the longest n with
 * capital · factor(n) >= 0.2 G, at least one year (docs/model.md §2.5). So every payment but a final
 * one of everything left reaches 0.2 G. A lifelong pension (minPayoutG 0) is never shortened.
 */
export function dcPayoutEnd(plan: SimulationPlan, k: number, g: number, y: number, payEnd: number): number {
  if (plan.minPayoutG === 0) return payEnd;
  let years = payEnd - y;
  while (years > 1 && k * plan.payoutFactor[years]! < plan.minPayoutG * g) years--;
  return y + years;
}
