import { describe, it, expect } from 'vitest';
import { claimingFactor, fullRetirementAge } from '../../src/rules/us/social-security.js';

// 20 CFR 404.409 (full retirement age), 404.410 (5/9 % a month for 36 months, 5/12 % beyond),
// 404.313 (delayed credits 2/3 % a month for born 1943+).

describe('fullRetirementAge', () => {
  it('follows the SSA schedule', () => {
    expect(fullRetirementAge(1943)).toBe(66);
    expect(fullRetirementAge(1954)).toBe(66);
    expect(fullRetirementAge(1955)).toBeCloseTo(66 + 2 / 12, 12);
    expect(fullRetirementAge(1956)).toBeCloseTo(66 + 4 / 12, 12);
    expect(fullRetirementAge(1957)).toBeCloseTo(66 + 6 / 12, 12);
    expect(fullRetirementAge(1958)).toBeCloseTo(66 + 8 / 12, 12);
    expect(fullRetirementAge(1959)).toBeCloseTo(66 + 10 / 12, 12);
    expect(fullRetirementAge(1960)).toBe(67);
    expect(fullRetirementAge(1985)).toBe(67);
    expect(fullRetirementAge(1938)).toBeCloseTo(65 + 2 / 12, 12);
    expect(fullRetirementAge(1937)).toBe(65);
  });
});

describe('claimingFactor', () => {
  it('born 1960 (FRA 67): 62 → 0.70, 67 → 1.00, 70 → 1.24', () => {
    // 60 months early: 36 × 5/9 % = 20 %, 24 × 5/12 % = 10 % → 0.70
    expect(claimingFactor(62, 1960)).toBeCloseTo(0.7, 12);
    expect(claimingFactor(67, 1960)).toBe(1);
    // 36 months late × 2/3 % = 24 %
    expect(claimingFactor(70, 1960)).toBeCloseTo(1.24, 12);
  });

  it('born 1956 (FRA 66 + 4 months): 62 → 0.7333…', () => {
    // 52 months early: 36 × 5/9 % = 20 %, 16 × 5/12 % = 6.666…% → 1 − 0.26666… = 0.73333…
    expect(claimingFactor(62, 1956)).toBeCloseTo(0.7333333333333333, 12);
    // 44 months late to 70 → 1 + 44 × 2/3 % = 1.29333…
    expect(claimingFactor(70, 1956)).toBeCloseTo(1 + 44 * (2 / 3) / 100, 12);
  });

  it('born 1950 (FRA 66): 62 → 0.75, 70 → 1.32', () => {
    // 48 months: 20 % + 12 × 5/12 % = 25 %
    expect(claimingFactor(62, 1950)).toBeCloseTo(0.75, 12);
    expect(claimingFactor(70, 1950)).toBeCloseTo(1.32, 12);
  });

  it('counts months for fractional ages', () => {
    // born 1960, claim at 65: 24 months early × 5/9 % = 13.333…% → 0.866…
    expect(claimingFactor(65, 1960)).toBeCloseTo(1 - 24 * 5 / 900, 12);
    // 66.5: 6 months early → 1 − 6 × 5/900 = 0.9666…
    expect(claimingFactor(66.5, 1960)).toBeCloseTo(1 - 6 * 5 / 900, 12);
    // 68 + 3 months: 15 months late → 1.10
    expect(claimingFactor(68.25, 1960)).toBeCloseTo(1.1, 12);
    // 62 + 1 month (62.0833…, not exact in binary) → 59 months early
    expect(claimingFactor(62 + 1 / 12, 1960)).toBeCloseTo(1 - 0.2 - 23 * 5 / 1200, 12);
  });

  it('earns no credits past 70 and refuses ages below 62', () => {
    expect(claimingFactor(72, 1960)).toBeCloseTo(1.24, 12);
    expect(() => claimingFactor(61, 1960)).toThrow(RangeError);
    expect(() => claimingFactor(61.99, 1960)).toThrow(RangeError);
  });

  it('is increasing in the claiming age', () => {
    for (const birthYear of [1943, 1955, 1958, 1960, 1975]) {
      let previous = 0;
      for (let m = 62 * 12; m <= 70 * 12; m++) {
        const f = claimingFactor(m / 12, birthYear);
        expect(f).toBeGreaterThan(previous);
        previous = f;
      }
    }
  });
});
