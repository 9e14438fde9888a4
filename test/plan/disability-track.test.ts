import { describe, expect, it } from 'vitest';
import { degreeOf } from '../../src/plan/compile-disability.js';
import { DisabilityTrack, drawnDegree, recoveryYears } from '../../src/plan/disability-track.js';
import { Disability } from '../../src/scenario/disability-schema.js';
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
  degreeValues: null,
  degreeCum: null,
  groupFans: false,
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

describe('a drawn degree', () => {
  it('compiles a table to its degrees, cumulative shares (the last exactly 1) and mean', () => {
    const d = degreeOf(Disability.parse({ degree: { kind: 'drawn', table: [{ degree: 1, share: 0.8 }, { degree: 0.5, share: 0.2 }] } }));
    expect(Array.from(d.degreeValues!)).toEqual([1, 0.5]);
    expect(Array.from(d.degreeCum!)).toEqual([0.8, 1]);
    expect(d.degree).toBeCloseTo(0.9, 15); // 0.8 · 1 + 0.2 · 0.5
    expect(degreeOf(Disability.parse({ degree: 0.6 }))).toEqual({ degree: 0.6, degreeValues: null, degreeCum: null });
  });

  it('draws row i when cum[i−1] <= u < cum[i], and the track takes it with uføretrygd times it', () => {
    const values = Float64Array.from([1, 0.7, 0.5]);
    const cum = Float64Array.from([0.5, 0.8, 1]);
    expect([0, 0.4999, 0.5, 0.7999, 0.8, 0.9999].map((u) => drawnDegree(u, values, cum))).toEqual([1, 1, 0.7, 0.7, 0.5, 0.5]);
    const t = new DisabilityTrack({ ...plan, degreeValues: values, degreeCum: cum });
    t.start(0.995, 0, 0.85); // onset in year 0, degree 0.5
    expect(t.degree).toBe(0.5);
    t.savingYear(0, 400_000, 100_000);
    // Basis 4 G (the start pay): 66 % · 4 G = 2.64 G ≥ 2.28 G; times 0.5 at G 100 000 = 132 000.
    expect(t.uforetrygd(0, 100_000)).toBeCloseTo(132_000, 6);
    t.start(0.995, 0, 0.2);
    expect(t.degree).toBe(1);
  });
});
