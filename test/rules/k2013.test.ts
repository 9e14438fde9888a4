import { describe, it, expect } from 'vitest';
import {
  annuityFactor,
  baseIntensity2013,
  cumulativeHazard,
  deathProbability,
  expectedRemainingLifetime,
  improvementRate,
  integrateSimpson,
  intensity,
  SIMPSON_MAX_STEP,
  survivalCurve,
  survivalProbability,
  type Sex,
} from '../../src/rules/no/k2013.js';

const SEXES: readonly Sex[] = ['male', 'female'];

/**
 * Asserts that `actual` agrees with `expected` to `digits` significant digits: the difference is at
 * most half a unit in the `digits`-th significant digit of `expected`.
 */
function expectSignificant(actual: number, expected: number, digits: number): void {
  const unit = Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - digits + 1);
  expect(Math.abs(actual - expected), `${actual} vs ${expected} to ${digits} significant digits`).toBeLessThanOrEqual(
    unit / 2,
  );
}

/** Makeham-Gompertz coefficients (per mille) of DOMAIN.md 1.6, for closed forms where w(x) = 0. */
const MAKEHAM: Record<Sex, { a: number; b: number }> = {
  male: { a: 0.241752, b: 0.004536 },
  female: { a: 0.085411, b: 0.003114 },
};
/** Gompertz rate per year in base e: 10^(0.051·x) = e^(C·x). */
const C = 0.051 * Math.LN10;

/** Ages where w(x) reaches 0 (roots of the quadratic of DOMAIN.md 1.6). */
function kinks(w0: number, w1: number, w2: number): [number, number] {
  const s = Math.sqrt(w1 * w1 - 4 * w2 * w0);
  return [(-w1 - s) / (2 * w2), (-w1 + s) / (2 * w2)];
}
const KINKS: Record<Sex, [number, number]> = {
  male: kinks(2.671548, -0.17248, 0.001485),
  female: kinks(1.287968, -0.10109, 0.000814),
};

describe('K2013 golden values (GOLDEN.md G4)', () => {
  // GOLDEN.md G4: base intensity mu2013 to 6 decimals and one-year death probability q for a person
  // aged x on 1 Jan 2025, integrated along the cohort diagonal.
  const G4: ReadonlyArray<{ age: number; muM: number; muF: number; qM: number; qF: number }> = [
    { age: 60, muM: 0.00545, muF: 0.003661, qM: 0.004287, qF: 0.003067 },
    { age: 70, muM: 0.017095, muF: 0.011655, qM: 0.01379, qF: 0.00981 },
    { age: 80, muM: 0.054776, muF: 0.037524, qM: 0.046445, qF: 0.032116 },
    { age: 90, muM: 0.176713, muF: 0.121234, qM: 0.156447, qF: 0.104794 },
    { age: 100, muM: 0.57129, muF: 0.392115, qM: 0.454565, qF: 0.318542 },
  ];

  for (const g of G4) {
    it(`mu2013 at age ${g.age} to 6 decimals`, () => {
      expect(baseIntensity2013('male', g.age)).toBeCloseTo(g.muM, 6);
      expect(baseIntensity2013('female', g.age)).toBeCloseTo(g.muF, 6);
    });
    it(`q at age ${g.age} on 1 Jan 2025 to 4 significant digits`, () => {
      expectSignificant(deathProbability('male', g.age, 2025), g.qM, 4);
      expectSignificant(deathProbability('female', g.age, 2025), g.qF, 4);
    });
  }
});

