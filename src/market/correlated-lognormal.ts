/**
 * Correlated lognormal yearly returns for one path: gross return of asset i in year y is
 * exp(m_i + Σ_k L_ik z_k) with z iid standard normal and L·Lᵀ the log-return covariance.
 * Fills `out` (nYears × nAssets, year-major) with gross returns; draws exactly nYears × nAssets
 * normals, so the draws of path p depend only on the seed, the chunk and the market's size.
 * `_z` is no longer used (the draws go straight into `out`); it stays so callers need not change.
 */
import { fastExp } from './fast-exp.js';
import type { PathNormals } from './path-normals.js';

export function fillCorrelatedLognormal(
  normal: PathNormals,
  logMean: Float64Array,
  covFactor: Float64Array,
  nYears: number,
  _z: Float64Array,
  out: Float64Array,
): void {
  const n = logMean.length;
  // All the path's draws in one batch, in the order year by year would draw them; then each year
  // in place, last asset first, so z_k (k <= i) is still in out[base + k] when asset i needs it.
  normal.fill(out, 0, nYears * n);
  lognormalFromNormals(logMean, covFactor, nYears, out);
}

/**
 * The returns of `rows` years (of one path or of several paths one after another) from their
 * standard normals, in place: out[y · n + i] = exp(m_i + Σ_k L_ik z_k).
 */
export function lognormalFromNormals(logMean: Float64Array, covFactor: Float64Array, rows: number, out: Float64Array): void {
  const n = logMean.length;
  if (n === 2) return twoAssets(logMean, covFactor, rows, out);
  for (let y = 0; y < rows; y++) {
    const base = y * n;
    for (let i = n - 1; i >= 0; i--) {
      let x = logMean[i]!;
      const row = i * n;
      for (let k = 0; k <= i; k++) x += covFactor[row + k]! * out[base + k]!;
      out[base + i] = fastExp(x);
    }
  }
}

/**
 * The same for two assets (the common portfolio) without the inner loops, whose overhead was a
 * fifth of the kernel's instructions: the same products added in the same order, so the same numbers.
 */
function twoAssets(logMean: Float64Array, covFactor: Float64Array, nYears: number, out: Float64Array): void {
  const m0 = logMean[0]!;
  const m1 = logMean[1]!;
  const l00 = covFactor[0]!;
  const l10 = covFactor[2]!;
  const l11 = covFactor[3]!;
  for (let j = 0; j < 2 * nYears; j += 2) {
    const z0 = out[j]!;
    const z1 = out[j + 1]!;
    let x1 = m1;
    x1 += l10 * z0;
    x1 += l11 * z1;
    let x0 = m0;
    x0 += l00 * z0;
    out[j] = fastExp(x0);
    out[j + 1] = fastExp(x1);
  }
}
