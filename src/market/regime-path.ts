/**
 * The regime path of a Markov chain, one uniform draw a year: the first year's regime from the
 * initial distribution, then regime(y) from row regime(y − 1) of the transition matrix, each given
 * as cumulative probabilities (inverse-CDF sampling). Over many years the share of years in each
 * regime tends to the chain's stationary distribution π (πP = π); started from π, every year's
 * regime has distribution π exactly.
 *
 * Example: transition [[0.9, 0.1], [0.3, 0.7]] has π = (0.75, 0.25) (a test checks the long-run shares).
 */
import type { RandomStream } from '../random/chunk-stream.js';

/** The first state s with u < cum[at + s] (the last state if rounding leaves u above every bound). */
export function pickState(cum: Float64Array, at: number, n: number, u: number): number {
  for (let s = 0; s < n - 1; s++) if (u < cum[at + s]!) return s;
  return n - 1;
}

export function fillRegimePath(
  random: RandomStream,
  transitionCum: Float64Array,
  initialCum: Float64Array,
  nRegimes: number,
  nYears: number,
  out: Int32Array,
): void {
  let r = pickState(initialCum, 0, nRegimes, random());
  for (let y = 0; y < nYears; y++) {
    if (y > 0) r = pickState(transitionCum, r * nRegimes, nRegimes, random());
    out[y] = r;
  }
}
