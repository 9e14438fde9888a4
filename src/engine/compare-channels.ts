/**
 * The channels of a paired comparison: per-path columns a worker derives from each scenario's
 * priced chunk (the same chunk index, so the same markets: common random numbers), which the run's
 * reducer (engine/chunk-summary.ts) then summarises like any series: moments merged in chunk
 * order, and a sketch or the exact values. The coordinator never sees a path unless percentiles
 * are exact. Per scenario:
 * - x: the compared outcome (terminal wealth, or the Norwegian --metric); `second`: another
 *   distribution reported beside it (US: the after-tax value of the better distribution);
 * - below: 1 when the scenario's shortfall series is below its target (shortfallProbability);
 * - ceT, ceNp: the CRRA transform u(x) = x^(1−γ) (ln x at γ = 1) where x > 0, else 0, and the
 *   indicator of x ≤ 0, whose means give certaintyEquivalent (stats/risk-measures.ts);
 * - with company stock: the share at retirement, the default indicator, 1 when S_T/S_0 < ½, the
 *   market and stock wealth relatives M and S, and u and the ≤ 0 indicator of the mix
 *   (1 − w)·M + w·S on a grid w = k/grid, k = 0..grid, for the certainty-equivalent value of $1 of
 *   company stock at a share known only at the end (engine/ce-value-at-share.ts).
 * - fan: the capital at every age, passed through (for the overlaid fans of the HTML report);
 * - head: the scenario's headline per-path outcomes, passed through (compare --per-path).
 * - with a US payout section: the ran-out indicator, the years lived N and U = Σ over the years
 *   lived of u(c_k) at the comparison's γ (c_k the year's real spending, at least $1 as in
 *   kernel/us-payout-years.ts), for the spending's certainty equivalent (E[U]/E[N])^(1/(1−γ)).
 * Per pair (A, the first scenario, against each B): A − B, the indicator of A < B, and A / B over
 * the paths with B > 0 (a column of variable length, its values first); when both have a payout
 * section, A − B of the lifetime spending (real), the bequest (real), the ran-out indicator and the
 * years short, and the indicator of A's lifetime spending < B's.
 */
import { MIN_UTILITY_SPENDING } from '../kernel/us-payout-years.js';
import type { ShortfallSpec } from './chunk-summary.js';

export interface CompareScenarioSpec {
  /** Series index of the compared outcome in the scenario's priced chunk. */
  outcome: number;
  /** Series index of a second reported distribution, or -1. */
  second: number;
  shortfall: ShortfallSpec | null;
  /** Whether the certainty equivalent applies (amounts, not ratios). */
  ce: boolean;
  /** Series indices of the employer-stock outputs, or null without company stock. */
  stock: { share: number; defaulted: number; stockRel: number; marketRel: number } | null;
  /** Series indices of a US payout section's outputs (its scalars and the real spending fan of n years), or null. */
  payout?: { lifetimeSpending: number; bequestReal: number; ranOut: number; yearsShort: number; yearsLived: number; spending: number; n: number } | null;
}

export interface CompareSpec {
  scenarios: CompareScenarioSpec[];
  /** Per scenario, series to pass through as they are (its capital fan by age), or null. */
  fans: ({ from: number; count: number } | null)[];
  /** Per scenario, its headline per-path outcomes to pass through (compare --per-path), or null. */
  heads: ({ from: number; count: number } | null)[];
  gamma: number;
  /** Intervals of the share grid of the mixed-portfolio certainty equivalents. */
  grid: number;
}

export interface ScenarioChannels {
  x: number;
  second: number;
  below: number;
  ceT: number;
  ceNp: number;
  stock: { share: number; defaulted: number; half: number; m: number; s: number; gridT: number; gridNp: number } | null;
  /** The first of `count` pass-through columns (the scenario's fan), or null. */
  fan: { from: number; count: number } | null;
  /** The first of `count` pass-through columns (the scenario's per-path outcomes), or null. */
  head: { from: number; count: number } | null;
  payout: { ranOut: number; years: number; u: number } | null;
}

