import { describe, expect, it } from 'vitest';
import { DisabilityTrack, recoveryYears } from '../../src/plan/disability-track.js';
import type { DisabilityPlan } from '../../src/plan/simulation-plan.js';

// λ = 1 % a year for 3 onset years: free = 1, 0.99, 0.9801, 0.970299.
const plan: DisabilityPlan = {
  free: Float64Array.from([1, 0.99, 0.9801, 0.970299]),
  forcedY: -1,
  degree: 1,
  recovery: 0,
  uforetrygd: true,
  minLevelG: 2.28,
  endY: 10,
  accrualEndY: 8,
  waiver: true,
  hasPension: false,
  pensionBaseRate: 0,
  pensionAddG: 0,
  pensionUpperRate: 0,
  pensionWaitYears: 0,
  premiumRate: 0,
  historyPayG: 4,
};

describe('DisabilityTrack', () => {
  it('places the onset on the disability-free curve: year t when free[t+1] <= u < free[t]', () => {
    const t = new DisabilityTrack(plan);
    const onset = (u: number) => (t.start(u, 0), t.onset);
    expect(onset(0.995)).toBe(0); // P = 1 %: disabled from the first year
    expect(onset(0.99)).toBe(0);
    expect(onset(0.985)).toBe(1);
    expect(onset(0.975)).toBe(2);
    expect(onset(0.9703)).toBe(2);
    expect(onset(0.9702)).toBe(Infinity); // below free[3]: never within the 3 onset years
    expect(onset(0)).toBe(Infinity);
  });

  it('fixes the basis from the 5 years before the onset, the start pay in G before the start', () => {
    const t = new DisabilityTrack(plan);
    t.start(0.975, 0); // onset in year 2
    expect(t.savingYear(0, 700_000, 100_000)).toBe(false); // 7 G
    expect(t.savingYear(1, 500_000, 100_000)).toBe(false); // 5 G
    expect(t.savingYear(2, 800_000, 100_000)).toBe(true);
    // History: 4, 4, 4 (before the start), 7, 5 -> basis best 3 capped at 6: 6, 5, 4 = 5; assumed (12 G cap): 7, 5, 4 = 16/3.
    expect(t.basisG).toBeCloseTo(5, 12);
    expect(t.assumedG).toBeCloseTo(16 / 3, 12);
    expect(t.payAtOnset).toBe(800_000);
    expect(t.uforetrygd(2, 100_000)).toBeCloseTo(0.66 * 5 * 100_000, 6);
    expect(t.uforetrygd(9, 100_000)).toBeCloseTo(0.66 * 5 * 100_000, 6);
    expect(t.uforetrygd(10, 100_000)).toBe(0); // 67
  });

  it('recovers after a geometric number of years: P(more than k) = (1 − ρ)^k', () => {
    expect(recoveryYears(0, 0.5)).toBe(1);
    expect(recoveryYears(0.49, 0.5)).toBe(1);
    expect(recoveryYears(0.5, 0.5)).toBe(2);
    expect(recoveryYears(0.8, 0.5)).toBe(3); // ln 0.2 / ln 0.5 = 2.32
    expect(recoveryYears(0.999, 1)).toBe(1);
    const t = new DisabilityTrack({ ...plan, recovery: 0.5 });
    t.start(0.995, 0.8);
    expect([t.onset, t.off]).toEqual([0, 3]);
    expect([t.disabled(2), t.disabled(3)]).toEqual([true, false]);
  });
});
