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

/** Welford's (n, mean, M2) of values[from, to). */
export function momentState(values: ArrayLike<number>, from = 0, to = values.length): MomentState {
  let mean = 0;
  let m2 = 0;
  for (let i = from; i < to; i++) {
    const x = values[i]!;
    const d = x - mean;
    mean += d / (i - from + 1);
    m2 += d * (x - mean);
  }
  return { n: to - from, mean, m2 };
}
