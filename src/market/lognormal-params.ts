/**
 * Log-return parameters of a lognormal gross return with arithmetic mean E and volatility σ of the
 * simple return: s² = ln(1 + σ²/(1+E)²), m = ln(1+E) − s²/2, so E[e^(m+sZ)] = 1 + E and its sd is σ.
 * The inverse: E = e^(m + s²/2) − 1, σ = (1 + E)·√(e^(s²) − 1).
 *
 * Example: E = 0.07, σ = 0.16 gives s = 0.148707, m = 0.056602.
 */
export function lognormalParams(expectedReturn: number, volatility: number): { logMean: number; logSd: number } {
  const s2 = Math.log(1 + (volatility / (1 + expectedReturn)) ** 2);
  return { logMean: Math.log(1 + expectedReturn) - s2 / 2, logSd: Math.sqrt(s2) };
}

export function simpleReturnMoments(logMean: number, logSd: number): { expectedReturn: number; volatility: number } {
  const gross = Math.exp(logMean + (logSd * logSd) / 2);
  return { expectedReturn: gross - 1, volatility: gross * Math.sqrt(Math.expm1(logSd * logSd)) };
}
