/**
 * How a run draws the market's normal shocks (README "Samplers"):
 * - pseudo: independent pseudo-random paths (xor4096 and the ziggurat);
 * - antithetic: paths 2k and 2k + 1 take z and −z;
 * - sobol: randomized quasi-Monte Carlo, a scrambled Sobol point per path (market/sobol-normals.ts).
 */
export const SAMPLERS = ['pseudo', 'antithetic', 'sobol'] as const;
export type Sampler = (typeof SAMPLERS)[number];
