/**
 * The portfolio part of every compiled plan (Norwegian and US): per asset the lognormal parameters
 * from arithmetic mean E and volatility σ of its simple return, s² = ln(1 + σ²/(1+E)²),
 * m = ln(1+E) − s²/2 (so E[e^(m+sZ)] = 1+E and sd = σ); the Cholesky factor of the log-return
 * covariance ρ_ij s_i s_j; the weights of every year by age; fees and the starting capital; and the
 * sampler of the market's normals, whose sobol points need nYears × nAssets bundled dimensions, and
 * its independent randomizations (random/randomized-blocks.ts; 1 under pseudo).
 */
import { cholesky } from '../stats/cholesky.js';
import { JOE_KUO_DIMENSIONS } from '../random/joe-kuo-directions.js';
import { randomizedBlocks } from '../random/randomized-blocks.js';
import type { Sampler } from '../random/sampler.js';
import { UserError } from '../base/user-error.js';
import type { ProfileSpec } from '../scenario/schema.js';
import type { PortfolioPlan } from './simulation-plan.js';
import { weightsAtAge } from './weights-at-age.js';

export function compilePortfolio(
  profile: ProfileSpec,
  initialCapital: number,
  startAge: number,
  startYear: number,
  nYears: number,
  sampling: { sampler: Sampler; randomizations?: number | undefined } = { sampler: 'pseudo' },
): PortfolioPlan {
  const { sampler } = sampling;
  const assets = profile.assets;
  const n = assets.length;
  if (sampler === 'sobol' && nYears * n > JOE_KUO_DIMENSIONS) {
    throw new UserError([{
      path: 'simulation.sampler',
      message: `'sobol' needs one dimension per simulated year and asset, at most ${JOE_KUO_DIMENSIONS}; this plan has ${nYears} years × ${n} assets = ${nYears * n}: use 'pseudo' or 'antithetic', or fewer assets`,
    }]);
  }
  const logMean = new Float64Array(n);
  const logSd = new Float64Array(n);
  assets.forEach((a, i) => {
    const s2 = Math.log(1 + (a.volatility / (1 + a.expectedReturn)) ** 2);
    logSd[i] = Math.sqrt(s2);
    logMean[i] = Math.log(1 + a.expectedReturn) - s2 / 2;
  });
  const identity = assets.map((_, i) => assets.map((__, j) => (i === j ? 1 : 0)));
  const l = cholesky(profile.correlation ?? identity);
  if (l === null) throw new Error('correlation was validated as PSD but has no Cholesky factor');
  const covFactor = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) covFactor[i * n + k] = logSd[i]! * l[i * n + k]!;
  const weights = new Float64Array(nYears * n);
  for (let y = 0; y < nYears; y++) weights.set(weightsAtAge(profile, startAge + y), y * n);
  return {
    startAge,
    startYear,
    nYears,
    nAssets: n,
    logMean,
    covFactor,
    weights,
    managementRate: profile.fees.managementRate,
    perMemberFee: profile.fees.perMember,
    initialCapital,
    sampler,
    randomizations: randomizedBlocks(sampler, sampling.randomizations).count,
  };
}
