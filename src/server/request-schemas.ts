/**
 * The bodies the server accepts, as strict zod schemas (an unknown key is an error), with the
 * server's own resource limits: paths per run, variants per comparison, paths per solve candidate.
 * A scenario inside a body is an object validated later by the scenario schema itself.
 */
import * as z from 'zod';
import { NO_COMPARE_METRICS } from '../studies/compare.js';

/** Paths of one run from the page; more is a job for the CLI (--allow-large). */
export const MAX_RUN_PATHS = 200_000;
/** Paths of each variant of a comparison (each variant keeps one value a path). */
export const MAX_COMPARE_PATHS = 50_000;
/** Paths of each candidate of a solve (about ten candidates are run). */
export const MAX_SOLVE_PATHS = 20_000;
export const MAX_VARIANTS = 4;

const paths = (max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max, `at most ${max} paths on the workbench (a larger run is for the command line: pensim run --paths N)`)
    .optional();
const seed = z.number().int().min(0).max(0xffffffff).optional();
const scenario = z.record(z.string(), z.unknown());

export const RunBody = z.object({ scenario, paths: paths(MAX_RUN_PATHS), seed }).strict();

export const CompareBody = z
  .object({
    variants: z
      .array(z.object({ label: z.string().min(1).max(80), scenario }).strict())
      .min(2, 'compare at least 2 variants')
      .max(MAX_VARIANTS, `compare at most ${MAX_VARIANTS} variants`),
    paths: paths(MAX_COMPARE_PATHS),
    seed,
    metric: z.enum(NO_COMPARE_METRICS).optional(),
  })
  .strict();

export const SolveBody = z
  .object({ scenario, field: z.string().min(1).max(100), target: z.string().min(1).max(200), paths: paths(MAX_SOLVE_PATHS), seed })
  .strict();

export const ParseBody = z.object({ text: z.string().max(1_000_000), format: z.enum(['json', 'yaml']) }).strict();

export const AMOUNT_CHOICES = ['real', 'nominal', 'g'] as const;
export const AmountsQuery = z.object({ amounts: z.enum(AMOUNT_CHOICES).default('real'), token: z.string().optional() }).strict();
