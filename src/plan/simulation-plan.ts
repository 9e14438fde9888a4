/**
 * SimulationPlan: a scenario compiled to plain numbers and typed arrays, the only thing a worker
 * receives. Year index y runs over the simulated years: accumulation [0, nAccum), deferral
 * [nAccum, payStart), payout [payStart, nYears). It is structured-clone friendly (no functions).
 */
import type { NoPensionTaxParams } from '../rules/no/pension-tax.js';
import type { ContributionMethod } from '../rules/no/otp-contribution.js';

export const PAYOUT_LEVEL_ANNUITY = 0;
export const PAYOUT_BALANCE_OVER_REMAINING = 1;
export const TAX_FLAT = 0;
export const TAX_NORWAY = 1;

export interface SimulationPlan {
  readonly startAge: number;
  readonly startYear: number;
  readonly nAccum: number;
  readonly payStart: number;
  readonly nYears: number;
  readonly nAssets: number;
  /** Log-return mean of each asset (per year). */
  readonly logMean: Float64Array;
  /** Cholesky factor of the log-return covariance (row-major, nAssets²): z ↦ L·z has that covariance. */
  readonly covFactor: Float64Array;
  /** Weights per year, nYears × nAssets, rebalanced at each year start. */
  readonly weights: Float64Array;
  readonly managementRate: number;
  readonly perMemberFee: number;

  readonly initialCapital: number;
  readonly salary0: number;
  readonly wageMean: number;
  readonly wageSd: number;
  readonly gGrowth: number;
  /** Deterministic G per year (published, then projected); stochastic G starts after nKnownG. */
  readonly gDet: Float64Array;
  readonly nKnownG: number;
  /** Share of full pay earned in each accumulation year (career breaks). */
  readonly payFactor: Float64Array;

  readonly method: ContributionMethod;
  readonly rate: number;
  readonly upperRate: number;
  readonly excludeFirstG: boolean;
  /** Flat amount or pay basis per accumulation year (method 0 / 2), else 0. */
  readonly amountOrBasis: Float64Array;

  readonly payoutMethod: typeof PAYOUT_LEVEL_ANNUITY | typeof PAYOUT_BALANCE_OVER_REMAINING;
  readonly technicalRate: number;
  /**
   * Payout per unit of capital by years left (index 1..nPayout), precomputed so the kernel has no
   * pow: i / (1 − (1+i)^−left) for the level annuity, 1 / left for balance ÷ remaining years.
   */
  readonly payoutFactor: Float64Array;

  readonly taxKind: typeof TAX_FLAT | typeof TAX_NORWAY;
  readonly flatTaxRate: number;
  readonly noTax: NoPensionTaxParams | null;
  /** Other pension income and G of the tax year, to tax the payout on top in tax-year kroner. */
  readonly otherIncome: number;
  readonly gTaxYear: number;
}

/** Per-path outputs a chunk produces, in this order; fans follow. */
export const SCALAR_SERIES = ['capitalAtRetirement', 'payoutGross', 'payoutNet', 'replacementRatio'] as const;
export type ScalarSeries = (typeof SCALAR_SERIES)[number];

/** Number of per-path series: the scalars, capital at every age, gross and net payout per payout year. */
export function seriesCount(plan: SimulationPlan): number {
  const nPayout = plan.nYears - plan.payStart;
  return SCALAR_SERIES.length + (plan.nYears + 1) + 2 * nPayout;
}
