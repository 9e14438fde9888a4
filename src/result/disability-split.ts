/**
 * The outcomes of the disabled and of the others (docs/model.md §2.9). A run with disability writes,
 * per path, whether it was disabled before 67 (disabledBefore67); these derived columns keep, for
 * each outcome, only the paths of one group, compacted like the payouts of the living
 * (result/alive-payout.ts), so their means and percentiles are those of the group:
 * - both groups: the capital and the first gross payout at the payout start, and with the
 *   folketrygd the total pension;
 * - the disabled only: the yearly income while disabled, its ratio to the pay at disability, and
 *   what the premium waiver added to the capital (0 on every other path, so meaningless over them),
 *   and with a drawn degree the degree;
 * - both groups, by age, with `disability.groupFans`: the capital at the start of every age and the
 *   gross payout of every payout year (the run's capital and payout fans, each over one group; the
 *   payout 0 after a death as in the run's payout fan).
 * The columns come after the plan's series and the payouts of the living: the outcomes, then the
 * capital by age of the disabled and of the others, then their payouts by age.
 */
import type { SeriesCollector } from '../engine/collect-series.js';
import type { GroupFanColumns } from '../kernel/run-chunk.js';
import { DEGREE_SERIES, fanOffset, SCALAR_SERIES, seriesCount, type ExtraSeries, type SimulationPlan } from '../plan/simulation-plan.js';
import { aliveColumns, aliveSpec } from './alive-payout.js';
import type { Metric } from './simulation-result.js';

export const SPLIT_BOTH = ['capitalAtRetirement', 'payoutGross', 'totalPension'] as const;
export const SPLIT_DISABLED = ['disabilityIncome', 'disabilityIncomeRatio', 'waiverGain'] as const;
/** The disabled-only outcomes a plan may add (a drawn degree). */
const SPLIT_DISABLED_OPTIONAL: readonly string[] = DEGREE_SERIES;

export interface DisabilitySplit {
  /** Series index of disabledBefore67. */
  flag: number;
  /** Series indices split into both groups, and their names. */
  both: number[];
  bothNames: string[];
  /** Series indices kept for the disabled only, and their names. */
  disabledOnly: number[];
  disabledNames: string[];
  /** The first derived column. */
  from: number;
  /** The capital by age (nYears + 1 series from capitalFrom) and the gross payout by payout year (payoutCount from payoutFrom); 0 and 0 without `groupFans`. */
  capitalFrom: number;
  capitalCount: number;
  payoutFrom: number;
  payoutCount: number;
  /** The ages of the first capital and the first payout series. */
  startAge: number;
  payoutStartAge: number;
  /**
   * The plan's four disability series (disabledBefore67 and the disabled-only sources): kept as moments
   * only, not in sketches. Over all paths they are mostly 0 (their distributions are the groups'), and
   * sketching them cost ~10 % of a run; P(disabled before 67) is their mean.
   */
  unsketched: number[];
}

/** The split of a Norwegian plan with disability, else null. */
export function disabilitySplit(plan: SimulationPlan): DisabilitySplit | null {
  const flag = plan.extraSeries.indexOf('disabledBefore67');
  if (flag < 0) return null;
  const at = (name: string): number => {
    const scalar = (SCALAR_SERIES as readonly string[]).indexOf(name);
    if (scalar >= 0) return scalar;
    const i = plan.extraSeries.indexOf(name as ExtraSeries);
    return i < 0 ? -1 : SCALAR_SERIES.length + i;
  };
  const bothNames = SPLIT_BOTH.filter((n) => at(n) >= 0);
  const disabledNames = [...SPLIT_DISABLED, ...SPLIT_DISABLED_OPTIONAL.filter((n) => at(n) >= 0)];
  const capitalFrom = fanOffset(plan);
  const fans = plan.disability?.groupFans === true;
  return {
    flag: SCALAR_SERIES.length + flag,
    both: bothNames.map(at),
    bothNames,
    disabledOnly: disabledNames.map(at),
    disabledNames,
    from: seriesCount(plan) + aliveColumns(aliveSpec(plan)),
    capitalFrom,
    capitalCount: fans ? plan.nYears + 1 : 0,
    payoutFrom: capitalFrom + plan.nYears + 1,
    payoutCount: fans ? plan.nYears - plan.payStart : 0,
    startAge: plan.startAge,
    payoutStartAge: plan.startAge + plan.payStart,
    unsketched: [SCALAR_SERIES.length + flag, ...disabledNames.map(at)],
  };
}

