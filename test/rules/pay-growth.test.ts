import { describe, expect, it } from 'vitest';
import { payGrowthFactor, PAY_GROWTH_FLOOR } from '../../src/rules/pay-growth.js';

describe('payGrowthFactor: 1 + mean + shock, floored so pay and G stay positive', () => {
  it('is 1 + mean + shock above the floor', () => {
    expect(payGrowthFactor(0.03, 0.02)).toBe(1.05);
    expect(payGrowthFactor(-0.5, 0)).toBe(0.5);
  });
  it('never goes below the floor, whatever the shock', () => {
    for (const shock of [-0.6, -1, -5, -Infinity]) expect(payGrowthFactor(0.03, shock)).toBe(PAY_GROWTH_FLOOR);
    expect(PAY_GROWTH_FLOOR).toBeGreaterThan(0);
  });
});
