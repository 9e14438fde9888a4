import { describe, expect, it } from 'vitest';
import { payGrowthFactor, PAY_GROWTH_FLOOR } from '../../src/rules/pay-growth.js';

describe('payGrowthFactor: 1 + mean + shock, floored so pay and G stay positive', () => {
  it('is 1 + mean + shock above the floor', () => {
    expect(payGrowthFactor(0.03, 0.02)).toBe(1.05);
    expect(payGrowthFactor(-0.5, 0)).toBe(0.5);
  });
  it('never goes below the floor, whatever the shock', () => {
    for (const shock of [-0.6, -1, -5, -Infinity]) expect(payGrowthFactor(0.03, shock)).toBe(PAY_GROWTH_FLOOR);
    // The doc comment's example: the floor is one half.
    expect(payGrowthFactor(0.03, -0.9)).toBe(0.5);
  });
  it('pay stays positive after any run of floored years: 1 000 of them leave 0.5^1000 ≈ 9.3e-302 of it', () => {
    let pay = 1;
    for (let y = 0; y < 1000; y++) pay *= payGrowthFactor(-0.5, -Infinity);
    expect(pay).toBeGreaterThan(0);
    expect(pay).toBe(0.5 ** 1000);
  });
  it('with a mean of 0 or more the floor leaves every shock above −5 sd (−0.5 at the largest sd, 10 %) alone', () => {
    for (const mean of [0, 0.03, 1]) for (const shock of [-0.4999, -0.3, 0, 0.2]) expect(payGrowthFactor(mean, shock)).toBe(1 + mean + shock);
  });
});
