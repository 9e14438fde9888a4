/**
 * simulation.randomizations (Norwegian and US scenarios): R, the number of independent
 * randomizations the sobol and antithetic samplers split a run into, whose spread gives the 95 %
 * intervals (random/randomized-blocks.ts, docs/samplers.md). A power of 2 from 2 to 64, so a block
 * of a chunk of 2 048 paths is whole; absent, the default (DEFAULT_RANDOMIZATIONS). Under the
 * pseudo sampler every path is independent already, so the field is refused there.
 */
import * as z from 'zod';
import { RANDOMIZATION_CHOICES } from '../random/randomized-blocks.js';
import type { Sampler } from '../random/sampler.js';

export const Randomizations = z
  .number()
  .int()
  .refine((r) => (RANDOMIZATION_CHOICES as readonly number[]).includes(r), {
    message: `must be a power of 2 from 2 to 64 (${RANDOMIZATION_CHOICES.join(', ')}): the independent randomizations of the sobol or antithetic sampler`,
  });

/** The cross-field rule: randomizations only with the sobol or antithetic sampler. */
export function randomizationsRule(simulation: { sampler: Sampler; randomizations?: number | undefined }, ctx: z.RefinementCtx): void {
  if (simulation.randomizations !== undefined && simulation.sampler === 'pseudo') {
    ctx.addIssue({
      code: 'custom',
      path: ['randomizations'],
      message: `applies only to the sobol and antithetic samplers (their independent randomizations); the sampler is pseudo, whose paths are independent already: remove randomizations, or set sampler to "sobol" or "antithetic"`,
    });
  }
}
