/**
 * The correlation matrix of n assets' log-return shocks extended by one more variable (the
 * inflation innovation) whose correlations with them are ρ:  [[C, ρ], [ρᵀ, 1]].
 * Scenario validation checks it is positive semi-definite; market/inflation-loadings.ts factors it.
 *
 * Example: C = [[1]], ρ = [0.6] gives [[1, 0.6], [0.6, 1]].
 */
export function extendedCorrelation(c: readonly (readonly number[])[], rho: readonly number[]): number[][] {
  const n = c.length;
  return [...c.map((row, i) => [...row, rho[i]!]), [...rho, 1]].map((row) => row.slice(0, n + 1));
}
