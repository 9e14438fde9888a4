/**
 * Merge two (n, mean, M2) summaries exactly as if their samples had been pooled (Chan, Golub &
 * LeVeque 1979): δ = m_b − m_a, n = n_a + n_b, mean = m_a + δ·n_b/n, M2 = M2_a + M2_b + δ²·n_a·n_b/n.
 * Merging chunk summaries in chunk order is deterministic whatever thread ran each chunk.
 * Example: merge({n:2, mean:1.5, m2:0.5}, {n:2, mean:3.5, m2:0.5}) = {n:4, mean:2.5, m2:5} (of 1,2,3,4).
 */
export interface MomentState {
  n: number;
  mean: number;
  m2: number;
}

export function mergeMoments(a: MomentState, b: MomentState): MomentState {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const d = b.mean - a.mean;
  return { n, mean: a.mean + (d * b.n) / n, m2: a.m2 + b.m2 + (d * d * a.n * b.n) / n };
}

/**
 * (n, mean, M2) of values[from, to) in one pass of sums shifted by the first value K:
 * s1 = Σ(x − K), s2 = Σ(x − K)², mean = K + s1/n, M2 = s2 − s1²/n. No division per value (the
 * collector's hot path), exact for constant data, and well conditioned because K is in the data.
 */
export function momentState(values: ArrayLike<number>, from = 0, to = values.length): MomentState {
  const n = to - from;
  if (n === 0) return { n: 0, mean: 0, m2: 0 };
  const k = values[from]!;
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < to; i++) {
    const d = values[i]! - k;
    s1 += d;
    s2 += d * d;
  }
  return momentFromSums(n, k, s1, s2);
}

/** The (n, mean, M2) of n values from their sums shifted by K (as momentState computes them, in one pass elsewhere). */
export function momentFromSums(n: number, k: number, s1: number, s2: number): MomentState {
  return { n, mean: k + s1 / n, m2: Math.max(0, s2 - (s1 * s1) / n) };
}
