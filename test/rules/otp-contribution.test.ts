import { describe, expect, it } from 'vitest';
import { maxContribution, minContribution } from '../../src/rules/no/otp-band.js';
import { otpContribution, PERCENT_OF_PAY, TIERED, FLAT_AMOUNT, PERCENT_OF_BASIS } from '../../src/rules/no/otp-contribution.js';

// GOLDEN.md G2: the seed article's contribution table. "With first G" is p·S; "without the first G"
// is p·(S − G) and reproduces all cells only for 92 630 < G <= 92 635.7; G = 92 633 is used.
describe('GOLDEN.md G2: contribution table of the seed article', () => {
  const G = 92_633;
  const rows: [number, number, number, number, number][] = [
    // salary, 2 %, 4 %, 7 %, 7 % − 2 % (all without the first G, whole kroner)
    [300_000, 4_147, 8_295, 14_516, 10_368],
    [400_000, 6_147, 12_295, 21_516, 15_368],
    [500_000, 8_147, 16_295, 28_516, 20_368],
    [600_000, 10_147, 20_295, 35_516, 25_368],
  ];
  for (const [salary, p2, p4, p7, p5] of rows) {
    it(`salary ${salary}`, () => {
      const c = (rate: number) => Math.round(otpContribution(PERCENT_OF_PAY, rate, 0, true, salary, 0, G));
      expect([c(0.02), c(0.04), c(0.07), c(0.05)]).toEqual([p2, p4, p7, p5]);
    });
  }

  it('with the first G the contribution is p·S', () => {
    expect(otpContribution(PERCENT_OF_PAY, 0.07, 0, false, 500_000, 0, G)).toBeCloseTo(35_000, 9);
  });

  it('2017 maximum with G = 93 634: 7 % × 7.1 G + 25.1 % × 4.9 G = 161 696.55', () => {
    const g = 93_634;
    // The two tiers, each from the code: pay at 7.1 G reaches only the lower; 12 G adds the upper.
    // By hand: 0.07 × 7.1 × 93 634 = 46 536.098; 0.251 × 4.9 × 93 634 = 115 160.457.
    const lower = maxContribution(7.1 * g, g);
    expect(Math.round(lower * 100) / 100).toBe(46_536.1);
    expect(Math.round((maxContribution(12 * g, g) - lower) * 100) / 100).toBe(115_160.46);
    expect(Math.round(maxContribution(12 * g, g) * 100) / 100).toBe(161_696.55);
    // Nothing above 12 G: a higher pay gives the same maximum.
    expect(maxContribution(5_000_000, g)).toBeCloseTo(maxContribution(12 * g, g), 9);
    // The tiered method at the maximum rates is the legal maximum.
    expect(otpContribution(TIERED, 0.07, 0.251, false, 12 * g, 0, g)).toBeCloseTo(maxContribution(12 * g, g), 9);
  });
});

// GOLDEN.md G3: current-rule limits (from 2022: 2 % from the first krone).
describe('GOLDEN.md G3: current-rule contribution limits', () => {
  const rows: [number, number, number, number][] = [
    [500_000, 10_000.0, 35_000.0, 35_000.0],
    [800_000, 16_000.0, 56_000.0, 56_000.0],
    [1_200_000, 24_000.0, 133_931.38, 125_720.88],
    [2_000_000, 31_238.4, 224_773.3, 235_806.47],
  ];
  for (const [salary, min, max2025, max2026] of rows) {
    it(`salary ${salary}`, () => {
      const cents = (x: number) => Math.round(x * 100) / 100;
      expect(cents(minContribution(salary, 130_160, 2025))).toBe(min);
      expect(cents(maxContribution(salary, 130_160))).toBe(max2025);
      expect(cents(maxContribution(salary, 136_549))).toBe(max2026);
    });
  }

  it('before 2022 the minimum is 2 % of pay between 1 G and 12 G', () => {
    expect(minContribution(500_000, 100_000, 2021)).toBeCloseTo(0.02 * 400_000, 9);
    expect(minContribution(500_000, 100_000, 2022)).toBeCloseTo(0.02 * 500_000, 9);
  });
});

describe('contribution methods', () => {
  it('flat amount is the amount; % of basis uses the basis, capped at 12 G', () => {
    expect(otpContribution(FLAT_AMOUNT, 0, 0, false, 400_000, 20_000, 130_000)).toBe(20_000);
    expect(otpContribution(PERCENT_OF_BASIS, 0.05, 0, false, 400_000, 500_000, 130_000)).toBeCloseTo(25_000, 9);
    expect(otpContribution(PERCENT_OF_BASIS, 0.05, 0, false, 400_000, 2_000_000, 100_000)).toBeCloseTo(0.05 * 1_200_000, 9);
  });

  it('tiered: rate up to 7.1 G, upper rate between 7.1 G and 12 G, nothing above', () => {
    const g = 100_000;
    expect(otpContribution(TIERED, 0.05, 0.2, false, 500_000, 0, g)).toBeCloseTo(25_000, 9);
    expect(otpContribution(TIERED, 0.05, 0.2, false, 1_000_000, 0, g)).toBeCloseTo(0.05 * 710_000 + 0.2 * 290_000, 9);
    expect(otpContribution(TIERED, 0.05, 0.2, false, 3_000_000, 0, g)).toBeCloseTo(0.05 * 710_000 + 0.2 * 490_000, 9);
  });
});
