/**
 * simulation.randomizations and the randomized blocks (random/randomized-blocks.ts): the scenario
 * field's rules (a power of 2 from 2 to 64, only with sobol or antithetic; Norwegian and US), the
 * paths a run needs, one sampler in a comparison, and the sobol points of each block: a prefix of
 * its own scrambled sequence, so stratified like a Sobol net of its own, and fixed by the path's
 * index in the run whatever chunk draws it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/studies/compare.js';
import { checkUsScenario } from '../../src/scenario/load-us-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { createMarketPath, type MarketPlan } from '../../src/market/market-path.js';
import { inverseNormalCdf } from '../../src/random/inverse-normal-cdf.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import { userError } from '../helpers/user-error.js';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8')) as { simulation?: Record<string, unknown> };
const withSimulation = (name: string, simulation: Record<string, unknown>) => {
  const raw = read(name);
  return { ...raw, simulation: { ...raw.simulation, ...simulation } };
};

describe('simulation.randomizations', () => {
  it('takes 2, 4, …, 64 under sobol and antithetic, Norwegian and US; the run says R in its intervals', async () => {
    for (const r of [2, 4, 8, 16, 32, 64]) expect(checkScenario(withSimulation('default.json', { sampler: 'sobol', randomizations: r })).simulation.randomizations).toBe(r);
    expect(checkUsScenario(withSimulation('401k-diversified.json', { sampler: 'antithetic', randomizations: 4 })).simulation.randomizations).toBe(4);
    const run = await simulate(checkScenario(withSimulation('default.json', { sampler: 'sobol', randomizations: 4 })), { paths: 1000, threads: 1 });
    expect(run.intervals).toEqual({ method: 'randomized-blocks', blocks: 4, multiplier: 3.182446305283707 });
  });

  it.each([3, 1, 128, 0.5, 6])('refuses %s, naming the field and the values allowed', (r) => {
    const e = userError(() => checkScenario(withSimulation('default.json', { sampler: 'sobol', randomizations: r })));
    expect(e.message).toMatch(/simulation\.randomizations: /);
    if (Number.isInteger(r)) expect(e.message).toMatch(/must be a power of 2 from 2 to 64 \(2, 4, 8, 16, 32, 64\): the independent randomizations of the sobol or antithetic sampler; got /);
  });

  it('refuses it under pseudo (the default sampler too), Norwegian and US', () => {
    for (const simulation of [{ randomizations: 8 }, { sampler: 'pseudo', randomizations: 8 }]) {
      expect(userError(() => checkScenario(withSimulation('default.json', simulation))).message).toMatch(/simulation\.randomizations: applies only to the sobol and antithetic samplers/);
    }
    expect(userError(() => checkUsScenario(withSimulation('401k-diversified.json', { randomizations: 8 }))).message).toMatch(/simulation\.randomizations: applies only to the sobol and antithetic samplers/);
  });

  it('a run needs a path per block (a pair under antithetic), for the intervals', async () => {
    const sobol = checkScenario(withSimulation('default.json', { sampler: 'sobol', randomizations: 8 }));
    await expect(simulate(sobol, { paths: 7, threads: 1 })).rejects.toThrow(/paths: the sobol sampler splits the paths into 8 independent randomizations .* run at least 8 paths; got 7/);
    expect((await simulate(sobol, { paths: 8, threads: 1 })).paths).toBe(8);
    const anti = checkScenario(withSimulation('default.json', { sampler: 'antithetic', randomizations: 4 }));
    await expect(simulate(anti, { paths: 7, threads: 1 })).rejects.toThrow(/run at least 8 paths \(4 pairs\); got 7/);
  });

  it('compare refuses scenarios that draw with different samplers or randomizations (their paths would not pair)', async () => {
    const a = checkScenario(withSimulation('default.json', { sampler: 'sobol', randomizations: 8 }));
    const b = checkScenario(withSimulation('default.json', { sampler: 'sobol', randomizations: 4 }));
    const o = { paths: 2048, seed: 1, threads: 1, gamma: 3, alpha: 0.05, percentiles: [50] };
    await expect(compareScenarios([a, b], o)).rejects.toThrow(/simulation\.sampler: scenario 2 .* draws its market with the sobol in 4 randomizations sampler, the first with sobol in 8 randomizations/);
    const c = await compareScenarios([a, a], o);
    expect(c.intervals).toEqual({ method: 'randomized-blocks', blocks: 8, multiplier: 2.3646242515927844 });
  });
});

describe('sobol points in randomized blocks, at the market path', () => {
  const nYears = 40;
  const s = [0.15, 0.05];
  const plan = (randomizations: number): MarketPlan => ({
    nYears,
    nAssets: 2,
    logMean: new Float64Array([0.05, 0.02]),
    covFactor: new Float64Array([s[0]!, 0, 0, s[1]!]),
    sampler: 'sobol',
    randomizations,
    payStart: 25,
  });
  /** The shocks (z = (ln g − m)/s) of `count` paths from run index `first` (chunk first/2048). */
  const shocks = (p: MarketPlan, seed: number, first: number, count: number) => {
    const market = createMarketPath(p, seed, Math.floor(first / 2048), first);
    return Array.from({ length: count }, () => {
      market.fill();
      return market.gross.map((g, j) => (Math.log(g) - p.logMean[j % 2]!) / s[j % 2]!);
    });
  };

  it('each of R = 8 blocks is stratified on its own: its 256 paths of a chunk put the sum of the shocks to the payout start in 256 equal-probability strata', () => {
    const paths = shocks(plan(8), 3, 0, 2048);
    for (let b = 0; b < 8; b++) {
      // Block b holds paths b, b + 8, …: points 0..255 of its own scramble, a (0, 8, 1)-net in the first coordinate.
      const w = paths.filter((_, i) => i % 8 === b).map((z) => {
        let sum = 0;
        for (let y = 0; y < 25; y++) sum += z[2 * y]!;
        return sum / 5;
      });
      w.sort((x, y) => x - y);
      w.forEach((v, k) => {
        expect(v).toBeGreaterThanOrEqual(inverseNormalCdf(k / 256) - 1e-9);
        expect(v).toBeLessThan(inverseNormalCdf((k + 1) / 256) + 1e-9);
      });
    }
  });

  it('the blocks are different scrambles, and path i is the same whichever chunk draws it', () => {
    const long = shocks(plan(8), 5, 0, 2056);
    expect(long[1]![0]).not.toBeCloseTo(long[0]![0]!, 3);
    const next = shocks(plan(8), 5, 2048, 8);
    for (let i = 0; i < 8; i++) for (let j = 0; j < 2 * nYears; j++) expect(next[i]![j]).toBeCloseTo(long[2048 + i]![j]!, 12);
  });
});
