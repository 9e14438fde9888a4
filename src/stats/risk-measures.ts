/**
 * Risk measures of an outcome X (terminal wealth, or a paired difference), from samples; larger is
 * better. All take the samples sorted ascending where a quantile is involved (sortedCopy helps).
 *
 * - valueAtRisk(x, α): the α-quantile of X, Q_α (type 7, stats/quantile-sorted.ts): the level the
 *   outcome falls below with probability α (for wealth, the "5 % worst case"). Example: VaR_0.05 of
 *   1..100 = 5.95.
 * - expectedShortfall(x, α) (CVaR): the mean of the worst α share of outcomes, with the boundary
 *   sample weighted fractionally (Acerbi & Tasche 2002): ES = (Σ_{i<k} x_(i) + (αn − k)·x_(k)) / (αn),
 *   k = ⌊αn⌋. Example: ES_0.05 of 1..100 = mean(1..5) = 3.
 * - certaintyEquivalent(x, γ): CRRA certainty equivalent, CE = (E[X^(1−γ)])^(1/(1−γ)), exp(E[ln X])
 *   at γ = 1 (docs/model.md §6.5). With γ >= 1 any X <= 0 makes CE = 0. Example: CE of {1, 4} at γ = 1 is 2.
 * - certaintyEquivalentValue(m, s, w, γ): the value V of $1 of company stock solving
 *   CE[(1−w)·M + w·S] = (1 − w + w·V)·CE[M] (docs/model.md §6.5), so
 *   V = (CE[(1−w)M + wS] / CE[M] − (1 − w)) / w. Under the one-factor lognormal model with β = 1,
 *   no default, w = 1: V = exp(−γσ_ε²T/2) (golden case G6 of docs/model.md §11: 0.259 at γ = 3, σ_ε = 0.30, T = 10).
 */
import { quantileSorted } from './quantile-sorted.js';

export function sortedCopy(x: ArrayLike<number>): Float64Array {
  return Float64Array.from(x as ArrayLike<number>).sort();
}

export function valueAtRisk(sorted: ArrayLike<number>, alpha = 0.05): number {
  return quantileSorted(sorted, alpha);
}

export function expectedShortfall(sorted: ArrayLike<number>, alpha = 0.05): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('expected shortfall of no data');
  const an = alpha * n;
  const k = Math.floor(an);
  if (an < 1) return sorted[0]!;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += sorted[i]!;
  if (k < n) sum += (an - k) * sorted[k]!;
  return sum / an;
}

export function certaintyEquivalent(x: ArrayLike<number>, gamma: number): number {
  if (!(gamma > 0)) throw new RangeError(`risk aversion γ must be > 0; got ${gamma}`);
  const n = x.length;
  if (n === 0) throw new RangeError('certainty equivalent of no data');
  if (gamma === 1) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (!(x[i]! > 0)) return 0;
      s += Math.log(x[i]!);
    }
    return Math.exp(s / n);
  }
  const e = 1 - gamma;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (!(v > 0)) {
      if (gamma > 1) return 0;
      continue;
    }
    s += v ** e;
  }
  return (s / n) ** (1 / e);
}

export function certaintyEquivalentValue(m: ArrayLike<number>, s: ArrayLike<number>, w: number, gamma: number): number {
  if (!(w > 0 && w <= 1)) throw new RangeError(`the company-stock share w must be in (0, 1]; got ${w}`);
  const mix = new Float64Array(m.length);
  for (let i = 0; i < m.length; i++) mix[i] = (1 - w) * m[i]! + w * s[i]!;
  return (certaintyEquivalent(mix, gamma) / certaintyEquivalent(m, gamma) - (1 - w)) / w;
}

