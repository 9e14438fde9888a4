/**
 * SimulationPlan: a scenario compiled to plain numbers and typed arrays, the only thing a worker
 * receives. Year index y runs over the simulated years: accumulation [0, nAccum), deferral
 * [nAccum, payStart), payout [payStart, nYears). It is structured-clone friendly (no functions).
 */
import type { NoPensionTaxParams } from '../rules/no/pension-tax.js';
import type { ContributionMethod } from '../rules/no/otp-contribution.js';
import type { InflationModel, MarketModel } from '../market/market-model.js';
import type { Sampler } from '../random/sampler.js';
import { gSeriesCount } from './g-series.js';
import { inflationSeriesCount } from './inflation-series.js';

export const PAYOUT_LEVEL_ANNUITY = 0;
export const PAYOUT_BALANCE_OVER_REMAINING = 1;
export const PAYOUT_LIFELONG = 2;
export const CONTRIBUTION_OTP_BAND = 0;
export const CONTRIBUTION_SELF_EMPLOYED = 1;
export const REGULATION_MARKET = 0;
export const REGULATION_G = 1;
export const REGULATION_ZERO_GUARANTEE = 2;
/** Age by which a lifelong payout (and a drawn lifetime) ends: K2013 survival beyond it is negligible. */
export const MAX_LIFE_AGE = 110;

/** Folketrygd old-age pension, compiled (docs/model.md §2.7). */
export interface FolketrygdPlan {
  readonly delingstall: number;
  /** Year index of the first folketrygd payment. */
  readonly withdrawalY: number;
  readonly initialHolding: number;
  /** Pensions in payment grow with G / (1 + deduction). */
  readonly deduction: number;
  /** Self-employed below 7.1 G earn on pay less the premium (docs/model.md §2.3). */
  readonly selfEmployed: boolean;
}
/**
 * Disability before retirement, compiled (docs/model.md §2.9; plan/compile-disability.ts). Year
 * indices count from the start age like every other index in the plan.
 */
export interface DisabilityPlan {
  /** 1 − P(disabled by the start of year t), t = 0..onsetYears: onset in year t iff free[t+1] <= u < free[t]. */
  readonly free: Float64Array;
  /** Every path disabled at the start of this year index, or −1. */
  readonly forcedY: number;
  /** The degree of every path; with a drawn degree, the table's mean (the deterministic ledger's). */
  readonly degree: number;
  /**
   * A drawn degree (rules/no/disability-degree.ts): the table's degrees and their cumulative shares
   * (the last exactly 1), one uniform a path from the 'disability-degree' stream; null: `degree` for all.
   */
  readonly degreeValues: Float64Array | null;
  readonly degreeCum: Float64Array | null;
  /** Yearly probability of recovering (0: disabled until 67). */
  readonly recovery: number;
  readonly uforetrygd: boolean;
  /** Minimum full uføretrygd in G (§ 12-13). */
  readonly minLevelG: number;
  /** Year index of age 67: uføretrygd, the waiver and a disability pension end there. */
  readonly endY: number;
  /** Year index where the old-age accrual on the assumed income stops (§ 20-7a). */
  readonly accrualEndY: number;
  readonly waiver: boolean;
  /** Private disability pension: its three rates (rules/no/disability-pension.ts), waiting years; hasPension false = none. */
  readonly hasPension: boolean;
  readonly pensionBaseRate: number;
  readonly pensionAddG: number;
  readonly pensionUpperRate: number;
  readonly pensionWaitYears: number;
  /** Yearly premium as a share of pay, taken from the contribution while not disabled. */
  readonly premiumRate: number;
  /** Pay in G assumed for the years before the start (the uføretrygd basis looks back 5 years). */
  readonly historyPayG: number;
  /** Whether the result splits the capital and payout fans by group (result/disability-split.ts). */
  readonly groupFans: boolean;
}
export const TAX_FLAT = 0;
export const TAX_NORWAY = 1;

/** The portfolio part every compiled plan shares (Norwegian and US): market, weights, fees, start capital. */
export interface PortfolioPlan {
  readonly startAge: number;
  readonly startYear: number;
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
  /** How the market's normal shocks are drawn (market/path-normals.ts). */
  readonly sampler: Sampler;
  /** R, the sampler's independent randomizations (random/randomized-blocks.ts): 1 under pseudo. */
  readonly randomizations: number;
}

export interface SimulationPlan extends PortfolioPlan {
  readonly nAccum: number;
  readonly payStart: number;
  readonly salary0: number;
  readonly wageMean: number;
  readonly wageSd: number;
  readonly gGrowth: number;
  /** Deterministic G per year (published, then projected); stochastic G starts after nKnownG. */
  readonly gDet: Float64Array;
  readonly nKnownG: number;
  /** G moves with each path's wage shocks in some year: the run then adds per-path series in G (plan/g-series.ts). */
  readonly gStochastic: boolean;
  /** Share of full pay earned in each accumulation year (career breaks). */
  readonly payFactor: Float64Array;

  readonly contributionKind: typeof CONTRIBUTION_OTP_BAND | typeof CONTRIBUTION_SELF_EMPLOYED;
  /** Multiplier on the banded contribution: 1 + the hybrid women's uplift, else 1. */
  readonly upliftFactor: number;
  /** Self-employed: contributions on income above floorG · G. */
  readonly floorG: number;
  readonly regulation: typeof REGULATION_MARKET | typeof REGULATION_G | typeof REGULATION_ZERO_GUARANTEE;
  readonly guaranteePremium: number;
  readonly method: ContributionMethod;
  readonly rate: number;
  readonly upperRate: number;
  readonly excludeFirstG: boolean;
  /** Flat amount or pay basis per accumulation year (method 0 / 2), else 0. */
  readonly amountOrBasis: Float64Array;

