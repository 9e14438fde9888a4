/**
 * Tax on one year's payout. Flat: gross · rate. Norway: the bracket schedule of the tax year,
 * with brackets indexed by G (the payout is deflated to tax-year kroner by G_taxYear / G_y,
 * taxed on top of the other pension income, and the tax re-inflated), so a payout in 2060
 * meets the 2026 rules in 2060 money rather than bracket creep over 34 years.
 */
import { norwegianPensionTax } from '../rules/no/pension-tax.js';
import { TAX_FLAT, type SimulationPlan } from '../plan/simulation-plan.js';

/** Tax on the other income alone, to subtract (computed once per chunk). */
export function baseTax(plan: SimulationPlan): number {
  return plan.noTax === null ? 0 : norwegianPensionTax(plan.otherIncome, plan.noTax);
}

export function payoutTax(plan: SimulationPlan, gross: number, g: number, base: number): number {
  if (plan.taxKind === TAX_FLAT) return gross * plan.flatTaxRate;
  const scale = plan.gTaxYear / g;
  return (norwegianPensionTax(plan.otherIncome + gross * scale, plan.noTax!) - base) / scale;
}
