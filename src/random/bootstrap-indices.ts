/**
 * Bootstrap index sequences: which historical year (0 … n − 1) each simulated year replays. Four
 * variants, each drawing only from the given stream:
 * - iid: every year an independent uniform draw (keeps the yearly distribution, destroys any
 *   dependence between years);
 * - moving-block (Künsch 1989): blocks of L consecutive years starting uniformly in [0, n − L],
 *   laid end to end from the path's first year (the last block is cut at the horizon);
 * - circular-block (Politis & Romano 1992): as moving-block, but a block may start at any year and
 *   wraps from the last historical year to the first, so every year is equally likely;
 * - stationary (Politis & Romano 1994, "The stationary bootstrap", JASA 89(428)): each year
 *   starts a new block at a uniform year with probability p = 1/L, otherwise continues with the
 *   next year (circularly); block lengths are geometric, P(length = k) = (1 − p)^(k−1)·p, mean L.
 * Within a block, year-to-year dependence (lag-1 autocorrelation, momentum, mean reversion) is
 * kept; circular-block and stationary keep every year's marginal distribution exactly uniform.
 *
 * Example: movingBlockYears with n = 10, L = 3 and block starts 4 and 0 gives 4, 5, 6, 0, 1, …
 */
import type { RandomStream } from './chunk-stream.js';

export const BOOTSTRAP_METHODS = ['iid', 'moving-block', 'circular-block', 'stationary'] as const;
export type BootstrapMethod = (typeof BOOTSTRAP_METHODS)[number];

/** A uniform whole number in [0, n) (floor(u·n), u with 32 random bits; bias ≤ n/2³², nil for history sizes). */
function uniformIndex(random: RandomStream, n: number): number {
  return Math.floor(random() * n);
}

export function iidYears(random: RandomStream, n: number, out: Int32Array, length = out.length): void {
  for (let y = 0; y < length; y++) out[y] = uniformIndex(random, n);
}

export function movingBlockYears(random: RandomStream, n: number, blockYears: number, out: Int32Array, length = out.length): void {
  let start = 0;
  for (let y = 0; y < length; y++) {
    const offset = y % blockYears;
    if (offset === 0) start = uniformIndex(random, n - blockYears + 1);
    out[y] = start + offset;
  }
}

export function circularBlockYears(random: RandomStream, n: number, blockYears: number, out: Int32Array, length = out.length): void {
  let start = 0;
  for (let y = 0; y < length; y++) {
    const offset = y % blockYears;
    if (offset === 0) start = uniformIndex(random, n);
    out[y] = (start + offset) % n;
  }
}

export function stationaryYears(random: RandomStream, n: number, meanBlockYears: number, out: Int32Array, length = out.length): void {
  const p = 1 / meanBlockYears;
  for (let y = 0; y < length; y++) {
    if (y === 0 || random() < p) out[y] = uniformIndex(random, n);
    else out[y] = (out[y - 1]! + 1) % n;
  }
}

/** Fill `out` by the method's variant. */
export function bootstrapYears(method: BootstrapMethod, random: RandomStream, n: number, blockYears: number, out: Int32Array, length = out.length): void {
  switch (method) {
    case 'iid':
      return iidYears(random, n, out, length);
    case 'moving-block':
      return movingBlockYears(random, n, blockYears, out, length);
    case 'circular-block':
      return circularBlockYears(random, n, blockYears, out, length);
    case 'stationary':
      return stationaryYears(random, n, blockYears, out, length);
  }
}
