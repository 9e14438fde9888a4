/**
 * One year's pay growth factor with a wage shock: 1 + mean + shock, floored so pay (and G, which
 * follows wages) stays positive. The schema caps the shock's standard deviation at 10 %, so with
 * a mean of 0 or more the floor binds only for shocks beyond 5 standard deviations (about one year
 * in 3.5 million); a negative mean brings it closer (at the lowest mean, −50 %, every negative shock
 * is floored). It exists so that no draw can make pay or G zero or negative.
 * Example: payGrowthFactor(0.03, 0.02) = 1.05; payGrowthFactor(0.03, −0.9) = 0.5.
 */
export const PAY_GROWTH_FLOOR = 0.5;

export function payGrowthFactor(mean: number, shock: number): number {
  // Math.max, not a conditional: a conditional between the double and the module's constant made
  // the result a boxed number (a heap number a path-year) where this is inlined.
  return Math.max(1 + mean + shock, PAY_GROWTH_FLOOR);
}
