/**
 * Lognormal parameters from arithmetic mean E and volatility σ of each asset's simple return:
 * s² = ln(1 + σ²/(1+E)²), m = ln(1+E) − s²/2, so that E[e^(m+sZ)] = 1+E and sd = σ; and the
 * Cholesky factor of the log-return covariance ρ_ij s_i s_j.
 */
import { cholesky } from '../market/cholesky.js';
import type { Scenario } from '../scenario/schema.js';
import type { SimulationPlan } from './simulation-plan.js';

export function compileMarket(s: Scenario): Pick<SimulationPlan, 'nAssets' | 'logMean' | 'covFactor'> {
  const assets = s.profile.assets;
  const n = assets.length;
  const logMean = new Float64Array(n);
  const logSd = new Float64Array(n);
  assets.forEach((a, i) => {
    const s2 = Math.log(1 + (a.volatility / (1 + a.expectedReturn)) ** 2);
    logSd[i] = Math.sqrt(s2);
    logMean[i] = Math.log(1 + a.expectedReturn) - s2 / 2;
  });
  const identity = assets.map((_, i) => assets.map((__, j) => (i === j ? 1 : 0)));
  const l = cholesky(s.profile.correlation ?? identity);
  if (l === null) throw new Error('correlation was validated as PSD but has no Cholesky factor');
  const covFactor = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) covFactor[i * n + k] = logSd[i]! * l[i * n + k]!;
  return { nAssets: n, logMean, covFactor };
}
