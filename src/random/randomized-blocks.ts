/**
 * Randomized blocks: under the sobol and antithetic samplers the paths of a run form R independent
 * randomizations ("blocks"), so the spread of the R block estimates measures the run's error
 * (docs/samplers.md "Intervals"; Owen 2013, "Monte Carlo theory, methods and examples", §17.2;
 * L'Ecuyer, Nakayama, Owen & Tuffin 2023, "Confidence intervals for randomized quasi-Monte Carlo
 * estimators", WSC). Path i of the run belongs to block ⌊i / unit⌋ mod R, where the unit is one
 * path under sobol and one antithetic pair (2k, 2k + 1) under antithetic: the blocks interleave,
 * so every prefix of the run (any path count, a whole-chunk prefix of a run to precision, a shard)
 * has blocks of equal size to within one unit. Under sobol, block b has its own scramble and its
 * path i takes point ⌊i / R⌋ of it, so each block is a prefix of its own scrambled sequence.
 * Under pseudo there is one block (R = 1) and nothing changes.
 * Example: R = 4 under sobol puts paths 0, 4, 8, … in block 0 and path 6 in block 2; under
 * antithetic, paths 0, 1, 8, 9, … in block 0 and path 6 (pair 3) in block 3.
 */
import type { Sampler } from './sampler.js';

/** R when simulation.randomizations is not given, under sobol and antithetic (chosen in bench/README.md "Samplers"). */
export const DEFAULT_RANDOMIZATIONS = 8;
/** The allowed values of simulation.randomizations: powers of 2, so a block of a chunk of 2 048 paths is whole. */
export const RANDOMIZATION_CHOICES = [2, 4, 8, 16, 32, 64] as const;

export interface RandomizedBlocks {
  /** R: the number of independent randomizations (1 under pseudo). */
  readonly count: number;
  /** Paths per unit: 1 (sobol, pseudo), 2 (antithetic: a pair stays in one block). */
  readonly unit: number;
}

/** The blocks of a run of `sampler` with simulation.randomizations = `randomizations` (absent: the default). */
export function randomizedBlocks(sampler: Sampler, randomizations?: number): RandomizedBlocks {
  if (sampler === 'pseudo') return { count: 1, unit: 1 };
  return { count: randomizations ?? DEFAULT_RANDOMIZATIONS, unit: sampler === 'antithetic' ? 2 : 1 };
}

/** The blocks of a compiled plan (plan/compile-portfolio.ts sets its randomizations: 1 under pseudo). */
export function planBlocks(plan: { readonly sampler: Sampler; readonly randomizations: number }): RandomizedBlocks {
  return randomizedBlocks(plan.sampler, plan.sampler === 'pseudo' ? undefined : plan.randomizations);
}

/** The block of path i of the run. */
export function blockOfPath(i: number, blocks: RandomizedBlocks): number {
  return Math.floor(i / blocks.unit) % blocks.count;
}

/**
 * The number of paths of block b among the first `paths` paths of a chunk whose first path is a
 * multiple of count × unit (every chunk: CHUNK_SIZE = 2 048 is).
 */
export function blockPaths(paths: number, b: number, blocks: RandomizedBlocks): number {
  const { count, unit } = blocks;
  const period = count * unit;
  const whole = Math.floor(paths / period) * unit;
  const rest = paths % period;
  return whole + Math.min(unit, Math.max(0, rest - b * unit));
}