describe('K2013 doc-comment examples', () => {
  it('improvementRate', () => {
    expect(improvementRate('male', 60)).toBeCloseTo(2.671548 - 0.17248 * 60 + 0.001485 * 3600, 12);
    expect(improvementRate('male', 60)).toBeCloseTo(-2.331252, 9);
    expect(improvementRate('male', 10)).toBe(0);
    for (const sex of SEXES) {
      for (let age = 0; age <= 130; age += 0.5) expect(improvementRate(sex, age)).toBeLessThanOrEqual(0);
    }
  });
  it('intensity = mu2013 · (1 + w/100)^(Y − 2013)', () => {
    expect(intensity('male', 60, 2025)).toBeCloseTo(0.0041063, 7);
    expect(intensity('male', 60, 2025)).toBeCloseTo(
      baseIntensity2013('male', 60) * Math.pow(1 - 2.331252 / 100, 12),
      12,
    );
    expect(intensity('female', 75, 2013)).toBe(baseIntensity2013('female', 75));
  });
  it('cumulativeHazard, survivalProbability, survivalCurve, deathProbability', () => {
    expect(cumulativeHazard('male', 60, 2025, 1)).toBeCloseTo(0.004296, 6);
    expect(survivalProbability('male', 60, 2025, 1)).toBeCloseTo(0.995713, 6);
    expect(survivalCurve('female', 60, 2025, 2)[1]).toBeCloseTo(0.996933, 6);
    expect(deathProbability('male', 60, 2025)).toBeCloseTo(0.004287, 6);
    expectSignificant(deathProbability('female', 100, 2025), 0.3185, 4);
  });
  it('expectedRemainingLifetime and annuityFactor', () => {
    expect(expectedRemainingLifetime('male', 67, 2025)).toBeCloseTo(18.9, 2);
    expect(annuityFactor('male', 67, 2025, 0.03)).toBeCloseTo(14.71, 2);
    expect(annuityFactor('male', 67, 2025, 0.03, { timing: 'immediate' })).toBeCloseTo(13.71, 2);
  });
  it('integrateSimpson of a constant', () => {
    expect(integrateSimpson(() => 0.02, 0, 3)).toBeCloseTo(0.06, 15);
  });
});