export interface PairChannels {
  diff: number;
  less: number;
  ratio: number;
  payout: { spending: number; bequest: number; ranOut: number; yearsShort: number; less: number } | null;
}

export interface CompareLayout {
  scenarios: ScenarioChannels[];
  pairs: PairChannels[];
  count: number;
  /**
   * Whether a column's values go into a sketch: only those whose percentiles or CVaR are read
   * (the outcomes, A − B, A / B, the fans). Indicators, transforms and pass-through columns need
   * their moments (or, exact, their values) alone, so the hot loop skips their sketches.
   */
  sketched: boolean[];
}

export function compareLayout(spec: CompareSpec): CompareLayout {
  let n = 0;
  const next = (k = 1) => {
    const at = n;
    n += k;
    return at;
  };
  const scenarios = spec.scenarios.map((s, i): ScenarioChannels => ({
    x: next(),
    second: s.second >= 0 ? next() : -1,
    below: s.shortfall ? next() : -1,
    ceT: s.ce ? next() : -1,
    ceNp: s.ce ? next() : -1,
    stock: s.stock
      ? { share: next(), defaulted: next(), half: next(), m: next(), s: next(), gridT: next(spec.grid + 1), gridNp: next(spec.grid + 1) }
      : null,
    fan: spec.fans[i] ? { from: next(spec.fans[i]!.count), count: spec.fans[i]!.count } : null,
    head: spec.heads[i] ? { from: next(spec.heads[i]!.count), count: spec.heads[i]!.count } : null,
    payout: s.payout ? { ranOut: next(), years: next(), u: next() } : null,
  }));
  const withPayout = (i: number) => !!spec.scenarios[i]!.payout;
  const pairs = spec.scenarios.slice(1).map(
    (_, j): PairChannels => ({
      diff: next(), less: next(), ratio: next(),
      payout: withPayout(0) && withPayout(j + 1) ? { spending: next(), bequest: next(), ranOut: next(), yearsShort: next(), less: next() } : null,
    }),
  );
  const sketched = new Array<boolean>(n).fill(false);
  const mark = (at: number, k = 1) => {
    for (let i = at; i >= 0 && i < at + k; i++) sketched[i] = true;
  };
  for (const ch of scenarios) {
    mark(ch.x);
    mark(ch.second);
    if (ch.fan) mark(ch.fan.from, ch.fan.count);
  }
  for (const pc of pairs) {
    mark(pc.diff);
    mark(pc.ratio);
    if (pc.payout) {
      mark(pc.payout.spending);
      mark(pc.payout.bequest);
      mark(pc.payout.yearsShort);
    }
  }
  return { scenarios, pairs, count: n, sketched };
}

/** u(x) of CRRA γ where x > 0, else 0 (the ≤ 0 indicator is kept apart). */
function crra(x: number, gamma: number): number {
  if (!(x > 0)) return 0;
  return gamma === 1 ? Math.log(x) : x ** (1 - gamma);
}

/** u(c) of CRRA γ for a year's spending, c at least MIN_UTILITY_SPENDING (kernel/us-payout-years.ts's utility). */
export function spendingUtility(c: number, gamma: number): number {
  const x = c > MIN_UTILITY_SPENDING ? c : MIN_UTILITY_SPENDING;
  return gamma === 1 ? Math.log(x) : x ** (1 - gamma);
}

/**
 * Fill `out` (layout.count columns of `paths` values, column c at c · paths) from the priced
 * chunks of every scenario (`priced[i]`, that scenario's series-major output); returns each
 * column's length (all `paths` but the ratios').
 */
