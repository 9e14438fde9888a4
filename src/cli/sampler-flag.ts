/**
 * --sampler pseudo|antithetic|sobol (run, compare, sweep): overrides the scenario's
 * simulation.sampler, so the scenario hash, shard files and reports carry the sampler used.
 * simulation.randomizations (the independent randomizations of sobol and antithetic) is kept,
 * except under --sampler pseudo, where it does not apply and is dropped.
 */
import { SAMPLERS, type Sampler } from '../random/sampler.js';

export const SAMPLER_OPTION = {
  choices: SAMPLERS,
  describe: "how the market's normal shocks are drawn: pseudo (independent paths, the default), antithetic (paths in pairs z, −z) or sobol (scrambled quasi-random points, far less noise for the same paths); overrides simulation.sampler",
} as const;

interface Sampling {
  sampler: Sampler;
  randomizations?: number | undefined;
}

/** The scenario with `sampler` as its simulation.sampler (unchanged when the flag is not given). */
export function withSampler<T extends { simulation: Sampling }>(scenario: T, sampler: Sampler | undefined): T {
  if (sampler === undefined) return scenario;
  const { randomizations, ...rest } = scenario.simulation;
  return { ...scenario, simulation: { ...rest, sampler, ...(sampler !== 'pseudo' && randomizations !== undefined && { randomizations }) } };
}

/**
 * Every scenario of a comparison with one sampler (the flag's, else the first scenario's) and the
 * first scenario's randomizations: path i of each then sees the same market (common random numbers).
 */
export function withOneSampler<T extends { simulation: Sampling }>(scenarios: readonly T[], sampler: Sampler | undefined): T[] {
  const first = withSampler(scenarios[0]!, sampler ?? scenarios[0]!.simulation.sampler).simulation;
  return scenarios.map((s) => {
    const { randomizations: _, ...rest } = s.simulation;
    return { ...s, simulation: { ...rest, sampler: first.sampler, ...(first.randomizations !== undefined && { randomizations: first.randomizations }) } };
  });
}
