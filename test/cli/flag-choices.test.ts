/** The copies in cli/flag-choices.ts (for --help without the engine) equal the lists they copy. */
import { describe, expect, it } from 'vitest';
import { NO_COMPARE_METRICS } from '../../src/engine/compare.js';
import { SOLVE_DEFAULT_PATHS, SOLVE_FIELDS } from '../../src/engine/solve.js';
import { FIT_MODELS } from '../../src/market/fit/fit-history.js';
import { COMPARE_METRICS, FIT_MODEL_NAMES, SOLVE_FIELD_NAMES, SOLVE_PATHS } from '../../src/cli/flag-choices.js';

describe('flag choices copied for the command definitions', () => {
  it('equal their sources', () => {
    expect(COMPARE_METRICS).toEqual(NO_COMPARE_METRICS);
    expect(SOLVE_FIELD_NAMES).toEqual(SOLVE_FIELDS);
    expect(SOLVE_PATHS).toBe(SOLVE_DEFAULT_PATHS);
    expect(FIT_MODEL_NAMES).toEqual(FIT_MODELS);
  });
});
