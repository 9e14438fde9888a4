/**
 * The samplers at the market path (market/path-normals.ts): a path's shocks are fixed by its index
 * in the run (sobol), pairs negate (antithetic), the shocks are standard normal, and scenarios of
 * the same years and assets see the same shocks (common random numbers).
 */
import { describe, expect, it } from 'vitest';
import { createMarketPath, type MarketPlan } from '../../src/market/market-path.js';
import { inverseNormalCdf } from '../../src/random/inverse-normal-cdf.js';
import { SAMPLERS, type Sampler } from '../../src/random/sampler.js';

const nYears = 40;
const s = [0.15, 0.05];
/** Diagonal covariance factor, so a gross return gives its shock back: z = (ln g − m) / s. */
const plan = (sampler: Sampler, scale = 1, payStart?: number): MarketPlan => ({
  nYears,
  nAssets: 2,
  logMean: new Float64Array([0.05, 0.02]),
  covFactor: new Float64Array([scale * s[0]!, 0, 0, scale * s[1]!]),
  sampler,
  ...(payStart !== undefined && { payStart }),
});

/** The shocks of `count` paths from `first` on, as the kernel of that chunk would draw them. */
function shocks(p: MarketPlan, seed: number, chunk: number, first: number, count: number): Float64Array[] {
  const market = createMarketPath(p, seed, chunk, first);
  const scale = p.covFactor[0]! / s[0]!;
  return Array.from({ length: count }, () => {
    market.fill();
    return market.gross.map((g, j) => (Math.log(g) - p.logMean[j % 2]!) / (scale * s[j % 2]!));
  });
}

describe('samplers at the market path', () => {
  it('sobol: the path of run index i is the same whichever chunk draws it', () => {
    const long = shocks(plan('sobol'), 5, 0, 0, 2050);
    const chunk1 = shocks(plan('sobol'), 5, 1, 2048, 2);
    for (let j = 0; j < 2 * nYears; j++) {
      expect(chunk1[0]![j]).toBeCloseTo(long[2048]![j]!, 12);
      expect(chunk1[1]![j]).toBeCloseTo(long[2049]![j]!, 12);
    }
    // The seed picks the scramble.
    expect(shocks(plan('sobol'), 6, 0, 0, 1)[0]![0]).not.toBeCloseTo(long[0]![0]!, 6);
  });

  it('sobol: the bridge puts the sum of the shocks to the payout start in the first coordinate', () => {
    // Over 2^10 points the first coordinate u is stratified, and the sum of asset 0's shocks to year 25 is √25·Φ⁻¹(u): one in each of 1024 equal-probability strata.
    const paths = shocks(plan('sobol', 1, 25), 3, 0, 0, 1024);
    const u = paths.map((z) => {
      let w = 0;
      for (let y = 0; y < 25; y++) w += z[2 * y]!;
      return w / 5;
    });
    // Sorted, the k-th lies in the k-th stratum [Φ⁻¹(k/1024), Φ⁻¹((k+1)/1024)).
    u.sort((a, b) => a - b);
    u.forEach((w, k) => {
      expect(w).toBeGreaterThanOrEqual(inverseNormalCdf(k / 1024) - 1e-12);
      expect(w).toBeLessThan(inverseNormalCdf((k + 1) / 1024) + 1e-12);
    });
  });

  it('antithetic: path 2k + 1 takes the negated shocks of path 2k, and pseudo is the same stream', () => {
    const a = shocks(plan('antithetic'), 9, 3, 3 * 2048, 6);
    const p = shocks(plan('pseudo'), 9, 3, 3 * 2048, 3);
    for (let k = 0; k < 3; k++) {
      for (let j = 0; j < 2 * nYears; j++) expect(a[2 * k + 1]![j]).toBeCloseTo(-a[2 * k]![j]!, 12);
      // The pairs' first halves are the pseudo stream's first paths.
      for (let j = 0; j < 2 * nYears; j++) expect(a[2 * k]![j]).toBeCloseTo(p[k]![j]!, 12);
    }
  });

  for (const sampler of SAMPLERS) {
    it(`${sampler}: shocks are standard normal (mean and variance within 4 SE) and shared by plans of the same layout`, () => {
      const n = 4096;
      const z = shocks(plan(sampler), 1, 0, 0, n);
      for (const j of [0, 1, 2 * 17, 2 * nYears - 1]) {
        const xs = z.map((path) => path[j]!);
        const mean = xs.reduce((a, b) => a + b, 0) / n;
        const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
        expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
        // Var of the sample variance of normals: 2/(n − 1).
        expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / (n - 1)));
      }
      // A plan with twice the volatility: the same shocks (common random numbers).
      const twice = shocks(plan(sampler, 2), 1, 0, 0, 5);
      for (let i = 0; i < 5; i++) for (let j = 0; j < 2 * nYears; j++) expect(twice[i]![j]).toBeCloseTo(z[i]![j]!, 10);
    });
  }
});