export function fillChannels(spec: CompareSpec, layout: CompareLayout, priced: readonly Float64Array[], paths: number, out: Float64Array): Int32Array {
  const lengths = new Int32Array(layout.count).fill(paths);
  const col = (c: number) => out.subarray(c * paths, (c + 1) * paths);
  const series = (i: number, s: number) => priced[i]!.subarray(s * paths, (s + 1) * paths);
  const { gamma, grid } = spec;
  spec.scenarios.forEach((sc, i) => {
    const ch = layout.scenarios[i]!;
    const x = series(i, sc.outcome);
    col(ch.x).set(x);
    if (ch.second >= 0) col(ch.second).set(series(i, sc.second));
    if (ch.below >= 0) {
      const v = series(i, sc.shortfall!.series);
      const t = sc.shortfall!.target;
      const o = col(ch.below);
      for (let p = 0; p < paths; p++) o[p] = v[p]! < t ? 1 : 0;
    }
    if (ch.ceT >= 0) {
      const t = col(ch.ceT);
      const np = col(ch.ceNp);
      for (let p = 0; p < paths; p++) {
        t[p] = crra(x[p]!, gamma);
        np[p] = x[p]! > 0 ? 0 : 1;
      }
    }
    if (ch.head) out.set(priced[i]!.subarray(spec.heads[i]!.from * paths, (spec.heads[i]!.from + ch.head.count) * paths), ch.head.from * paths);
    if (ch.fan) out.set(priced[i]!.subarray(spec.fans[i]!.from * paths, (spec.fans[i]!.from + ch.fan.count) * paths), ch.fan.from * paths);
    if (ch.payout && sc.payout) {
      const po = sc.payout;
      col(ch.payout.ranOut).set(series(i, po.ranOut));
      const lived = series(i, po.yearsLived);
      col(ch.payout.years).set(lived);
      const u = col(ch.payout.u);
      u.fill(0);
      for (let k = 0; k < po.n; k++) {
        const c = series(i, po.spending + k);
        for (let p = 0; p < paths; p++) if (k < lived[p]!) u[p] = u[p]! + spendingUtility(c[p]!, gamma);
      }
    }
    if (ch.stock && sc.stock) {
      col(ch.stock.share).set(series(i, sc.stock.share));
      col(ch.stock.defaulted).set(series(i, sc.stock.defaulted));
      const m = series(i, sc.stock.marketRel);
      const s = series(i, sc.stock.stockRel);
      col(ch.stock.m).set(m);
      col(ch.stock.s).set(s);
      const half = col(ch.stock.half);
      for (let p = 0; p < paths; p++) half[p] = s[p]! < 0.5 ? 1 : 0;
      for (let k = 0; k <= grid; k++) {
        const w = k / grid;
        const t = col(ch.stock.gridT + k);
        const np = col(ch.stock.gridNp + k);
        for (let p = 0; p < paths; p++) {
          const mix = (1 - w) * m[p]! + w * s[p]!;
          t[p] = crra(mix, gamma);
          np[p] = mix > 0 ? 0 : 1;
        }
      }
    }
  });
  const a = series(0, spec.scenarios[0]!.outcome);
  layout.pairs.forEach((pc, j) => {
    const b = series(j + 1, spec.scenarios[j + 1]!.outcome);
    const diff = col(pc.diff);
    const less = col(pc.less);
    const ratio = col(pc.ratio);
    let r = 0;
    for (let p = 0; p < paths; p++) {
      diff[p] = a[p]! - b[p]!;
      less[p] = a[p]! < b[p]! ? 1 : 0;
      if (b[p]! > 0) ratio[r++] = a[p]! / b[p]!;
    }
    lengths[pc.ratio] = r;
    if (pc.payout) {
      const pa = spec.scenarios[0]!.payout!;
      const pb = spec.scenarios[j + 1]!.payout!;
      const d = (c: number, sa: number, sb: number) => {
        const o = col(c);
        const x = series(0, sa);
        const y = series(j + 1, sb);
        for (let p = 0; p < paths; p++) o[p] = x[p]! - y[p]!;
      };
      d(pc.payout.spending, pa.lifetimeSpending, pb.lifetimeSpending);
      d(pc.payout.bequest, pa.bequestReal, pb.bequestReal);
      d(pc.payout.ranOut, pa.ranOut, pb.ranOut);
      d(pc.payout.yearsShort, pa.yearsShort, pb.yearsShort);
      const sl = col(pc.payout.less);
      const sa = series(0, pa.lifetimeSpending);
      const sb = series(j + 1, pb.lifetimeSpending);
      for (let p = 0; p < paths; p++) sl[p] = sa[p]! < sb[p]! ? 1 : 0;
    }
  });
  return lengths;
}
