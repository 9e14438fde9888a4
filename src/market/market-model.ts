/**
 * The compiled return model of a plan: plain data (numbers, strings, typed arrays) so it crosses to
 * worker threads by structured clone. A discriminated union on `kind`, switched on exhaustively by
 * createMarketPath. Absent in a plan means 'lognormal' (the plan's logMean and covFactor).
 */
import type { BootstrapMethod } from '../random/bootstrap-indices.js';

/** Correlated lognormal yearly returns from the plan's logMean and covFactor (the default). */
export interface LognormalModel {
  readonly kind: 'lognormal';
}

/**
 * Multivariate Student-t log returns: m + w·L·z with w = √((ν − 2)/V), V ~ χ²_ν shared by the
 * assets in a year, so each asset's log-return shock is a t_ν scaled to the lognormal's variance.
 */
export interface StudentTModel {
  readonly kind: 'student-t';
  readonly nu: number;
}

/** Historical years resampled by `method`; `history` holds gross yearly returns, nHistory × nAssets. */
export interface BootstrapModel {
  readonly kind: 'bootstrap';
  readonly method: BootstrapMethod;
  /** Block length in years (moving-block, circular-block) or its mean (stationary); 1 for iid. */
  readonly blockYears: number;
  readonly nHistory: number;
  readonly history: Float64Array;
  /** First calendar year of `history` (for reports). */
  readonly firstYear: number;
}

/**
 * Markov regime switching: the regime of year y follows the transition matrix from the regime of
 * year y − 1; within regime r the returns are lognormal with that regime's parameters.
 */
export interface RegimeSwitchingModel {
  readonly kind: 'regime-switching';
  readonly nRegimes: number;
  readonly names: readonly string[];
  /** Log-return means, nRegimes × nAssets. */
  readonly logMean: Float64Array;
  /** Cholesky factors of the log-return covariances, nRegimes × nAssets², row-major each. */
  readonly covFactor: Float64Array;
  /** Cumulative transition probabilities by row, nRegimes²: row r gives P(next ≤ s | r). */
  readonly transitionCum: Float64Array;
  /** Cumulative probabilities of the first year's regime. */
  readonly initialCum: Float64Array;
}

export type MarketModel = LognormalModel | StudentTModel | BootstrapModel | RegimeSwitchingModel;

/**
 * Yearly price inflation, AR(1) around a mean: π_y = μ + φ·(π_{y−1} − μ) + σ·ε_y, π_{−1} = initial,
 * with ε_y = Σ_k a_k·z_{y,k} + a_own·u_y: z the year's standard normal market shocks (before the
 * Cholesky factor), u an independent normal. The loadings a come from the Cholesky factor of the
 * correlation matrix extended by inflation, so corr(ε, asset i's log-return shock) is as given.
 */
export interface InflationModel {
  readonly mean: number;
  readonly persistence: number;
  readonly sd: number;
  readonly initial: number;
  /**
   * Loadings per correlation group (one group, or one per regime), nGroups × (nAssets + 1): the
   * nAssets market loadings, then a_own.
   */
  readonly loadings: Float64Array;
  /** True when the simulated inflation turns real historical returns into nominal ones. */
  readonly nominalizeReturns: boolean;
}
