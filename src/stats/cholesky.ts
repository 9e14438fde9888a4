/**
 * Cholesky factor L (row-major, lower triangular) of a symmetric positive semi-definite matrix,
 * so that L·Lᵀ = C. Semi-definite matrices (e.g. two perfectly correlated assets) are accepted:
 * a pivot within `tolerance` of zero gives a zero column. Returns null when C is not PSD.
 * Example: cholesky([[1, 0.1], [0.1, 1]]) = [1, 0, 0.1, √0.99].
 */
export function cholesky(c: readonly (readonly number[])[], tolerance = 1e-10): Float64Array | null {
  const n = c.length;
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = c[j]![j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (d < -tolerance) return null;
    const pivot = d > tolerance ? Math.sqrt(d) : 0;
    l[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let s = c[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (pivot === 0) {
        // A zero pivot needs a zero remainder, else the matrix is not PSD.
        if (Math.abs(s) > Math.sqrt(tolerance)) return null;
        l[i * n + j] = 0;
      } else {
        l[i * n + j] = s / pivot;
      }
    }
  }
  return l;
}
