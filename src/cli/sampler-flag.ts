/**
 * --sampler pseudo|antithetic|sobol (run, compare, sweep): overrides the scenario's
 * simulation.sampler, so the scenario hash, shard files and reports carry the sampler used.
 */
import { SAMPLERS, type Sampler } from '../random/sampler.js';

export const SAMPLER_OPTION = {
  choices: SAMPLERS,
  describe: "how the market's normal shocks are drawn: pseudo (independent paths, the default), antithetic (paths in pairs z, −z) or sobol (scrambled quasi-random points, far less noise for the same paths); overrides simulation.sampler",
} as const;

/** The scenario with `sampler` as its simulation.sampler (unchanged when the flag is not given). */
export function withSampler<T extends { simulation: { sampler: Sampler } }>(scenario: T, sampler: Sampler | undefined): T {
  return sampler === undefined ? scenario : { ...scenario, simulation: { ...scenario.simulation, sampler } };
}
