import { describe, it, expect } from 'vitest';
import { additionalTaxRate } from '../../src/rules/us/early-withdrawal-tax.js';

// IRC §72(t): 10 % before 59½; none for plan money after separation in or after the year of
// turning 55 (§72(t)(2)(A)(v), not for IRAs); SIMPLE IRA 25 % in the first 2 years (§72(t)(6)).
const NEVER = Number.NaN; // not separated

describe('additionalTaxRate', () => {
  it('plan money at 58: 10 % without the age-55 exception, 0 with it', () => {
    expect(additionalTaxRate(58, 'plan', NEVER, 10)).toBe(0.1);
    expect(additionalTaxRate(58, 'plan', 54, 10)).toBe(0.1); // left in the year of turning 54
    expect(additionalTaxRate(58, 'plan', 55, 10)).toBe(0); // left in the year of turning 55
    expect(additionalTaxRate(58, 'plan', 56, 10)).toBe(0);
    expect(additionalTaxRate(58, 'plan', Number.POSITIVE_INFINITY, 10)).toBe(0.1);
  });

  it('the exception is lost once the money is in an IRA', () => {
    expect(additionalTaxRate(58, 'ira', 56, 10)).toBe(0.1);
    expect(additionalTaxRate(58, 'simple-ira', 56, 10)).toBe(0.1);
  });

  it('needs the distribution to follow the separation', () => {
    // a distribution at 57 while still employed, separation planned at 58
    expect(additionalTaxRate(57, 'plan', 58, 10)).toBe(0.1);
  });

  it('ends at 59½: 59 pays, 59.5 and 60 do not', () => {
    expect(additionalTaxRate(59, 'ira', NEVER, 10)).toBe(0.1);
    expect(additionalTaxRate(59, 'plan', NEVER, 10)).toBe(0.1);
    expect(additionalTaxRate(59.49, 'ira', NEVER, 10)).toBe(0.1);
    expect(additionalTaxRate(59.5, 'ira', NEVER, 10)).toBe(0);
    expect(additionalTaxRate(60, 'ira', NEVER, 10)).toBe(0);
    expect(additionalTaxRate(60, 'plan', NEVER, 10)).toBe(0);
    expect(additionalTaxRate(60, 'simple-ira', NEVER, 0.5)).toBe(0);
  });

  it('SIMPLE IRA: 25 % within 2 years of first participation, 10 % after', () => {
    expect(additionalTaxRate(45, 'simple-ira', NEVER, 0)).toBe(0.25); // year 1
    expect(additionalTaxRate(45, 'simple-ira', NEVER, 1)).toBe(0.25); // year 2
    expect(additionalTaxRate(45, 'simple-ira', NEVER, 1.99)).toBe(0.25);
    expect(additionalTaxRate(45, 'simple-ira', NEVER, 2)).toBe(0.1); // the 2-year period is over
    expect(additionalTaxRate(45, 'simple-ira', NEVER, 3)).toBe(0.1); // year 3
    // the 2-year rule is SIMPLE-only
    expect(additionalTaxRate(45, 'ira', NEVER, 0)).toBe(0.1);
    expect(additionalTaxRate(45, 'plan', NEVER, 0)).toBe(0.1);
  });
});
