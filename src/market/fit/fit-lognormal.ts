/**
 * Lognormal parameters from a return history: per series the mean and sample sd of the log
 * returns, annualised from periods of 1/periodsPerYear years as μ·k and σ·√k (k periods a year:
 * exact for independent periods), the correlation of the log returns, and the equivalent
 * arithmetic expectedReturn and volatility of the yearly simple return for profile.assets
 * (E = e^(μ + σ²/2) − 1, vol = (1 + E)·√(e^(σ²) − 1)). The standard error of the yearly log mean
 * is σ_year/√(n/k), n/k the years of data.
 *
 * Example (the bundled series, monthly, k = 12): stocks μ = 6.84 %/yr, σ = 14.06 %/yr
 * (data/README.md; a test checks it).
 */
import { simpleReturnMoments } from '../lognormal-params.js';
import { correlationMatrix, logReturns, sampleMean, sampleSd } from './sample-moments.js';

export interface LognormalFitSeries {
  name: string;
  /** Yearly log-return mean and sd. */
  logMean: number;
  logSd: number;
  /** Standard error of logMean. */
  logMeanStderr: number;
  /** The same as a profile asset: arithmetic mean and sd of the yearly simple return. */
  expectedReturn: number;
  volatility: number;
}

export interface LognormalFit {
  periods: number;
  periodsPerYear: number;
  series: LognormalFitSeries[];
  correlation: number[][];
}

export function fitLognormal(names: readonly string[], simple: readonly Float64Array[], periodsPerYear: number): LognormalFit {
  const logs = simple.map(logReturns);
  const n = logs[0]!.length;
  const series = logs.map((x, i) => {
    const logMean = sampleMean(x) * periodsPerYear;
    const logSd = sampleSd(x) * Math.sqrt(periodsPerYear);
    return { name: names[i]!, logMean, logSd, logMeanStderr: logSd / Math.sqrt(n / periodsPerYear), ...simpleReturnMoments(logMean, logSd) };
  });
  return { periods: n, periodsPerYear, series, correlation: correlationMatrix(logs) };
}
