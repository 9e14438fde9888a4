/**
 * UsPayoutPlan: a US scenario's payout section compiled to plain numbers (plan/compile-us-payout.ts),
 * read by the payout years of the US kernel (kernel/us-payout-years.ts). Payout year k = 0..nPayout−1
 * is the year of age retirementAge + k; every per-year figure the kernel would otherwise compute
 * with a rule call (the RMD divisor, the additional tax rate, the Social Security benefit, the
 * price index) is precomputed here, so the hot loop has no rule calls but the federal tax.
 */
import type { InflationModel } from '../market/market-model.js';
import type { FilingStatus } from '../rules/us/federal-tax.js';

export const WITHDRAW_CONSTANT_REAL = 0;
export const WITHDRAW_PERCENT = 1;
export const WITHDRAW_AMORTIZED = 2;
export const WITHDRAW_RMD_ONLY = 3;
export const NUA_SELL_ALL = 0;
export const NUA_SELL_OVER = 1;
export const NUA_HOLD = 2;

export interface UsPayoutPlan {
  readonly retirementAge: number;
  readonly horizonAge: number;
  /** Payout years: horizonAge − retirementAge. */
  readonly nPayout: number;
  /** Calendar year of payout year 0. */
  readonly firstYear: number;
  /** Payout portfolio weights per payout year, nPayout × nAssets. */
  readonly weights: Float64Array;
  /** P(death during age retirementAge + j, j ≤ k | alive at retirementAge), from the US period life table; null: every path lives to the horizon. */
  readonly deathCdf: Float64Array | null;
  /** The route the scenario chose: true = NUA (shares in kind), false = everything rolled over. */
  readonly nua: boolean;
  /** The plan can hold company stock: the other route is simulated on the same path too. */
  readonly bothRoutes: boolean;
  readonly nuaSales: number;
  readonly nuaSellYears: number;
  readonly withdrawal: number;
  /** The policy's rate (constant-real, percent-of-balance), else 0. */
  readonly withdrawalRate: number;
  /** Amortized: the annuity-due payment per dollar over the years left (nPayout − k) at the assumed return; else empty. */
  readonly amortizedFactor: Float64Array;
  /** Spending floor and ceiling in start-year dollars; −1 = none. */
  readonly floor: number;
  readonly ceiling: number;
  /** Price index from the start year, at the start of each payout year and at the horizon (nPayout + 1 points); under a model, at its mean. */
  readonly priceIndex: Float64Array;
  /** The federal brackets' index factor of each payout year (1 up to 2026); under a model, at its mean. */
  readonly taxIndex: Float64Array;
  /**
   * Stochastic inflation of the payout years (AR(1), market/inflation-ar1.ts, independent of the
   * markets); null: deterministic. Each path's index is priceIndex[k] × D_k, D_k = Π_{j<k} (1 + π_j)/(1 + mean).
   */
  readonly inflation: InflationModel | null;
  /** The first payout year whose inflation indexes the brackets (the years from 2026 on): taxIndex[k] × Π_{taxModelFrom ≤ j<k} (1 + π_j)/(1 + mean). */
  readonly taxModelFrom: number;
  readonly federal: boolean;
  readonly filing: FilingStatus;
  readonly ordinaryRate: number;
  readonly capitalGainsRate: number;
  /** Uniform Lifetime Table divisor of each payout year from the RMD age, else 0 (no RMD). */
  readonly rmdDivisor: Float64Array;
  /** IRC §72(t) additional tax rate on the account's withdrawals in each payout year (0, 0.10 or 0.25). */
  readonly additionalTax: Float64Array;
  /** Social Security paid in each payout year, nominal (0 before the claiming age). */
  readonly socialSecurity: Float64Array;
  /** CRRA γ of the lifetime spending's certainty equivalent. */
  readonly gamma: number;
}

/** Per-path payout outputs (after the saving years' series), in this order; then the fans. */
export const US_PAYOUT_SERIES = [
  /** 1 if the accounts could not pay the policy in full in some year lived. */
  'ranOut',
  /** Years lived in which the policy was not paid in full. */
  'yearsShort',
  /** The age the payout ends at: the horizon, or the age after the year of death. */
  'endAge',
  /** After-tax bequest at the end (nominal, and in start-year dollars). */
  'bequest',
  'bequestReal',
  /** After-tax spending summed over the years lived, start-year dollars. */
  'lifetimeSpending',
  'yearsLived',
  /** Σ over the years lived of u(c) = c^(1−γ) (ln c at γ = 1), c the year's real spending (at least $1). */
  'spendingUtility',
  /** Σ of the RMD above the policy (nominal): withdrawn, taxed, reinvested in the taxable account. */
  'rmdExcess',
  /** Taxes paid over the years lived (nominal): income tax (federal or flat), the additional tax, the NUA basis tax. */
  'taxesPaid',
  /** The same path's totals under each distribution route (equal when the plan holds no company stock). */
  'nuaLifetimeSpending',
  'nuaBequestReal',
  'nuaSpendingUtility',
  'rolloverLifetimeSpending',
  'rolloverBequestReal',
  'rolloverSpendingUtility',
  /** (lifetime spending + bequest), real, NUA minus rollover. */
  'nuaAdvantage',
  'nuaBetter',
] as const;
export type UsPayoutSeries = (typeof US_PAYOUT_SERIES)[number];

/**
 * The payout's per-path columns: the scalars, the accounts at the start of every age after the
 * retirement age to the horizon (nPayout), the real after-tax spending of every payout year
 * (nPayout), and whether the accounts have run out by each payout year (nPayout). Under an
 * inflation model (usPayoutInflationSeriesCount) then the path's own price index at the start of
 * each payout year and at the horizon (nPayout + 1, from the start year), the accounts of the
 * account fan divided by it (nPayout: start-year dollars, each path by its own index) and the
 * nominal after-tax spending of every payout year (nPayout).
 */
export function usPayoutSeriesCount(p: UsPayoutPlan | null | undefined): number {
  return p ? US_PAYOUT_SERIES.length + 3 * p.nPayout + usPayoutInflationSeriesCount(p) : 0;
}

export function usPayoutInflationSeriesCount(p: Pick<UsPayoutPlan, 'inflation' | 'nPayout'>): number {
  return p.inflation ? 3 * p.nPayout + 1 : 0;
}
