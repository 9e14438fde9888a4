/**
 * Correlated lognormal yearly returns for one path: gross return of asset i in year y is
 * exp(m_i + Σ_k L_ik z_k) with z iid standard normal and L·Lᵀ the log-return covariance.
 * Fills `out` (nYears × nAssets, year-major) with gross returns; draws exactly nYears × nAssets
 * normals, so the draws of path p depend only on the seed, the chunk and the market's size.
 */
import type { NormalSource } from '../random/normal-source.js';

export function fillCorrelatedLognormal(
  normal: NormalSource,
  logMean: Float64Array,
  covFactor: Float64Array,
  nYears: number,
  z: Float64Array,
  out: Float64Array,
): void {
  const n = logMean.length;
  for (let y = 0; y < nYears; y++) {
    for (let k = 0; k < n; k++) z[k] = normal.next();
    const base = y * n;
    for (let i = 0; i < n; i++) {
      let x = logMean[i]!;
      const row = i * n;
      for (let k = 0; k <= i; k++) x += covFactor[row + k]! * z[k]!;
      out[base + i] = Math.exp(x);
    }
  }
}
