/**
 * The stationary distribution π of a Markov transition matrix P (rows sum to 1): the solution of
 * π·P = π with Σπ = 1, by Gaussian elimination on (Pᵀ − I) with one equation replaced by the
 * normalisation. Returns null when it is not unique (e.g. P = I: every distribution is stationary).
 * For two states π = (p₂₁, p₁₂)/(p₁₂ + p₂₁).
 *
 * Example: [[0.9, 0.1], [0.3, 0.7]] gives π = (0.75, 0.25).
 */
export function stationaryDistribution(p: readonly (readonly number[])[]): number[] | null {
  const n = p.length;
  // a·π = b, a = Pᵀ − I with the last row replaced by ones.
  const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (i === n - 1 ? 1 : p[j]![i]! - (i === j ? 1 : 0))));
  const b: number[] = Array.from({ length: n }, (_, i) => (i === n - 1 ? 1 : 0));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r]![c]! -= f * a[col]![c]!;
      b[r]! -= f * b[col]!;
    }
  }
  const pi = b.map((v, i) => v / a[i]![i]!);
  return pi.some((v) => v < -1e-12) ? null : pi.map((v) => Math.max(0, v));
}
