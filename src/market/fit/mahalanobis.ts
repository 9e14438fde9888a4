/** Shared by the Student-t and regime fits: squared Mahalanobis distances and the log-determinant. */
import { cholesky } from '../../stats/cholesky.js';

/** δ_t = (x_t − μ)ᵀΣ⁻¹(x_t − μ) by forward substitution with Σ's Cholesky factor, and ln|Σ|. */
export function mahalanobis(
  x: readonly ArrayLike<number>[],
  mu: number[],
  sigma: number[][],
  singular: string,
): { delta: Float64Array; logDet: number } {
  const p = x.length;
  const n = x[0]!.length;
  const l = cholesky(sigma);
  if (l === null || Array.from({ length: p }, (_, i) => l[i * p + i]!).some((d) => d <= 0)) {
    throw new Error(singular);
  }
  let logDet = 0;
  for (let i = 0; i < p; i++) logDet += 2 * Math.log(l[i * p + i]!);
  const delta = new Float64Array(n);
  const y = new Float64Array(p);
  for (let t = 0; t < n; t++) {
    let d = 0;
    for (let i = 0; i < p; i++) {
      let v = x[i]![t]! - mu[i]!;
      for (let k = 0; k < i; k++) v -= l[i * p + k]! * y[k]!;
      y[i] = v / l[i * p + i]!;
      d += y[i]! * y[i]!;
    }
    delta[t] = d;
  }
  return { delta, logDet };
}
