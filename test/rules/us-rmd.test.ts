import { describe, it, expect } from 'vitest';
import {
  UNIFORM_LIFETIME_TABLE,
  requiredMinimumDistribution,
  rmdDivisor,
  rmdStartAge,
} from '../../src/rules/us/rmd.js';

// Treas. Reg. §1.401(a)(9)-9(c) (T.D. 9930), Uniform Lifetime Table for 2022 on, keyed here
// again by hand as (age, divisor) pairs, independently of the module's array layout.
const REGULATION_ROWS: ReadonlyArray<readonly [number, number]> = [
  [72, 27.4], [73, 26.5], [74, 25.5], [75, 24.6], [76, 23.7], [77, 22.9], [78, 22.0], [79, 21.1],
  [80, 20.2], [81, 19.4], [82, 18.5], [83, 17.7], [84, 16.8], [85, 16.0], [86, 15.2], [87, 14.4],
  [88, 13.7], [89, 12.9], [90, 12.2], [91, 11.5], [92, 10.8], [93, 10.1], [94, 9.5], [95, 8.9],
  [96, 8.4], [97, 7.8], [98, 7.3], [99, 6.8], [100, 6.4], [101, 6.0], [102, 5.6], [103, 5.2],
  [104, 4.9], [105, 4.6], [106, 4.3], [107, 4.1], [108, 3.9], [109, 3.7], [110, 3.5], [111, 3.4],
  [112, 3.3], [113, 3.1], [114, 3.0], [115, 2.9], [116, 2.8], [117, 2.7], [118, 2.5], [119, 2.3],
  [120, 2.0],
];

describe('Uniform Lifetime Table', () => {
  it('has one row per age 72..120', () => {
    expect(UNIFORM_LIFETIME_TABLE.length).toBe(120 - 72 + 1);
    expect(REGULATION_ROWS.length).toBe(UNIFORM_LIFETIME_TABLE.length);
  });

  it('matches the regulation at every age', () => {
    for (const [age, divisor] of REGULATION_ROWS) {
      expect(rmdDivisor(age), `age ${age}`).toBe(divisor);
    }
  });

  it('gives the issue 22 values by hand', () => {
    expect(rmdDivisor(72)).toBe(27.4);
    expect(rmdDivisor(73)).toBe(26.5);
    expect(rmdDivisor(75)).toBe(24.6);
    expect(rmdDivisor(80)).toBe(20.2);
    expect(rmdDivisor(90)).toBe(12.2);
    expect(rmdDivisor(100)).toBe(6.4);
    expect(rmdDivisor(110)).toBe(3.5);
  });

  it('uses the 120-and-older row above 120 and floors fractional ages', () => {
    expect(rmdDivisor(120)).toBe(2.0);
    expect(rmdDivisor(121)).toBe(2.0);
    expect(rmdDivisor(135)).toBe(2.0);
    expect(rmdDivisor(75.9)).toBe(24.6);
  });

  it('decreases strictly with age (a life expectancy does)', () => {
    for (let i = 1; i < UNIFORM_LIFETIME_TABLE.length; i++) {
      expect(UNIFORM_LIFETIME_TABLE[i]!).toBeLessThan(UNIFORM_LIFETIME_TABLE[i - 1]!);
    }
  });

  it('throws below 72 (a programming error)', () => {
    expect(() => rmdDivisor(71)).toThrow(RangeError);
    expect(() => rmdDivisor(Number.NaN)).toThrow(RangeError);
  });
});

describe('rmdStartAge (SECURE 2.0 §107)', () => {
  it('is 72 for 1950 and before, 73 for 1951–1959, 75 from 1960', () => {
    expect(rmdStartAge(1940)).toBe(72);
    expect(rmdStartAge(1949)).toBe(72);
    expect(rmdStartAge(1950)).toBe(72);
    expect(rmdStartAge(1951)).toBe(73);
    expect(rmdStartAge(1959)).toBe(73);
    expect(rmdStartAge(1960)).toBe(75);
    expect(rmdStartAge(1990)).toBe(75);
  });
});

describe('requiredMinimumDistribution', () => {
  it('is 0 before the start age and balance / divisor from it', () => {
    // Born 1955: start age 73. At 72 nothing; at 73 1 000 000 / 26.5 = 37 735.849…
    expect(requiredMinimumDistribution(1_000_000, 72, 1955)).toBe(0);
    expect(requiredMinimumDistribution(1_000_000, 73, 1955)).toBeCloseTo(37_735.849056603773, 9);
    // Born 1960: start age 75. At 73 and 74 nothing; at 75 1 000 000 / 24.6 = 40 650.406…
    expect(requiredMinimumDistribution(1_000_000, 73, 1960)).toBe(0);
    expect(requiredMinimumDistribution(1_000_000, 74, 1960)).toBe(0);
    expect(requiredMinimumDistribution(1_000_000, 75, 1960)).toBeCloseTo(40_650.40650406504, 9);
    // Born 1950: start age 72, 500 000 / 27.4 = 18 248.175…
    expect(requiredMinimumDistribution(500_000, 72, 1950)).toBeCloseTo(18_248.175182481752, 9);
    // Born 1951 at 90: 250 000 / 12.2 = 20 491.803…
    expect(requiredMinimumDistribution(250_000, 90, 1951)).toBeCloseTo(20_491.803278688523, 9);
  });

  it('is 0 for an empty or negative balance', () => {
    expect(requiredMinimumDistribution(0, 80, 1951)).toBe(0);
    expect(requiredMinimumDistribution(-5, 80, 1951)).toBe(0);
  });
});