  readonly payoutMethod: typeof PAYOUT_LEVEL_ANNUITY | typeof PAYOUT_BALANCE_OVER_REMAINING | typeof PAYOUT_LIFELONG;
  readonly technicalRate: number;
  /**
   * Payout per unit of capital by years left (index 1..nPayout), precomputed so the kernel has no
   * pow: i / (1 − (1+i)^−left) for the level annuity, 1 / left for balance ÷ remaining years.
   */
  readonly payoutFactor: Float64Array;
  /** DC: a payout below this many G a year shortens the period (docs/model.md §2.5); 0 for lifelong. */
  readonly minPayoutG: number;
  /** Graded withdrawal: share of the formula's payout withdrawn before year index gradedUntil (1 if none). */
  readonly gradedShare: number;
  readonly gradedUntil: number;
  /** Lifelong: the K2013 life annuity factor (due) at the technical rate, per payout year. */
  readonly lifeAnnuity: Float64Array;
  /** Lifelong with mortality inheritance: one-year survival per payout year (survivors' credit 1/p). */
  readonly oneYearSurvival: Float64Array | null;
  /** Lifetime risk: t_p_x from the start age, t = 0..(MAX_LIFE_AGE − startAge); null without. */
  readonly survival: Float64Array | null;
  /** DC death benefit split (docs/model.md §2.6): children's birth years, and a spouse or not. */
  readonly childBirthYears: Float64Array;
  readonly spouse: boolean;
  /** Heirs get the capital at death (DC); a hybrid with mortality inheritance leaves none. */
  readonly heirsInherit: boolean;
  readonly folketrygd: FolketrygdPlan | null;
  /** The folketrygd's survivors' benefits on a death before the payout start (rules/no/survivors.ts); null without. */
  readonly survivors: { readonly spouseIncomeG: number; readonly omstillingYears: number } | null;
  /** Disability before retirement; null without the scenario's section (the kernel then runs as before). */
  readonly disability: DisabilityPlan | null;
  /** Names of the optional per-path series after SCALAR_SERIES (lifetime, folketrygd, disability). */
  readonly extraSeries: readonly ExtraSeries[];

  readonly taxKind: typeof TAX_FLAT | typeof TAX_NORWAY;
  readonly flatTaxRate: number;
  readonly noTax: NoPensionTaxParams | null;
  /** Other pension income and G of the tax year, to tax the payout on top in tax-year kroner. */
  readonly otherIncome: number;
  readonly gTaxYear: number;

  /** The return model (market/market-model.ts); absent = correlated lognormal from logMean and covFactor. */
  readonly market?: MarketModel;
  /** Stochastic inflation, AR(1); absent = none. Its per-path series come last (plan/inflation-series.ts). */
  readonly inflation?: InflationModel;
}

/** Per-path outputs a chunk produces, in this order; fans follow. */
export const SCALAR_SERIES = ['capitalAtRetirement', 'payoutGross', 'payoutNet', 'replacementRatio'] as const;
export type ScalarSeries = (typeof SCALAR_SERIES)[number];

export const LIFETIME_SERIES = ['ageAtDeath', 'outlivedPayout', 'inheritance', 'heirsChildren', 'heirsSpouse', 'heirsEstate'] as const;
export const FOLKETRYGD_SERIES = ['folketrygdPension', 'totalPension', 'totalReplacementRatio'] as const;
/** With `survivors`: the folketrygd's survivors' benefits on a death before the payout start (0 on other paths). */
export const SURVIVOR_SERIES = ['survivorBenefits'] as const;
/**
 * Disability: 1 if disabled before 67 (alive at the onset), the yearly uføretrygd + disability pension
 * in the first year both are paid, that over the pay at disability, and what the premium waiver added
 * to the capital at the payout start (the same path priced without it). 0 on paths not disabled.
 */
export const DISABILITY_SERIES = ['disabledBefore67', 'disabilityIncome', 'disabilityIncomeRatio', 'waiverGain'] as const;
/** With a drawn degree: the degree of a path disabled before 67 (0 on the others). */
export const DEGREE_SERIES = ['disabilityDegree'] as const;
export type ExtraSeries =
  | (typeof LIFETIME_SERIES)[number]
  | (typeof FOLKETRYGD_SERIES)[number]
  | (typeof DISABILITY_SERIES)[number]
  | (typeof DEGREE_SERIES)[number]
  | (typeof SURVIVOR_SERIES)[number];

/** Index of the first fan series: the scalars, then the plan's extra series. */
export function fanOffset(plan: SimulationPlan): number {
  return SCALAR_SERIES.length + plan.extraSeries.length;
}

/** Number of per-path series: scalars, extras, capital at every age, gross and net payout per payout year. */
export function seriesCount(plan: SimulationPlan): number {
  const nPayout = plan.nYears - plan.payStart;
  return fanOffset(plan) + (plan.nYears + 1) + 2 * nPayout + gSeriesCount(plan) + inflationSeriesCount(plan);
}

/** Index of the first G series (plan/g-series.ts): after the payout fans, before the inflation series. */
export function gSeriesAt(plan: SimulationPlan): number {
  return fanOffset(plan) + (plan.nYears + 1) + 2 * (plan.nYears - plan.payStart);
}

/** Index of the first inflation series (plan/inflation-series.ts): they come after every other series. */
export function inflationSeriesAt(plan: SimulationPlan): number {
  return seriesCount(plan) - inflationSeriesCount(plan);
}
