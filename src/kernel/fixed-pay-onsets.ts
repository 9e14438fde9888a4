/**
 * With certain pay (kernel/fixed-pay-schedule.ts) a disabled path's onset values depend on its onset
 * year alone: the uføretrygd basis and the assumed income (from the same 5 years of pay in G), the
 * pay at onset, the disability pension, and the waiver's contribution in each later saving year (the
 * scheme's rule on the pay at onset). So the year-major kernel takes them from this table, filled
 * for an onset the first time a path of the chunk has it, instead of keeping each path's pay history
 * and recomputing the band rules for every disabled path-year (the bulk of a disability run's cost
 * when half the paths become disabled). The table runs the track's own steps (DisabilityTrack
 * historyBefore and fixAtOnset, bandedContribution) on the same numbers, so every value is bit for
 * bit the one the path-by-path kernel computes. One table a plan, kept across its chunks.
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
  private readonly filled: Uint8Array;
  private readonly basisG: Float64Array;
  private readonly assumedG: Float64Array;
  private readonly payAtOnset: Float64Array;
  /** The disability pension at degree 1 (a path's is its degree times this, as fixAtOnset computes it). */
  private readonly pension: Float64Array;
  /** The waiver's contribution at onset o in saving year y ≥ o, at o · nAccum + y. */
  readonly waiver: Float64Array;
  private readonly scratch: DisabilityTrack;
  private readonly nAccum: number;

  constructor(
    private readonly plan: SimulationPlan,
    private readonly pay: FixedPaySchedule,
  ) {
    const n = plan.nAccum;
    this.nAccum = n;
    this.filled = new Uint8Array(n);
    this.basisG = new Float64Array(n);
    this.assumedG = new Float64Array(n);
    this.payAtOnset = new Float64Array(n);
    this.pension = new Float64Array(n);
    this.waiver = new Float64Array(n * n);
    this.scratch = new DisabilityTrack(plan.disability!);
  }

  /**
   * Give `track` (just started, its onset a saving year the path lives to) what savingYear would
   * have fixed at its onset.
   */
  apply(track: DisabilityTrack): void {
    const o = track.onset;
    if (this.filled[o] === 0) this.fill(o);
    track.basisG = this.basisG[o]!;
    track.assumedG = this.assumedG[o]!;
    track.payAtOnset = this.payAtOnset[o]!;
    track.pension = this.plan.disability!.hasPension ? track.degree * this.pension[o]! : 0;
  }

  private fill(o: number): void {
    const { plan, pay, scratch: t } = this;
    const fullPay = (y: number) => pay.salary[y]! * plan.payFactor[y]!;
    const g = (y: number) => pay.g[y]!;
    t.degree = 1;
    t.historyBefore(o, fullPay, g);
    t.fixAtOnset(fullPay(o), g(o));
    this.basisG[o] = t.basisG;
    this.assumedG[o] = t.assumedG;
    this.payAtOnset[o] = t.payAtOnset;
    this.pension[o] = t.pension;
    for (let y = o; y < this.nAccum; y++) this.waiver[o * this.nAccum + y] = bandedContribution(plan, y, t.payAtOnset, g(y));
    this.filled[o] = 1;
  }
}
