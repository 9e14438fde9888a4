import { describe, expect, it } from 'vitest';
import { parsePercentiles, percentileChoice, withPercentiles } from '../../src/cli/percentile-flags.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import { UserError } from '../../src/base/user-error.js';
import { userError } from '../helpers/user-error.js';


describe('--percentiles, --preset, --real', () => {
  it('parses a comma list, sorted and without repeats', () => {
    expect(parsePercentiles('5,50,95')).toEqual([5, 50, 95]);
    expect(parsePercentiles(' 95, 5,5 ,2.5')).toEqual([2.5, 5, 95]);
  });

  it.each(['0,50', '50,100', 'abc', '5,,95', '', '-5', '1e3'])('"%s" is a UserError naming --percentiles', (raw) => {
    const e = userError(() => parsePercentiles(raw));
    expect(e.problems[0]!.path).toBe('--percentiles');
    expect(e.problems[0]!.message).toContain(`got "${raw}"`);
  });

  it('presets: nl-urm is 5/50/95 in real terms, priips names its stress value, pv is five lines', () => {
    expect(percentileChoice({ percentiles: undefined, preset: 'nl-urm', real: false })).toMatchObject({ percentiles: [5, 50, 95], real: true });
    expect(percentileChoice({ percentiles: undefined, preset: 'priips', real: false })).toMatchObject({ percentiles: [5, 10, 50, 90], real: false, labels: { p5: 'stress' } });
    expect(percentileChoice({ percentiles: undefined, preset: 'pv', real: true })).toMatchObject({ percentiles: [10, 25, 50, 75, 90], real: true });
    expect(percentileChoice({ percentiles: undefined, preset: undefined, real: false })).toEqual({ percentiles: undefined, real: false, labels: {} });
  });

  it('--percentiles with --preset is a UserError naming --preset', () => {
    expect(userError(() => percentileChoice({ percentiles: '5,95', preset: 'pv', real: false })).problems[0]!.path).toBe('--preset');
  });

  it('withPercentiles copies the scenario with the new list and leaves the original alone', () => {
    const s = checkScenario({
      person: { birthYear: 1990, startYear: 2026, retirementAge: 67, salary: 650_000 },
      plan: { kind: 'no-otp-dc', contribution: { method: 'percent-of-pay', rate: 0.05 } },
      profile: { assets: [{ name: 'a', expectedReturn: 0.05, volatility: 0.1 }], weights: { a: 1 } },
      payout: { years: 10, method: { kind: 'balance-over-remaining-years' } },
    });
    const t = withPercentiles(s, [5, 95]);
    expect(t.simulation.percentiles).toEqual([5, 95]);
    expect(s.simulation.percentiles).toEqual([5, 10, 25, 50, 75, 90, 95]);
    expect(withPercentiles(s, undefined)).toBe(s);
    expect(s.inflation).toBe(0.02);
  });
});
