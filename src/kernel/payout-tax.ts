/**
 * Tax on one year's payout. Flat: gross · rate. Norway: the bracket schedule of the tax year,
 * with brackets indexed by G (the payout is deflated to tax-year kroner by G_taxYear / G_y, taxed
 * on top of the other pension income — the scenario's, plus the simulated folketrygd pension — and
 * the tax re-inflated), so a payout in 2060 meets the 2026 rules in 2060 money.
 */
import { norwegianPensionTax } from '../rules/no/pension-tax.js';
import { TAX_FLAT, type SimulationPlan } from '../plan/simulation-plan.js';

/** Tax on an income in tax-year kroner (0 under a flat tax, whose base is irrelevant). */
export function taxOf(plan: SimulationPlan, incomeTaxYear: number): number {
  return plan.noTax === null ? 0 : norwegianPensionTax(incomeTaxYear, plan.noTax);
}

/**
 * Tax on `gross` paid in a year with base amount g, on top of `other` (tax-year kroner) whose own
 * tax is `base` = taxOf(plan, other).
 */
export function payoutTax(plan: SimulationPlan, gross: number, g: number, other: number, base: number): number {
  if (plan.taxKind === TAX_FLAT) return gross * plan.flatTaxRate;
  const scale = plan.gTaxYear / g;
  return (norwegianPensionTax(other + gross * scale, plan.noTax!) - base) / scale;
}