describe('K2013 closed forms', () => {
  it('constant intensity: Simpson is exact, so exp(−∫mu) = exp(−mu·t) up to rounding', () => {
    // Simpson's error term is L·h⁴/180·f⁗ = 0 for a constant f, so only rounding remains:
    // m + 1 terms summed plus a few operations, each with relative error <= ε.
    for (const mu of [0.0041, 0.05, 0.6]) {
      for (const t of [0.25, 0.75, 1, 2.5]) {
        const m = 2 * Math.ceil(t / (2 * SIMPSON_MAX_STEP));
        const tolerance = (m + 8) * Number.EPSILON * mu * t;
        const integral = integrateSimpson(() => mu, 0, t);
        expect(Math.abs(integral - mu * t)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(Math.exp(-integral) - Math.exp(-mu * t))).toBeLessThanOrEqual(tolerance);
      }
    }
  });

  // Where w(x) = 0 (male ages above ≈ 97.69 or below ≈ 18.40; female above ≈ 109.78 or below ≈ 14.41)
  // the intensity is pure Makeham, mu = (a + b·e^(C·x))/1000, independent of the calendar year, and
  // Λ(t) = (a·t + b·(e^(C·(x+t)) − e^(C·x))/C) / 1000 exactly.
  // Tolerance from Simpson's error bound: |E| <= t · h⁴/180 · max f⁗ with f⁗ = b/1000 · C⁴ · e^(C·x)
  // maximal at x + t, h <= SIMPSON_MAX_STEP, plus rounding of the ~17 evaluations per year; then
  // |e^(−Λ̂) − e^(−Λ)| <= e^(−Λ + |E|) · |E|.
  const cases: ReadonlyArray<{ sex: Sex; age: number; t: number }> = [
    { sex: 'male', age: 100, t: 5 },
    { sex: 'male', age: 98, t: 0.5 },
    { sex: 'male', age: 2, t: 16 },
    { sex: 'female', age: 110, t: 3.25 },
    { sex: 'female', age: 0, t: 14 },
  ];
  for (const { sex, age, t } of cases) {
    it(`Makeham region: ${sex} aged ${age}, t = ${t}`, () => {
      const [low, high] = KINKS[sex];
      expect(age + t < low || age > high).toBe(true);
      const { a, b } = MAKEHAM[sex];
      const exact = (a * t + (b * (Math.exp(C * (age + t)) - Math.exp(C * age))) / C) / 1000;
      const h = SIMPSON_MAX_STEP;
      const f4max = (b / 1000) * C ** 4 * Math.exp(C * (age + t));
      const evaluations = 17 * Math.ceil(t) + 1;
      const bound = (t * h ** 4 * f4max) / 180 + (evaluations + 8) * Number.EPSILON * exact;
      for (const year of [1990, 2025, 2100]) {
        expect(Math.abs(cumulativeHazard(sex, age, year, t) - exact)).toBeLessThanOrEqual(bound);
        expect(Math.abs(survivalProbability(sex, age, year, t) - Math.exp(-exact))).toBeLessThanOrEqual(
          Math.exp(-exact + bound) * bound,
        );
      }
    });
  }

  it('one-year hazards in the improvement region agree with a 16× finer Simpson within the stated bound', () => {
    // Doc of survivalProbability: |E| <= L·h⁴/180·max|f⁗| with |f⁗| < 0.02·f and f varying by < e^0.34
    // over a year. The reference with h/16 has an error 16⁴ times smaller.
    for (const sex of SEXES) {
      for (const age of [30, 60, 70, 80, 90, 100]) {
        const f = (u: number): number => intensity(sex, age + u, 2025 + u);
        const reference = integrateSimpson(f, 0, 1, SIMPSON_MAX_STEP / 16);
        const bound = (SIMPSON_MAX_STEP ** 4 / 180) * 0.02 * f(1) * Math.exp(0.34) * (1 + 16 ** -4);
        expect(Math.abs(cumulativeHazard(sex, age, 2025, 1) - reference)).toBeLessThanOrEqual(
          bound + 64 * Number.EPSILON * reference,
        );
      }
    }
  });

  it('a year containing the kink of w (male ≈ 97.69) equals the sum of the two smooth pieces', () => {
    const kink = KINKS.male[1];
    // w is continuous at the kink: |w(kink ± δ)| <= |w'|·δ with w'(x) = −0.17248 + 0.00297·x ≈ 0.118 there.
    expect(Math.abs(improvementRate('male', kink - 1e-6))).toBeLessThanOrEqual(0.12e-6);
    expect(improvementRate('male', kink + 1e-6)).toBe(0);
    expect(improvementRate('male', kink - 0.5)).toBeLessThan(0);
    expect(improvementRate('male', kink + 0.5)).toBe(0);
    const age = 97;
    const f = (u: number): number => intensity('male', age + u, 2025 + u);
    const split = kink - age;
    const reference =
      integrateSimpson(f, 0, split, SIMPSON_MAX_STEP / 16) + integrateSimpson(f, split, 1, SIMPSON_MAX_STEP / 16);
    const bound = (SIMPSON_MAX_STEP ** 4 / 180) * 0.02 * f(1) * Math.exp(0.34) * (1 + 16 ** -4);
    expect(Math.abs(cumulativeHazard('male', age, 2025, 1) - reference)).toBeLessThanOrEqual(
      bound + 64 * Number.EPSILON * reference,
    );
  });
});

