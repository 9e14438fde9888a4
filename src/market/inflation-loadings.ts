/**
 * Loadings of the inflation innovation on the market shocks: with C the assets' log-return
 * correlation and ρ the inflation innovation's correlations with them, the extended matrix
 *   [[C, ρ], [ρᵀ, 1]]
 * has a Cholesky factor whose first n rows are C's own (so the market is unchanged) and whose last
 * row (a_1 … a_n, a_own) gives ε = Σ a_k·z_k + a_own·u with corr(ε, asset i's shock) = ρ_i.
 * Returns null when the extended matrix is not positive semi-definite (ρ impossible with C).
 *
 * Example: one asset, ρ = 0.6 gives a = 0.6, a_own = 0.8.
 */
import { cholesky } from '../stats/cholesky.js';
import { extendedCorrelation } from '../stats/extended-correlation.js';

export function inflationLoadings(c: readonly (readonly number[])[], rho: readonly number[]): Float64Array | null {
  const n = c.length;
  const l = cholesky(extendedCorrelation(c, rho));
  if (l === null) return null;
  return l.slice(n * (n + 1), (n + 1) * (n + 1));
}
