/**
 * With certain pay (kernel/fixed-pay-schedule.ts) a disabled path's onset values depend on its onset
 * year alone: the uføretrygd basis and the assumed income (from the same 5 years of pay in G), the
 * pay at onset, the disability pension, and the waiver's contribution in each later saving year (the
 * scheme's rule on the pay at onset). So the year-major kernel takes them from this table (made once
 * a plan and thread, nAccum² band rules: well under a millisecond) instead of keeping each path's pay history
 * and recomputing the band rules for every disabled path-year (the bulk of a disability run's cost
 * when half the paths become disabled). The table runs the track's own steps (DisabilityTrack
 * historyBefore and fixAtOnset, bandedContribution) on the same numbers, so every value is bit for
 * bit the one the path-by-path kernel computes.
 */
import { bandedContribution } from '../plan/banded-contribution.js';
import { DisabilityTrack } from '../plan/disability-track.js';
import type { SimulationPlan } from '../plan/simulation-plan.js';
import type { FixedPaySchedule } from './fixed-pay-schedule.js';

/** Each plan's table, kept from chunk to chunk (a run's chunks share the plan object; the schedule is the plan's). */
const tables = new WeakMap<SimulationPlan, FixedPayOnsets>();

/** The plan's onset table (made on first use; `pay` must be fixedPaySchedule(plan)). */
export function fixedPayOnsets(plan: SimulationPlan, pay: FixedPaySchedule): FixedPayOnsets {
  let t = tables.get(plan);
  if (t === undefined) tables.set(plan, (t = new FixedPayOnsets(plan, pay)));
  return t;
}

export class FixedPayOnsets {
  private readonly basisG: Float64Array;
  private readonly assumedG: Float64Array;
  private readonly payAtOnset: Float64Array;
  /** The disability pension at degree 1 (a path's is its degree times this, as fixAtOnset computes it). */
  private readonly pension: Float64Array;
  /** The waiver's contribution at onset o in saving year y ≥ o, at o · nAccum + y. */
  readonly waiver: Float64Array;
  private readonly hasPension: boolean;

  constructor(plan: SimulationPlan, pay: FixedPaySchedule) {
    const n = plan.nAccum;
    this.hasPension = plan.disability!.hasPension;
    this.basisG = new Float64Array(n);
    this.assumedG = new Float64Array(n);
    this.payAtOnset = new Float64Array(n);
    this.pension = new Float64Array(n);
    this.waiver = new Float64Array(n * n);
    const t = new DisabilityTrack(plan.disability!);
    const fullPay = (y: number) => pay.salary[y]! * plan.payFactor[y]!;
    const g = (y: number) => pay.g[y]!;
    t.degree = 1;
    for (let o = 0; o < n; o++) {
      t.historyBefore(o, fullPay, g);
      t.fixAtOnset(fullPay(o), g(o));
      this.basisG[o] = t.basisG;
      this.assumedG[o] = t.assumedG;
      this.payAtOnset[o] = t.payAtOnset;
      this.pension[o] = t.pension;
      for (let y = o; y < n; y++) this.waiver[o * n + y] = bandedContribution(plan, y, t.payAtOnset, g(y));
    }
  }

  /**
   * Give `track` (just started, its onset a saving year the path lives to) what savingYear would
   * have fixed at its onset.
   */
  apply(track: DisabilityTrack): void {
    const o = track.onset;
    track.basisG = this.basisG[o]!;
    track.assumedG = this.assumedG[o]!;
    track.payAtOnset = this.payAtOnset[o]!;
    track.pension = this.hasPension ? track.degree * this.pension[o]! : 0;
  }
}

