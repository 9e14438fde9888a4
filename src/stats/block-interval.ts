/**
 * The 95 % interval of a figure from R independent randomizations of a run (randomized blocks,
 * random/randomized-blocks.ts), by sectioning (Asmussen & Glynn 2007, "Stochastic Simulation",
 * §III.5a; Nakayama 2014, "Confidence intervals using sectioning for quantiles when applying
 * variance-reduction techniques", ACM TOMACS 24(4)): θ̂ is the figure estimated from all paths,
 * θ̂_b the same figure from block b's paths alone, S² = Σ_b (θ̂_b − θ̂)² / (R − 1),
 * stderr = S/√R, and the interval θ̂ ± t(0.975, R − 1)·stderr (Student's t: the block estimates
 * are independent and, by the central limit theorem within each block, close to normal). Centred on
 * the pooled estimate, S also takes in the small-sample bias of a block's estimate (a percentile of
 * n/R paths), which plain batching (the spread around the mean of the θ̂_b) would miss.
 * Example: θ̂ = 2.5 from blocks 1, 2, 3, 4: S² = 5/3, stderr = 0.6455, half-width 3.1824 × 0.6455 = 2.0543.
 */
import { studentTQuantile } from './student-t-quantile.js';

/** t(0.975, ν) by ν: the multiplier of a block stderr (every R is a power of 2, so a few ν recur). */
const T975 = new Map<number, number>();

export function t975(nu: number): number {
  let t = T975.get(nu);
  if (t === undefined) {
    t = studentTQuantile(0.975, nu);
    T975.set(nu, t);
  }
  return t;
}

export function blockInterval(pooled: number, estimates: ArrayLike<number>): { stderr: number; ci95: [number, number] } {
  const r = estimates.length;
  if (r < 2) throw new RangeError(`an interval from randomized blocks needs at least 2 blocks; got ${r}`);
  let ss = 0;
  for (let b = 0; b < r; b++) ss += (estimates[b]! - pooled) ** 2;
  const stderr = Math.sqrt(ss / (r - 1) / r);
  const half = t975(r - 1) * stderr;
  return { stderr, ci95: [pooled - half, pooled + half] };
}
