/**
 * A 95 % confidence interval for the p-quantile of a distribution from n independent draws, free
 * of any assumption on the distribution (the order-statistic, or binomial, interval: the number of
 * draws below the true quantile is Binomial(n, p)): [Q̂(p − δ), Q̂(p + δ)] with
 * δ = z·√(p(1 − p)/n), z = 1.96, the sample quantiles read at the shifted probabilities (clamped to
 * [0, 1]). Example: n = 10 000, p = 0.5 gives δ = 0.0098, so the 49.02th to 50.98th percentiles.
 */
export const Z95 = 1.959963984540054;

/** The probabilities (lower, upper) whose sample quantiles bound the p-quantile's 95 % interval. */
export function quantileIntervalProbabilities(p: number, n: number): [number, number] {
  const d = Z95 * Math.sqrt((p * (1 - p)) / n);
  return [Math.max(0, p - d), Math.min(1, p + d)];
}

/**
 * Wilson's 95 % interval for a probability estimated as k/n (better than p ± z·se near 0 and 1).
 * Example: 0 of 100 gives [0, 0.037].
 */
export function proportionInterval(k: number, n: number): [number, number] {
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // At k = 0 (k = n) the lower (upper) end is 0 (1) exactly; rounding would leave a trace.
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}
