/**
 * The deterministic maximum pay path, checked before any path runs: pay grown every year at the
 * mean plus PAY_PATH_SIGMAS standard deviations of the wage shock, and G, over every simulated year,
 * must stay finite and below MAX_PAY_PATH. A pay or G that overflowed to Infinity on some path
 * would not show in the result as a non-finite number: the replacement ratio (payout ÷ pay) would
 * silently become 0 %. The schema's bounds (docs/scenarios.md §3) keep this path far below the
 * ceiling; the check stands so that no scenario built in code around the schema can get there
 * either (docs/model.md §9.4).
 * Example: salary 1e300 with 3 % growth over 40 years gives one problem naming person.salary.
 */
import type { Problem } from '../base/user-error.js';

/** Standard deviations of the yearly wage shock assumed on the maximum path (a 1-in-10^15 year). */
export const PAY_PATH_SIGMAS = 8;
/** Ceiling for pay and G on that path: returns compounded over a lifetime multiply it by at most ~1e60 more. */
export const MAX_PAY_PATH = 1e200;

export interface PayPathInput {
  readonly salary0: number;
  readonly wageMean: number;
  readonly wageSd: number;
  /** Simulated years (pay is needed up to the payout start, G up to the last payout year). */
  readonly nYears: number;
  /** Deterministic G of years 0..nYears. */
  readonly gDet: ArrayLike<number>;
}

export function payPathProblems(p: PayPathInput): Problem[] {
  const problems: Problem[] = [];
  const growth = 1 + p.wageMean + PAY_PATH_SIGMAS * p.wageSd;
  let pay = p.salary0;
  for (let y = 0; y <= p.nYears; y++) {
    if (y > 0) pay *= growth;
    if (!(pay > 0 && pay <= MAX_PAY_PATH)) {
      problems.push({
        path: 'person.salary',
        message: `pay grown at the highest wage growth reaches ${pay} in simulated year ${y}, beyond what double precision carries through a lifetime (at most ${MAX_PAY_PATH}); lower person.salary or person.wageGrowth`,
      });
      break;
    }
  }
  for (let y = 0; y < p.gDet.length; y++) {
    const g = p.gDet[y]!;
    if (!(g > 0 && g <= MAX_PAY_PATH)) {
      problems.push({ path: 'gGrowth', message: `G reaches ${g} in simulated year ${y}, outside (0, ${MAX_PAY_PATH}]; lower gGrowth or person.wageGrowth` });
      break;
    }
  }
  return problems;
}
