/**
 * Numeric safety at the edges the schema allows: volatility 300 % and expected return 200 % on
 * every asset over a 102-year horizon (start at 18, payout 75 to 120, the latest allowed), fees that eat the whole
 * capital, a per-member fee larger than any balance. Each gives finite numbers and capital never
 * below zero (the payout stops when the money does). And a result holding a non-finite number is
 * never reported: finiteResult turns it into a UserError naming the place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finiteResult, firstNonFinite } from '../../src/result/finite-result.js';
import { checkUsScenario } from '../../src/scenario/load-us-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import type { SimulationResult } from '../../src/result/simulation-result.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import { UserError } from '../../src/base/user-error.js';
import { DEFAULT_SCENARIO } from './cli-process.js';

type Json = any;
const base = (): Json => JSON.parse(readFileSync(DEFAULT_SCENARIO, 'utf8'));

function expectSound(r: SimulationResult): void {
  expect(firstNonFinite(r, 'result')).toBeNull();
  for (const s of Object.values(r.fan.capital)) for (const v of s) expect(v).toBeGreaterThanOrEqual(0);
  for (const s of [...Object.values(r.payoutFan.gross), ...Object.values(r.payoutFan.net)]) for (const v of s) expect(v).toBeGreaterThanOrEqual(0);
}

describe('extreme but valid scenarios', () => {
  it('volatility 300 %, expected return 200 %, a 102-year horizon: finite, capital >= 0', async () => {
    const s = base();
    s.person = { ...s.person, birthYear: 2008, startYear: 2026, retirementAge: 75 };
    s.profile.assets = s.profile.assets.map((a: Json) => ({ ...a, expectedReturn: 2, volatility: 3 }));
    s.payout = { startAge: 75, years: 45, method: { kind: 'balance-over-remaining-years' } };
    const r = await simulate(checkScenario(s), { paths: 3000, threads: 1 });
    expect(r.ages.payoutEnd - r.ages.start).toBe(102);
    expectSound(r);
    // The horizon really is extreme: the median capital at 75 dwarfs the pay.
    expect(r.metrics.capitalAtRetirement.percentiles.p50).toBeGreaterThan(1e15);
  });

  it('returns of −90 % a year with fees of 20 % and a per-member fee above any balance: capital is 0, never negative', async () => {
    const s = base();
    s.profile.assets = s.profile.assets.map((a: Json) => ({ ...a, expectedReturn: -0.9, volatility: 0.5 }));
    s.profile.fees = { managementRate: 0.2, perMember: 1e6 }; // the largest fee allowed (docs/scenarios.md §3)
    const r = await simulate(checkScenario(s), { paths: 2048, threads: 1 });
    expectSound(r);
    expect(r.metrics.capitalAtRetirement.percentiles.p95).toBe(0);
    expect(r.metrics.payoutGross.mean).toBe(0);
  });
});

describe('finiteResult', () => {
  it('names the first non-finite number by its place in the result; finite results pass unchanged', () => {
    const ok = { a: 1, b: [2, 3], c: { d: null, e: 'text' } };
    expect(finiteResult(ok)).toBe(ok);
    expect(() => finiteResult({ metrics: { x: { mean: 1, percentiles: { p5: 0, p50: NaN } } } })).toThrow(UserError);
    expect(() => finiteResult({ metrics: { x: { mean: 1, percentiles: { p5: 0, p50: NaN } } } })).toThrow(/^result\.metrics\.x\.percentiles\.p50: is NaN, not a finite number/);
    expect(() => finiteResult({ fan: { mean: [1, 2, Infinity] } })).toThrow(/^result\.fan\.mean\[2\]: is Infinity/);
    expect(firstNonFinite(new Float64Array([1, -Infinity]), 's')).toEqual({ path: 's[1]', value: -Infinity });
  });
});

describe('US runs: a non-finite path is an error, never a number', () => {
  it('a scenario built in code around the bounds (balance 1e306, returns of 200 %) is refused naming the figure', async () => {
    // The schema refuses such a balance (docs/scenarios.md §3); bypassing it reaches the result's finiteness check.
    const s = checkUsScenario(JSON.parse(readFileSync(new URL('../../scenarios/ksop-concentrated.json', import.meta.url), 'utf8')));
    s.person.initialCapital = 1e306;
    s.profile.assets[0]!.expectedReturn = 2;
    await expect(simulate(s, { paths: 100, threads: 1 })).rejects.toThrow(/result\.metrics\.capitalAtRetirement\.\w+: is (Infinity|NaN), not a finite number/);
  });
});