describe('K2013 properties and identities', () => {
  it('survival decreases in t (whole years and fractional t)', () => {
    for (const sex of SEXES) {
      const curve = survivalCurve(sex, 30, 2025, 90);
      expect(curve[0]).toBe(1);
      for (let t = 1; t <= 90; t++) expect(curve[t]!).toBeLessThan(curve[t - 1]!);
      let previous = 1;
      for (let t = 0.1; t <= 12; t += 0.1) {
        const p = survivalProbability(sex, 62.5, 2030.25, t);
        expect(p).toBeLessThan(previous);
        previous = p;
      }
    }
  });

  it('survivalCurve equals survivalProbability at whole years, bit for bit', () => {
    for (const sex of SEXES) {
      const curve = survivalCurve(sex, 45.5, 2025, 70);
      for (let t = 0; t <= 70; t++) expect(curve[t]).toBe(survivalProbability(sex, 45.5, 2025, t));
    }
  });

  it('q increases with age from 40 to 100', () => {
    for (const sex of SEXES) {
      for (let age = 40; age < 100; age++) {
        expect(deathProbability(sex, age + 1, 2025)).toBeGreaterThan(deathProbability(sex, age, 2025));
      }
    }
  });

  it('female q < male q at every age 30..100', () => {
    for (let age = 30; age <= 100; age++) {
      expect(deathProbability('female', age, 2025)).toBeLessThan(deathProbability('male', age, 2025));
    }
  });

  it('annuity-due at rate 0 = 1 + curtate expectation; immediate = due − 1', () => {
    for (const sex of SEXES) {
      for (const age of [25, 62, 67, 90, 119]) {
        for (const maxAge of [110, 120]) {
          if (age >= maxAge) continue;
          const due0 = annuityFactor(sex, age, 2025, 0, { maxAge });
          const e = expectedRemainingLifetime(sex, age, 2025, maxAge);
          // Same terms, summed in a different order: rounding only, <= (number of terms)·ε relative.
          const tolerance = (maxAge - age + 2) * Number.EPSILON * due0;
          expect(Math.abs(due0 - (1 + e))).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(annuityFactor(sex, age, 2025, 0, { maxAge, timing: 'immediate' }) - e)).toBeLessThanOrEqual(
            tolerance,
          );
          const due = annuityFactor(sex, age, 2025, 0.03, { maxAge, timing: 'due' });
          const immediate = annuityFactor(sex, age, 2025, 0.03, { maxAge, timing: 'immediate' });
          expect(Math.abs(due - 1 - immediate)).toBeLessThanOrEqual(tolerance);
        }
      }
    }
  });

  it('annuity factor decreases in the rate', () => {
    for (const sex of SEXES) {
      for (const timing of ['due', 'immediate'] as const) {
        let previous = Infinity;
        for (let i = 0; i <= 20; i++) {
          const a = annuityFactor(sex, 62, 2025, i * 0.005, { timing });
          expect(a).toBeLessThan(previous);
          previous = a;
        }
      }
    }
  });

  it('expected remaining lifetime: curtate, bounded by maxAge − age − 1, decreasing in age', () => {
    for (const sex of SEXES) {
      let previous = Infinity;
      for (let age = 20; age < 119; age++) {
        const e = expectedRemainingLifetime(sex, age, 2025);
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(120 - age - 1);
        expect(e).toBeLessThan(previous);
        previous = e;
      }
      expect(expectedRemainingLifetime(sex, 119, 2025)).toBe(0);
    }
    expect(expectedRemainingLifetime('female', 67, 2025)).toBeGreaterThan(expectedRemainingLifetime('male', 67, 2025));
  });

  it('improvement: a later cohort at the same age has lower q (ages 30..95)', () => {
    for (const sex of SEXES) {
      for (let age = 30; age <= 95; age += 5) {
        expect(deathProbability(sex, age, 2040)).toBeLessThan(deathProbability(sex, age, 2025));
      }
    }
  });
});

describe('K2013 bad input', () => {
  it('throws RangeError naming the argument', () => {
    expect(() => baseIntensity2013('other' as Sex, 60)).toThrow(RangeError);
    expect(() => baseIntensity2013('male', -1)).toThrow(/age/);
    expect(() => intensity('male', 60, Number.NaN)).toThrow(/calendarYear/);
    expect(() => survivalProbability('male', 60, 2025, -0.5)).toThrow(/\bt\b/);
    expect(() => survivalCurve('male', 60, 2025, 2.5)).toThrow(/\bn\b/);
    expect(() => annuityFactor('male', 60, 2025, -1)).toThrow(/rate/);
    expect(() => annuityFactor('male', 60, 2025, 0.03, { timing: 'later' as 'due' })).toThrow(/timing/);
    expect(() => expectedRemainingLifetime('male', 120, 2025)).toThrow(/maxAge/);
  });
});
