/**
 * Flag choices and defaults that belong to heavy modules (engine/compare, engine/solve,
 * market/fit), copied so that a command's flag definitions, and so --help, load none of them.
 * test/cli/flag-choices.test.ts keeps each copy equal to its source; the types tie them at build time.
 */
import type { NoCompareMetric } from '../engine/compare.js';
import type { SOLVE_FIELDS } from '../engine/solve.js';
import type { FitModel } from '../market/fit/fit-history.js';

/** engine/compare.ts NO_COMPARE_METRICS: the Norwegian per-path outcomes compare can pair. */
export const COMPARE_METRICS = ['capitalAtRetirement', 'payoutGross', 'payoutNet', 'replacementRatio', 'totalPension'] as const satisfies readonly NoCompareMetric[];

/** engine/solve.ts SOLVE_FIELDS and SOLVE_DEFAULT_PATHS. */
export const SOLVE_FIELD_NAMES = ['plan.contribution.rate', 'plan.rate', 'person.retirementAge', 'payout.startAge', 'profile.weights.<asset>'] as const satisfies readonly (typeof SOLVE_FIELDS)[number][];
export const SOLVE_PATHS = 4096;

/** market/fit/fit-history.ts FIT_MODELS. */
export const FIT_MODEL_NAMES = ['lognormal', 'student-t', 'regime-switching'] as const satisfies readonly FitModel[];
