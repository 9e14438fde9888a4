/**
 * The plan compiler's check of the deterministic maximum pay path (src/plan/pay-path-problems.ts,
 * docs/model.md §9.4): pay and G grown at their fastest over every simulated year stay finite for
 * every scenario the schema accepts, and a scenario built in code around the schema (salary 1e300)
 * is refused with the field named instead of giving a replacement ratio of 0 %.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { compileUsPlan } from '../../src/plan/compile-us.js';
import { MAX_PAY_PATH, PAY_PATH_SIGMAS, payPathProblems } from '../../src/plan/pay-path-problems.js';
import { checkUsScenario } from '../../src/scenario/load-us-scenario.js';
import { MAX_PAY_NOK } from '../../src/scenario/bounds.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import { UserError } from '../../src/base/user-error.js';

const read = (f: string) => JSON.parse(readFileSync(new URL(`../../scenarios/${f}`, import.meta.url), 'utf8'));

describe('the maximum pay path', () => {
  it('at the schema bounds (pay 1e8, growth 100 % + 8 sd of 10 %, 135 years) pay stays below the ceiling', () => {
    // 1e8 · 2.8^135: the largest pay any accepted scenario can reach on this path.
    const worst = MAX_PAY_NOK * (1 + 1 + PAY_PATH_SIGMAS * 0.1) ** 135;
    expect(worst).toBeLessThan(MAX_PAY_PATH);
    expect(payPathProblems({ salary0: MAX_PAY_NOK, wageMean: 1, wageSd: 0.1, nYears: 135, gDet: [136_549 * 2 ** 100] })).toEqual([]);
  });

  it('a salary of 1e300 built in code is refused naming person.salary (Norway and US)', () => {
    const s = checkScenario(read('default.json'));
    s.person.salary = 1e300;
    let err: unknown;
    try {
      compilePlan(s);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).problems[0]!.path).toBe('person.salary');
    expect((err as UserError).message).toMatch(/person\.salary: pay grown at the highest wage growth reaches .* in simulated year \d+/);

    const us = checkUsScenario(read('401k-diversified.json'));
    us.person.salary = 1e300;
    expect(() => compileUsPlan(us)).toThrow(/person\.salary: pay grown at the highest wage growth/);
  });

  it('a G that overflows is refused naming gGrowth', () => {
    const p = payPathProblems({ salary0: 1, wageMean: 0, wageSd: 0, nYears: 1, gDet: [1, Infinity] });
    expect(p).toEqual([expect.objectContaining({ path: 'gGrowth' })]);
  });
});
