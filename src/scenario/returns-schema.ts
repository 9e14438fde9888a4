/**
 * The scenario's `returns` block: which model draws the yearly returns, and an optional stochastic
 * inflation. Absent means the engine's correlated lognormal on the profile's assets (identical
 * numbers to a scenario without the block). A discriminated union on `model`; cross-field rules
 * (asset names, block lengths, transition rows summing to 1, correlation matrices) live in
 * validate-returns.ts.
 */
import * as z from 'zod';
import { HISTORY_SOURCES } from '../data/monthly-returns-csv.js';
import { BOOTSTRAP_METHODS } from '../random/bootstrap-indices.js';

const finite = () => z.number().finite();
const rate = (min: number, max: number) => finite().min(min).max(max);

/** Correlation matrix rows, in the order of profile.assets. */
const Correlation = z.array(z.array(rate(-1, 1)));

/**
 * Yearly price inflation, AR(1): π_y = mean + persistence·(π_{y−1} − mean) + sd·ε_y, with ε_y
 * correlated with the assets' log-return shocks. Used to report results in real terms (start-year
 * money); with the historical bootstrap it also turns the real returns into nominal ones.
 */
export const Inflation = z
  .object({
    mean: rate(-0.05, 0.3),
    /** φ, the AR(1) coefficient: 0 = independent years, 0.6 = typical of post-war CPI. */
    persistence: rate(-0.95, 0.95).default(0),
    /** Standard deviation of the yearly innovation σ (the long-run sd is σ/√(1 − φ²)). */
    sd: rate(0, 0.2),
    /** The inflation of the year before the start; defaults to the mean. */
    initial: rate(-0.5, 1).optional(),
    /** Correlation of the inflation innovation with each asset's log-return shock, by asset name (others 0). */
    correlation: z.record(z.string(), rate(-1, 1)).default({}),
  })
  .strict();

const common = { inflation: Inflation.optional() };

export const LognormalReturns = z.object({ model: z.literal('lognormal'), ...common }).strict();

export const StudentTReturns = z
  .object({
    model: z.literal('student-t'),
    /** Degrees of freedom ν of the t innovations; ν > 2 for a finite variance (4–6 is typical of yearly equity returns). */
    nu: finite().gt(2, { error: 'must be above 2 (degrees of freedom ν: a Student-t has a finite variance only for ν > 2)' }).max(1000),
    ...common,
  })
  .strict();

export const BootstrapReturns = z
  .object({
    model: z.literal('bootstrap'),
    /** iid years, or blocks of consecutive years: moving-block, circular-block, stationary (geometric lengths). */
    method: z.enum(BOOTSTRAP_METHODS),
    /** Block length in years (moving-block, circular-block; a whole number) or the mean block length (stationary). */
    blockYears: finite().min(1, { error: 'must be at least 1 (years per block)' }).max(1000).optional(),
    /** The historical series each profile asset replays, by asset name: "stocks" or "bonds". */
    sources: z.record(z.string(), z.enum(HISTORY_SOURCES)),
    /**
     * Rescale each asset's historical yearly returns to its profile expectedReturn and volatility
     * (affine: r' = E + (r − r̄)·σ/s_r), keeping the shape: fat tails, skew and autocorrelation.
     */
    rescale: z.boolean().default(false),
    ...common,
  })
  .strict();

export const RegimeAsset = z
  .object({
    /** Expected yearly arithmetic return in this regime. */
    expectedReturn: rate(-0.9, 2),
    /** Yearly standard deviation of the simple return in this regime. */
    volatility: rate(0, 3),
  })
  .strict();

export const Regime = z
  .object({
    name: z.string().min(1).max(64),
    /** Every profile asset's return in this regime, by asset name. */
    assets: z.record(z.string(), RegimeAsset),
    /** Correlation of the log returns in this regime (order of profile.assets); identity if absent. */
    correlation: Correlation.optional(),
  })
  .strict();

export const RegimeSwitchingReturns = z
  .object({
    model: z.literal('regime-switching'),
    /** The regimes, e.g. calm and crisis. */
    regimes: z.array(Regime).min(2).max(8),
    /** Transition matrix: row r gives the probabilities of next year's regime given this year's is r; rows sum to 1. */
    transition: z.array(z.array(rate(0, 1))),
    /** The first year's regime: a regime name, or "stationary" (drawn from the long-run distribution). */
    initialRegime: z.string().default('stationary'),
    ...common,
  })
  .strict();

export const Returns = z.discriminatedUnion('model', [LognormalReturns, StudentTReturns, BootstrapReturns, RegimeSwitchingReturns]);

export type ReturnsSpec = z.infer<typeof Returns>;
export type InflationSpec = z.infer<typeof Inflation>;
