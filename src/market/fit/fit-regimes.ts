/**
 * A Markov regime-switching model fitted to log returns: a hidden Markov model with K Gaussian
 * regimes (multivariate: each regime its own means and covariance of the p series) estimated by
 * the Baum–Welch (EM) algorithm with scaled forward–backward recursions (Rabiner 1989, "A tutorial
 * on hidden Markov models", Proc. IEEE 77(2); Hamilton 1989, Econometrica 57(2), for returns).
 * Regimes are ordered by the first series' volatility, calmest first.
 *
 * From periods of 1/k years (monthly data: k = 12) the yearly model takes, per regime, means × k and
 * covariances × k, and the transition matrix Pᵏ (k steps of the period chain). That assumes a
 * regime holds within a year; the yearly chain keeps the period chain's long-run shares exactly.
 *
 * Example: data drawn from two regimes with sds 1 and 3 and transition [[0.95, 0.05], [0.2, 0.8]]
 * are fitted back within sampling error (a test checks it).
 */
import { stationaryDistribution } from '../../stats/stationary-distribution.js';
import { mahalanobis } from './mahalanobis.js';

export interface RegimeFit {
  /** Per regime, per series: mean and covariance of the log returns per period. */
  means: number[][];
  covariances: number[][][];
  /** Transition matrix per period; row r: probabilities of the next period's regime. */
  transition: number[][];
  /** Long-run share of periods in each regime. */
  stationary: number[];
  logLikelihood: number;
  iterations: number;
}

export function fitRegimes(x: readonly ArrayLike<number>[], nRegimes = 2, maxIterations = 1000): RegimeFit {
  const p = x.length;
  const n = x[0]!.length;
  const K = nRegimes;
  const overallMean = x.map((s) => mean(s, null));
  const overallCov = cov(x, overallMean, null);
  // Start: regimes with increasing volatility around the overall mean, persistent.
  let means = Array.from({ length: K }, (_, k) => overallMean.map((m, i) => m - (k / Math.max(1, K - 1)) * 0.3 * Math.sqrt(overallCov[i]![i]!)));
  let covs = Array.from({ length: K }, (_, k) => overallCov.map((row) => row.map((v) => v * (0.6 + (1.9 * k) / Math.max(1, K - 1)))));
  let trans = Array.from({ length: K }, (_, j) => Array.from({ length: K }, (__, k) => (j === k ? 0.9 : 0.1 / (K - 1))));
  let init = Array.from({ length: K }, () => 1 / K);

  const b = new Float64Array(n * K);
  const alpha = new Float64Array(n * K);
  const beta = new Float64Array(n * K);
  const scale = new Float64Array(n);
  let logLik = -Infinity;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // Emissions, scaled per period by their maximum (added back to the log-likelihood).
    const logMax = new Float64Array(n).fill(-Infinity);
    const logB = covs.map((c, k) => logDensities(x, means[k]!, c));
    for (let t = 0; t < n; t++) for (let k = 0; k < K; k++) logMax[t] = Math.max(logMax[t]!, logB[k]![t]!);
    for (let t = 0; t < n; t++) for (let k = 0; k < K; k++) b[t * K + k] = Math.exp(logB[k]![t]! - logMax[t]!);
    // Forward.
    let ll = 0;
    for (let t = 0; t < n; t++) {
      let c = 0;
      for (let k = 0; k < K; k++) {
        let a = 0;
        if (t === 0) a = init[k]!;
        else for (let j = 0; j < K; j++) a += alpha[(t - 1) * K + j]! * trans[j]![k]!;
        a *= b[t * K + k]!;
        alpha[t * K + k] = a;
        c += a;
      }
      for (let k = 0; k < K; k++) alpha[t * K + k]! /= c;
      scale[t] = c;
      ll += Math.log(c) + logMax[t]!;
    }
    // Backward.
    for (let k = 0; k < K; k++) beta[(n - 1) * K + k] = 1;
    for (let t = n - 2; t >= 0; t--) {
      for (let j = 0; j < K; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += trans[j]![k]! * b[(t + 1) * K + k]! * beta[(t + 1) * K + k]!;
        beta[t * K + j] = s / scale[t + 1]!;
      }
    }
    // E-step sums, then M-step.
    const gamma = new Float64Array(n * K);
    for (let t = 0; t < n; t++) for (let k = 0; k < K; k++) gamma[t * K + k] = alpha[t * K + k]! * beta[t * K + k]!;
    const xi = Array.from({ length: K }, () => new Float64Array(K));
    for (let t = 0; t < n - 1; t++) {
      for (let j = 0; j < K; j++) {
        for (let k = 0; k < K; k++) {
          xi[j]![k]! += (alpha[t * K + j]! * trans[j]![k]! * b[(t + 1) * K + k]! * beta[(t + 1) * K + k]!) / scale[t + 1]!;
        }
      }
    }
    init = Array.from({ length: K }, (_, k) => gamma[k]!);
    trans = xi.map((row) => {
      const s = row.reduce((a2, v) => a2 + v, 0);
      return Array.from(row, (v) => v / s);
    });
    const weights = Array.from({ length: K }, (_, k) => Float64Array.from({ length: n }, (__, t) => gamma[t * K + k]!));
    means = weights.map((w) => x.map((s) => mean(s, w)));
    covs = weights.map((w, k) => {
      const c = cov(x, means[k]!, w);
      // A tiny ridge keeps a regime that collapses onto few points invertible.
      for (let i = 0; i < p; i++) c[i]![i]! += 1e-12 + 1e-9 * overallCov[i]![i]!;
      return c;
    });
    const done = Math.abs(ll - logLik) < 1e-9 * Math.max(1, Math.abs(ll));
    logLik = ll;
    if (done) break;
  }
  const order = Array.from({ length: K }, (_, k) => k).sort((a, c) => covs[a]![0]![0]! - covs[c]![0]![0]!);
  const transition = order.map((j) => order.map((k) => trans[j]![k]!));
  return {
    means: order.map((k) => means[k]!),
    covariances: order.map((k) => covs[k]!),
    transition,
    stationary: stationaryDistribution(transition) ?? order.map(() => 1 / K),
    logLikelihood: logLik,
    iterations,
  };
}