/** Columns the split adds: two per outcome of both groups, one per outcome of the disabled, two per age of each fan. */
export function disabilityColumns(split: DisabilitySplit | null): number {
  return split ? outcomeColumns(split) + 2 * (split.capitalCount + split.payoutCount) : 0;
}

function outcomeColumns(split: DisabilitySplit): number {
  return 2 * split.both.length + split.disabledOnly.length;
}

/**
 * The run's capital and payout fan columns, each with the two group columns that partition its
 * values (the disabled's and the others'): with `groupFans`, its sketch is their merge.
 */
export function disabilityFanAliases(split: DisabilitySplit): Map<number, readonly [number, number]> {
  const fans = split.from + outcomeColumns(split);
  const nc = split.capitalCount;
  const np = split.payoutCount;
  const out = new Map<number, readonly [number, number]>();
  for (let i = 0; i < nc; i++) out.set(split.capitalFrom + i, [fans + i, fans + nc + i]);
  for (let j = 0; j < np; j++) out.set(split.payoutFrom + j, [fans + 2 * nc + j, fans + 2 * nc + np + j]);
  return out;
}

/** Where the kernel writes the groups' fans by age (kernel/run-chunk.ts GroupFanColumns), or null without `groupFans`. */
export function groupFanColumns(split: DisabilitySplit): GroupFanColumns | null {
  if (split.capitalCount === 0) return null;
  const fans = split.from + outcomeColumns(split);
  return { capital: fans, capitalApart: split.capitalCount, payout: fans + 2 * split.capitalCount, payoutApart: split.payoutCount };
}

/** Each thread's per-path group (0 disabled, 1 other) and rank in its group, reused from chunk to chunk (no allocation per chunk). */
let groupOf = new Int32Array(0);
let rankOf = new Int32Array(0);

/**
 * Fill the derived columns of a chunk (stride `paths`) and their lengths; the groups' fans by age
 * are the kernel's (priced with groupFanColumns), so only their lengths are set here. Each path's
 * group and its rank in the group are found once; then a column split into both groups is one pass
 * over its source without a branch: the value goes to its group's column at its rank, so each group
 * column holds its paths' values in path order (the moments' sums depend on it). A filter on the
 * 0/1 flag would be a branch the processor cannot predict, path after path, and a gather per group
 * would read the source twice.
 */
export function fillDisability(split: DisabilitySplit, out: Float64Array, paths: number, lengths: Int32Array): void {
  const flag = split.flag * paths;
  if (groupOf.length < paths) {
    groupOf = new Int32Array(paths);
    rankOf = new Int32Array(paths);
  }
  const group = groupOf;
  const rank = rankOf;
  let nDis = 0;
  for (let p = 0; p < paths; p++) {
    const other = out[flag + p] === 1 ? 0 : 1;
    group[p] = other;
    rank[p] = other === 0 ? nDis++ : p - nDis;
  }
  const nOther = paths - nDis;
  // Source column src into the disabled's column dis and the others' column dis + apart.
  const split2 = (src: number, dis: number, apart: number) => {
    const s = src * paths;
    const d = dis * paths;
    const off = apart * paths;
    for (let p = 0; p < paths; p++) out[d + group[p]! * off + rank[p]!] = out[s + p]!;
    lengths[dis] = nDis;
    lengths[dis + apart] = nOther;
  };
  const nb = split.both.length;
  split.both.forEach((src, i) => split2(src, split.from + i, nb));
  split.disabledOnly.forEach((src, i) => {
    const s = src * paths;
    const col = split.from + 2 * nb + i;
    const d = col * paths;
    // The others' values land past the column's length (never read), which spares a branch.
    for (let p = 0; p < paths; p++) out[d + group[p]! * nDis + rank[p]!] = out[s + p]!;
    lengths[col] = nDis;
  });
  // The fans by age (the disabled's block of ages, then the others'): the kernel wrote them, in the
  // same order (a copy of each column here cost more than the kernel's second write).
  const fans = split.from + outcomeColumns(split);
  const nc = split.capitalCount;
  const np = split.payoutCount;
  for (let i = 0; i < nc; i++) {
    lengths[fans + i] = nDis;
    lengths[fans + nc + i] = nOther;
  }
  for (let j = 0; j < np; j++) {
    lengths[fans + 2 * nc + j] = nDis;
    lengths[fans + 2 * nc + np + j] = nOther;
  }
}

