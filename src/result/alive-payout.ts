/**
 * The payout of those alive at each payout age. With lifetime risk a path that has died is paid 0,
 * so a payout fan over all paths mixes "died" with "ran out of money". These derived columns keep,
 * for each payout year y (age a = startAge + y), only the paths alive in it (ageAtDeath ≥ a: death
 * falls at the end of the year drawn, so that year is paid), compacted like a comparison's A / B
 * column; their percentiles are those of the living, and their count over all paths is the
 * probability of being alive at a. One group per payout series the plan writes: the nominal gross
 * and net payouts, and, when present, the same in today's money (each path over its own price
 * index) and in G (each path over its own G).
 */
import { REAL_SCALARS } from '../plan/inflation-series.js';
import type { SeriesCollector } from '../engine/collect-series.js';
import type { AlivePayoutFan } from './simulation-result.js';
import { fanOffset, gSeriesAt, inflationSeriesAt, SCALAR_SERIES, seriesCount, type SimulationPlan } from '../plan/simulation-plan.js';

export interface AliveSpec {
  /** Series index of ageAtDeath. */
  death: number;
  startAge: number;
  payStart: number;
  /** Payout years. */
  m: number;
  /** Where each group of 2m payout series (gross, then net) starts in the plan's output. */
  groups: number[];
  /** What each group is: 'nominal', 'real' (per-path price index) or 'g' (per-path G). */
  kinds: ('nominal' | 'real' | 'g')[];
  /** The first derived column (after the plan's series). */
  from: number;
}

/** The spec of a Norwegian plan with lifetime risk and a payout period, else null. */
export function aliveSpec(plan: SimulationPlan): AliveSpec | null {
  const death = plan.extraSeries.indexOf('ageAtDeath');
  const m = plan.nYears - plan.payStart;
  if (death < 0 || m <= 0) return null;
  const n = plan.nYears + 1;
  const groups = [fanOffset(plan) + n];
  const kinds: AliveSpec['kinds'] = ['nominal'];
  if (plan.inflation) {
    groups.push(inflationSeriesAt(plan) + 2 * n + REAL_SCALARS.length);
    kinds.push('real');
  }
  if (plan.gStochastic) {
    groups.push(gSeriesAt(plan) + 2 * n);
    kinds.push('g');
  }
  return { death: SCALAR_SERIES.length + death, startAge: plan.startAge, payStart: plan.payStart, m, groups, kinds, from: seriesCount(plan) };
}

/** Columns the spec adds: 2m a group. */
export function aliveColumns(spec: AliveSpec | null): number {
  return spec ? 2 * spec.m * spec.groups.length : 0;
}

/** Fill the derived columns of a chunk (stride `paths`) and their lengths (the paths alive). */
export function fillAlive(spec: AliveSpec, out: Float64Array, paths: number, lengths: Int32Array): void {
  const death = spec.death * paths;
  spec.groups.forEach((start, g) => {
    for (let j = 0; j < 2 * spec.m; j++) {
      const age = spec.startAge + spec.payStart + (j % spec.m);
      const src = (start + j) * paths;
      const col = spec.from + 2 * spec.m * g + j;
      const dst = col * paths;
      let r = 0;
      for (let p = 0; p < paths; p++) if (out[death + p]! >= age) out[dst + r++] = out[src + p]!;
      lengths[col] = r;
    }
  });
}

/**
 * The payout fan of the living for group g: the payout ages while anyone is alive (survival falls
 * with age, so they are a prefix), the probability of being alive at each, and the gross and net
 * fans over those alive.
 */
export function aliveFan(collector: SeriesCollector, spec: AliveSpec, g: number, pct: readonly number[]): AlivePayoutFan {
  const base = spec.from + 2 * spec.m * g;
  const counts = Array.from({ length: spec.m }, (_, j) => collector.count(base + j));
  let k = counts.findIndex((c) => c === 0);
  if (k < 0) k = spec.m;
  return {
    ages: Array.from({ length: k }, (_, j) => spec.startAge + spec.payStart + j),
    probability: counts.slice(0, k).map((c) => c / collector.totalPaths),
    gross: collector.fan(base, k, pct),
    net: collector.fan(base + spec.m, k, pct),
  };
}