/** The fit scaled from periods to years: means and covariances × k, transition matrix to the power k. */
export function yearlyRegimes(fit: RegimeFit, periodsPerYear: number): RegimeFit {
  let power: number[][] = fit.transition.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  for (let s = 0; s < periodsPerYear; s++) {
    power = power.map((row) => fit.transition[0]!.map((_, j) => row.reduce((acc, v, k) => acc + v * fit.transition[k]![j]!, 0)));
  }
  return {
    ...fit,
    means: fit.means.map((m) => m.map((v) => v * periodsPerYear)),
    covariances: fit.covariances.map((c) => c.map((row) => row.map((v) => v * periodsPerYear))),
    transition: power,
  };
}

function mean(s: ArrayLike<number>, w: Float64Array | null): number {
  let acc = 0;
  let sw = 0;
  for (let t = 0; t < s.length; t++) {
    const wt = w ? w[t]! : 1;
    acc += wt * s[t]!;
    sw += wt;
  }
  return acc / sw;
}

function cov(x: readonly ArrayLike<number>[], mu: number[], w: Float64Array | null): number[][] {
  const n = x[0]!.length;
  let sw = 0;
  for (let t = 0; t < n; t++) sw += w ? w[t]! : 1;
  return x.map((a, i) =>
    x.map((b2, j) => {
      let acc = 0;
      for (let t = 0; t < n; t++) acc += (w ? w[t]! : 1) * (a[t]! - mu[i]!) * (b2[t]! - mu[j]!);
      return acc / sw;
    }),
  );
}

/** ln N(x_t; μ, Σ) for every t. */
function logDensities(x: readonly ArrayLike<number>[], mu: number[], sigma: number[][]): Float64Array {
  const p = x.length;
  const { delta, logDet } = mahalanobis(x, mu, sigma, "a regime's covariance became singular: too few observations for this many regimes");
  return delta.map((d) => -0.5 * (p * Math.log(2 * Math.PI) + logDet + d));
}