export interface DisabilityGroup {
  /** Paths in the group. */
  paths: number;
  /** Its share of all paths. */
  share: number;
  metrics: Record<string, Metric>;
  /**
   * The group's capital at the start of every age (the run's `fan`, over the group's paths), and its
   * gross payout of every payout year (the run's `payoutFan.gross`). Absent in a result converted
   * by per-path indices (stochastic inflation or G: report/deflate-result.ts).
   */
  fan?: { ages: number[]; mean: number[]; capital: Record<string, number[]> };
  payoutFan?: { ages: number[]; gross: Record<string, number[]> };
}

/**
 * What the result reports: P(disabled before 67) (the mean of the 0/1 series, with its standard
 * error), and each group's outcomes; a group without paths is null (no figure of an empty set).
 */
export interface DisabilityResult {
  probability: number;
  stderr: number;
  disabled: DisabilityGroup | null;
  others: DisabilityGroup | null;
}

/** A series kept as moments only (DisabilitySplit.unsketched): its mean, sd and standard error, no percentiles. */
export function momentMetric(collector: SeriesCollector, s: number): Metric {
  const m = collector.merged(s);
  return { mean: m.mean, sd: m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : 0, stderr: collector.stderr(s), percentiles: {} };
}

export function disabilityResult(collector: SeriesCollector, split: DisabilitySplit, pct: readonly number[]): DisabilityResult {
  const nb = split.both.length;
  const flag = momentMetric(collector, split.flag);
  const group = (cols: number[], names: string[]): DisabilityGroup | null => {
    const n = collector.count(cols[0]!);
    if (n === 0) return null;
    return { paths: n, share: n / collector.totalPaths, metrics: Object.fromEntries(names.map((name, i) => [name, collector.metric(cols[i]!, pct)])) };
  };
  const idx = (k: number, n: number) => Array.from({ length: n }, (_, i) => split.from + k + i);
  const fans = split.from + outcomeColumns(split);
  const nc = split.capitalCount;
  const np = split.payoutCount;
  const withFans = (g: DisabilityGroup | null, k: number): DisabilityGroup | null => {
    if (!g || nc === 0) return g;
    const capitalAt = fans + k * nc;
    const payoutAt = fans + 2 * nc + k * np;
    return {
      ...g,
      fan: {
        ages: Array.from({ length: nc }, (_, i) => split.startAge + i),
        mean: Array.from({ length: nc }, (_, i) => collector.merged(capitalAt + i).mean),
        capital: collector.fan(capitalAt, nc, pct),
      },
      payoutFan: { ages: Array.from({ length: np }, (_, j) => split.payoutStartAge + j), gross: collector.fan(payoutAt, np, pct) },
    };
  };
  return {
    probability: flag.mean,
    stderr: flag.stderr,
    disabled: withFans(group([...idx(0, nb), ...idx(2 * nb, split.disabledOnly.length)], [...split.bothNames, ...split.disabledNames]), 0),
    others: withFans(group(idx(nb, nb), split.bothNames), 1),
  };
}
