/**
 * Binomial arithmetic for the coverage tests: how likely a band of coverage counts is to hold when
 * an interval's true coverage is c, so a test states the chance that it fails by bad luck instead
 * of hoping. Log-space recursion, so n in the thousands does not underflow.
 * Example: P(108 ≤ Binomial(120, 0.95) ≤ 118) = 0.9773 (the old 90–99 % band of 120 runs).
 */

/** P(X = k) for k = 0..n, X ~ Binomial(n, p). */
export function binomialPmf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  if (p <= 0 || p >= 1) {
    out[p <= 0 ? 0 : n] = 1;
    return out;
  }
  let log = n * Math.log1p(-p);
  const odds = Math.log(p) - Math.log1p(-p);
  for (let k = 0; k <= n; k++) {
    if (k > 0) log += Math.log((n - k + 1) / k) + odds;
    out[k] = Math.exp(log);
  }
  return out;
}

/** P(a ≤ X ≤ b), X ~ Binomial(n, c). */
export function bandProbability(n: number, c: number, a: number, b: number): number {
  const pmf = binomialPmf(n, c);
  let sum = 0;
  for (let k = Math.max(0, a); k <= Math.min(n, b); k++) sum += pmf[k]!;
  return Math.min(1, sum);
}

/**
 * The narrowest band [a, b] of counts out of n that holds with probability ≥ 1 − eps whenever the
 * true coverage lies in [cLow, cHigh]: a from the lower tail at cLow, b from the upper tail at cHigh,
 * eps/2 each (P(a ≤ X ≤ b) is smallest at an end of the range, as each tail is monotone in c).
 */
export function coverageBand(n: number, cLow: number, cHigh: number, eps: number): [number, number] {
  const low = binomialPmf(n, cLow);
  let a = 0;
  for (let tail = 0; a <= n && tail + low[a]! <= eps / 2; a++) tail += low[a]!;
  const high = binomialPmf(n, cHigh);
  let b = n;
  for (let tail = 0; b >= 0 && tail + high[b]! <= eps / 2; b--) tail += high[b]!;
  return [a, b];
}

/**
 * The true coverage of the order-statistic interval [Q̂(p − δ), Q̂(p + δ)], δ = z·√(p(1 − p)/n),
 * read by type-7 interpolation from n independent draws, lies in [inner, outer]: with
 * B ~ Binomial(n, p) the draws below the true quantile, the interval holds it if
 * ⌊h₋⌋ + 2 ≤ B ≤ ⌊h₊⌋ and only if ⌊h₋⌋ + 1 ≤ B ≤ ⌊h₊⌋ + 1, h± = (n − 1)(p ± δ) (1-based order
 * statistics; the interpolated ends lie between neighbours). Free of the distribution of the draws.
 */
export function orderStatisticCoverage(n: number, p: number, z: number): [number, number] {
  const d = z * Math.sqrt((p * (1 - p)) / n);
  const lo = Math.floor((n - 1) * Math.max(0, p - d));
  const hi = Math.floor((n - 1) * Math.min(1, p + d));
  const pmf = binomialPmf(n, p);
  let inner = 0;
  let outer = 0;
  for (let k = lo + 1; k <= hi + 1; k++) {
    outer += pmf[k]!;
    if (k >= lo + 2 && k <= hi) inner += pmf[k]!;
  }
  return [inner, outer];
}
