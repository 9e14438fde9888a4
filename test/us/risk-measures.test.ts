/** Risk measures (src/stats/risk-measures.ts) on exact small cases and a closed form. */
import { describe, expect, it } from 'vitest';
import { certaintyEquivalent, certaintyEquivalentValue, expectedShortfall, sortedCopy, valueAtRisk } from '../../src/stats/risk-measures.js';

const oneToHundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

describe('valueAtRisk and expectedShortfall', () => {
  it('1..100 at 5 %: VaR = 5.95 (type 7), ES = mean(1..5) = 3', () => {
    expect(valueAtRisk(oneToHundred, 0.05)).toBeCloseTo(5.95, 12);
    expect(expectedShortfall(oneToHundred, 0.05)).toBeCloseTo(3, 12);
  });
  it('fractional boundary: 1..10 at 25 % → (1 + 2 + 0.5·3)/2.5', () => {
    expect(expectedShortfall(Float64Array.from({ length: 10 }, (_, i) => i + 1), 0.25)).toBeCloseTo(4.5 / 2.5, 12);
  });
  it('ES <= VaR <= median on any sample', () => {
    const x = sortedCopy([5, -3, 8, 1, 1, 9, 2, 7, -10, 4]);
    expect(expectedShortfall(x, 0.2)).toBeLessThanOrEqual(valueAtRisk(x, 0.2));
  });
});

describe('certaintyEquivalent (CRRA)', () => {
  it('γ = 1 is the geometric mean; γ = 2 the harmonic mean', () => {
    expect(certaintyEquivalent([1, 4], 1)).toBeCloseTo(2, 12);
    expect(certaintyEquivalent([1, 4], 2)).toBeCloseTo(1.6, 12);
  });
  it('a sure amount is its own CE; zero wealth gives 0 for γ >= 1', () => {
    expect(certaintyEquivalent([7, 7, 7], 3)).toBeCloseTo(7, 12);
    expect(certaintyEquivalent([0, 7], 3)).toBe(0);
  });
  it('γ <= 0 is refused', () => {
    expect(() => certaintyEquivalent([1], 0)).toThrow(/γ must be > 0/);
  });
  it('CE value of stock: S = M on every path gives V = 1 at any w; S = M/2 gives 1/2 at w = 1', () => {
    const m = [0.8, 1.1, 1.6, 2.4];
    expect(certaintyEquivalentValue(m, m, 0.3, 3)).toBeCloseTo(1, 12);
    expect(certaintyEquivalentValue(m, m.map((x) => x / 2), 1, 3)).toBeCloseTo(0.5, 12);
  });
});
