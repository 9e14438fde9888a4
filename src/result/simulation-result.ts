/**
 * The result of a run, JSON-ready. Everything in it is a function of (scenario, seed, paths,
 * version): no timing, no thread count, so the same seed gives byte-identical JSON on any machine
 * layout. Percentile keys are "p" + the percentile ("p5", "p50", "p97.5").
 */
import type { DisabilityResult } from './disability-split.js';
import type { GResult } from './g-result.js';
import type { InflationResult, ReturnsInfo } from './returns-result.js';

export interface Metric {
  mean: number;
  sd: number;
  /**
   * Standard error of the mean: sd / √paths for independent paths (pseudo); under randomized
   * blocks the spread of the R block means, S / √R (stats/block-interval.ts). The mean's 95 %
   * interval is mean ± intervals.multiplier × stderr.
   */
  stderr: number;
  percentiles: Record<string, number>;
  /**
   * The 95 % interval of each percentile, [low, high], keyed like percentiles: the order-statistic
   * (binomial) interval of stats/quantile-interval.ts for independent paths, or from the R
   * randomized blocks with Student's t (stats/block-interval.ts); the result's `intervals` says which.
   */
  ci95?: Record<string, [number, number]>;
}

/**
 * How a result's intervals and standard errors were computed (docs/results.md "Intervals"):
 * - 'order-statistic': independent paths (the pseudo sampler): percentiles by order statistics,
 *   a mean by sd/√n, a probability by Wilson's interval; blocks 1, multiplier z = 1.959964;
 * - 'randomized-blocks': the paths are `blocks` independent randomizations (sobol, antithetic),
 *   each figure's interval its estimate ± t(0.975, blocks − 1) × the spread of its block estimates
 *   / √blocks; multiplier is that t.
 * A mean's 95 % half-width is multiplier × stderr.
 */
export interface Intervals {
  method: 'order-statistic' | 'randomized-blocks';
  blocks: number;
  multiplier: number;
}

export interface SimulationResult {
  pensim: string;
  scenario: { name: string | null; hash: string };
  currency: string;
  seed: number;
  /** How the market's normal shocks were drawn (docs/samplers.md). */
  sampler: 'pseudo' | 'antithetic' | 'sobol';
  /** How the intervals and standard errors were computed. */
  intervals: Intervals;
  paths: number;
  chunkSize: number;
  /** 'exact': order statistics of all paths; 'sketch': LogBucketSketch, relative error ≤ 0.025 %. */
  percentileMethod: 'exact' | 'sketch';
  percentiles: number[];
  ages: { start: number; retirement: number; payoutStart: number; payoutEnd: number };
  metrics: {
    /** Capital at the payout start. */
    capitalAtRetirement: Metric;
    /** First yearly payout, before tax. */
    payoutGross: Metric;
    /** First yearly payout, after tax. */
    payoutNet: Metric;
    /** First gross yearly payout / yearly pay in the payout start year (the pay it replaces). */
    replacementRatio: Metric;
    /** With lifetime risk: age in the year of death (110 if later), whether the member outlived the payout (mean = probability). */
    ageAtDeath?: Metric;
    outlivedPayout?: Metric;
    /** With lifetime risk: capital left to heirs at death, and its split (docs/model.md §2.6); 0 on paths without. */
    inheritance?: Metric;
    heirsChildren?: Metric;
    heirsSpouse?: Metric;
    heirsEstate?: Metric;
    /** With the folketrygd: its pension in the payout start year, the total with the first payout, and that over pay. */
    folketrygdPension?: Metric;
    totalPension?: Metric;
    totalReplacementRatio?: Metric;
    /**
     * With disability (docs/model.md §2.9): 1 if disabled before 67 (mean = probability), the yearly
     * uføretrygd + disability pension and its ratio to the pay at disability, and what the premium waiver
     * added to the capital at the payout start; 0 on paths not disabled (their figures over the disabled alone are in `disability`).
     */
    /** With `survivors`: the folketrygd's survivors' benefits on a death before the payout start, at the G of the death year; 0 on other paths. */
    survivorBenefits?: Metric;
    disabledBefore67?: Metric;
    disabilityIncome?: Metric;
    disabilityIncomeRatio?: Metric;
    waiverGain?: Metric;
  };
  /**
   * shortfallProbability P(ratio < target) against the scenario's target, of the total replacement
   * ratio when the folketrygd is modelled, else of the DC one; null without a target.
   */
  shortfall: { of: 'replacementRatio' | 'totalReplacementRatio'; targetReplacementRatio: number; probability: number; stderr: number; ci95: [number, number] } | null;
  /** Capital percentiles at the start of every age, from the start age to the payout end. */
  /** ci95: each capital percentile's 95 % interval at every age, [low, high] (stats/quantile-interval.ts). */
  fan: { ages: number[]; mean: number[]; capital: Record<string, number[]>; ci95?: Record<string, [number[], number[]]> };
  /** Yearly payout percentiles over the payout years, gross and net of tax. */
  /** alive: with lifetime risk, the payout of those alive at each age (result/alive-payout.ts). */
  payoutFan: PayoutFan;
  /** With a `returns` block: the return model, and whether its returns are nominal or real (result/returns-result.ts). */
  returns?: ReturnsInfo;
  /** With a stochastic inflation model: the price index fan and the outcomes in start-year money. */
  inflation?: InflationResult;
  /** With stochastic pay growth past the published G: G by age and the outcomes in G, path by path (result/g-result.ts). */
  inG?: GResult;
  /** With disability: P(disabled before 67), the outcomes of the disabled and the others (result/disability-split.ts). */
  disability?: DisabilityResult;
}

export function percentileKey(p: number): string {
  return `p${p}`;
}

export function keyed(percentiles: readonly number[], values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  percentiles.forEach((p, i) => (out[percentileKey(p)] = values[i]!));
  return out;
}

/** The payout of those alive at each payout age, and the probability of being alive there. */
export interface AlivePayoutFan {
  ages: number[];
  probability: number[];
  gross: Record<string, number[]>;
  net: Record<string, number[]>;
}

/** The yearly payout's fan over all paths (the dead paid 0) and, with lifetime risk, over the living. */
export interface PayoutFan {
  ages: number[];
  gross: Record<string, number[]>;
  net: Record<string, number[]>;
  alive?: AlivePayoutFan;
}
