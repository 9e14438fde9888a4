/**
 * K2013: Finanstilsynet's minimum mortality basis (2013) for Norwegian life insurance and pensions.
 *
 * Gompertz–Makeham base intensity for 2013 with an age-dependent yearly improvement rate
 * (coefficients from github.com/AndreasSlattelid/k13, citing Finanstilsynet; docs/model.md §5):
 *
 *   mu2013_M(x) = (0.241752 + 0.004536 · 10^(0.051·x)) / 1000
 *   mu2013_F(x) = (0.085411 + 0.003114 · 10^(0.051·x)) / 1000
 *   w_M(x)      = min(2.671548 − 0.172480·x + 0.001485·x², 0)   [% per year]
 *   w_F(x)      = min(1.287968 − 0.101090·x + 0.000814·x², 0)
 *   mu(x, Y)    = mu2013(x) · (1 + w(x)/100)^(Y − 2013)
 *   t_p_x       = exp(−∫_0^t mu(x+u, Y+u) du)                   (cohort diagonal)
 *
 * Pure functions of numbers; ages and calendar years may be fractional.
 * Golden values: G4 of docs/model.md §11 (test/rules/k2013.test.ts).
 */

export type Sex = 'male' | 'female';

/** Coefficients of one sex. w(x) = min(w0 + w1·x + w2·x², 0). */
interface K2013Coefficients {
  /** Makeham constant a (per mille). */
  readonly a: number;
  /** Gompertz scale b (per mille). */
  readonly b: number;
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  /**
   * Ages where the quadratic crosses 0, ascending: w(x) is continuous there but its derivative
   * jumps, so the integrator splits its pieces at these ages to keep every piece analytic.
   */
  readonly kinks: readonly number[];
}

/** Base year of the K2013 intensities. */
export const K2013_BASE_YEAR = 2013;

/** Gompertz exponent per year of age in base 10: 10^(0.051·x). */
const GOMPERTZ_LOG10_SLOPE = 0.051;

function quadraticRoots(c0: number, c1: number, c2: number): number[] {
  const disc = c1 * c1 - 4 * c2 * c0;
  if (disc <= 0) return [];
  const s = Math.sqrt(disc);
  return [(-c1 - s) / (2 * c2), (-c1 + s) / (2 * c2)].sort((p, q) => p - q);
}

function coefficients(a: number, b: number, w0: number, w1: number, w2: number): K2013Coefficients {
  return Object.freeze({ a, b, w0, w1, w2, kinks: Object.freeze(quadraticRoots(w0, w1, w2)) });
}

/** Male: kinks of w at ages ≈ 18.40 and ≈ 97.69. Female: ≈ 14.41 and ≈ 109.78. */
const COEFFICIENTS: Readonly<Record<Sex, K2013Coefficients>> = Object.freeze({
  male: coefficients(0.241752, 0.004536, 2.671548, -0.17248, 0.001485),
  female: coefficients(0.085411, 0.003114, 1.287968, -0.10109, 0.000814),
});

function coefficientsOf(sex: Sex): K2013Coefficients {
  // Runtime check: callers from untyped code (JSON scenarios) can pass anything.
  if (sex !== 'male' && sex !== 'female') {
    throw new RangeError(`k2013: sex must be 'male' or 'female', got ${JSON.stringify(sex)}`);
  }
  return COEFFICIENTS[sex];
}

function checkAge(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`k2013: ${name} must be a finite number >= 0, got ${value}`);
  }
}

function checkFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`k2013: ${name} must be a finite number, got ${value}`);
  }
}

function rawBase(c: K2013Coefficients, age: number): number {
  return (c.a + c.b * Math.pow(10, GOMPERTZ_LOG10_SLOPE * age)) / 1000;
}

function rawImprovement(c: K2013Coefficients, age: number): number {
  return Math.min(c.w0 + c.w1 * age + c.w2 * age * age, 0);
}

function rawIntensity(c: K2013Coefficients, age: number, calendarYear: number): number {
  return rawBase(c, age) * Math.pow(1 + rawImprovement(c, age) / 100, calendarYear - K2013_BASE_YEAR);
}

/**
 * Base intensity mu2013(x): the K2013 force of mortality at age x in calendar year 2013.
 * Formula: (a + b · 10^(0.051·x)) / 1000 with (a, b) = (0.241752, 0.004536) male,
 * (0.085411, 0.003114) female.
 * Example (golden case G4, docs/model.md §11): baseIntensity2013('male', 60) ≈ 0.005450; ('female', 60) ≈ 0.003661.
 */
export function baseIntensity2013(sex: Sex, age: number): number {
  const c = coefficientsOf(sex);
  checkAge('age', age);
  return rawBase(c, age);
}

/**
 * Improvement rate w(x): the yearly change of the intensity at age x, in percent per year (<= 0).
 * Formula: w_M(x) = min(2.671548 − 0.172480·x + 0.001485·x², 0),
 *          w_F(x) = min(1.287968 − 0.101090·x + 0.000814·x², 0).
 * Zero for male ages outside ≈ (18.40, 97.69) and female ages outside ≈ (14.41, 109.78).
 * Example: improvementRate('male', 60) ≈ −2.331252 (% per year); improvementRate('male', 10) = 0.
 */
export function improvementRate(sex: Sex, age: number): number {
  const c = coefficientsOf(sex);
  checkAge('age', age);
  return rawImprovement(c, age);
}

/**
 * Intensity mu(x, Y): the K2013 force of mortality at age x in calendar year Y (Y may be fractional).
 * Formula: mu(x, Y) = mu2013(x) · (1 + w(x)/100)^(Y − 2013).
 * Example: intensity('male', 60, 2025) ≈ 0.0041063 (= 0.0054498 · (1 − 0.02331252)^12).
 */
export function intensity(sex: Sex, age: number, calendarYear: number): number {
  const c = coefficientsOf(sex);
  checkAge('age', age);
  checkFinite('calendarYear', calendarYear);
  return rawIntensity(c, age, calendarYear);
}

/**
 * Largest sub-interval (in years) of the composite Simpson rule used for cumulative hazards.
 * Error bound per smooth piece of length L: |E| <= L · h⁴ / 180 · max|f⁗| (see survivalProbability).
 */
export const SIMPSON_MAX_STEP = 1 / 16;

/**
 * Composite Simpson integral of f over [a, b] with an even number m of equal sub-intervals,
 * m = 2·ceil((b − a) / (2·maxStep)), h = (b − a)/m <= maxStep:
 * ∫ f ≈ h/3 · (f(a) + 4 f(a+h) + 2 f(a+2h) + … + 4 f(b−h) + f(b)).
 * Exact (up to rounding) for cubic polynomials, in particular for a constant intensity:
 * integrateSimpson(() => 0.02, 0, 3) ≈ 0.06.
 * Returns 0 when b <= a. Internal helper, exported for tests.
 */
export function integrateSimpson(
  f: (u: number) => number,
  a: number,
  b: number,
  maxStep: number = SIMPSON_MAX_STEP,
): number {
  if (!(b > a)) return 0;
  if (!(maxStep > 0)) throw new RangeError(`k2013: maxStep must be > 0, got ${maxStep}`);
  const m = 2 * Math.ceil((b - a) / (2 * maxStep));
  const h = (b - a) / m;
  let odd = 0;
  let even = 0;
  for (let i = 1; i < m; i++) {
    const y = f(a + i * h);
    if ((i & 1) === 1) odd += y;
    else even += y;
  }
  return (h / 3) * (f(a) + 4 * odd + 2 * even + f(b));
}

/**
 * ∫_{t0}^{t1} mu(age+u, year+u) du, split at the kinks of w so each Simpson piece is analytic.
 */
function cohortHazard(c: K2013Coefficients, age: number, year: number, t0: number, t1: number): number {
  const f = (u: number): number => rawIntensity(c, age + u, year + u);
  let total = 0;
  let from = t0;
  for (const kinkAge of c.kinks) {
    const u = kinkAge - age;
    if (u > from && u < t1) {
      total += integrateSimpson(f, from, u);
      from = u;
    }
  }
  return total + integrateSimpson(f, from, t1);
}

/**
 * Cumulative hazard Λ(t) = ∫_0^t mu(x+u, Y+u) du along the cohort diagonal, so that t_p_x = e^(−Λ).
 * Integrated year by year (pieces [k, k+1] summed in order, then [floor(t), t]), so it agrees
 * bit for bit with survivalCurve at integer t.
 * Example: cumulativeHazard('male', 60, 2025, 1) ≈ 0.0042960 (= −ln(1 − 0.004287)).
 */
export function cumulativeHazard(sex: Sex, age: number, year: number, t: number): number {
  const c = coefficientsOf(sex);
  checkAge('age', age);
  checkFinite('year', year);
  checkAge('t', t);
  const whole = Math.floor(t);
  let hazard = 0;
  for (let k = 0; k < whole; k++) hazard += cohortHazard(c, age, year, k, k + 1);
  return hazard + cohortHazard(c, age, year, whole, t);
}

/**
 * Survival probability t_p_x for a person aged `age` at the start of calendar year `year`, following
 * the cohort diagonal (age and calendar time advance together).
 * Formula: t_p_x = exp(−∫_0^t mu(x+u, Y+u) du).
 *
 * Integration rule: composite Simpson with step h <= 1/16 year on pieces split at whole years and at
 * the ages where w(x) reaches 0 (there the integrand is continuous but not smooth). On each piece the
 * integrand f(u) = mu(x+u, Y+u) is analytic and |E| <= L · h⁴/180 · max|f⁗|. Along the diagonal,
 * for ages 0..130 and calendar years 1950..2200, |f⁗| / f < 0.02 and |d ln f / du| < 0.34 (sampled on
 * a 0.25-year × 10-year grid; the worst case is male age ≈ 97.5 in 2200; the Gompertz factor alone
 * gives (0.051·ln 10)⁴ ≈ 1.9e−4, the rest comes from the improvement factor). So f varies by less than
 * e^0.34 ≈ 1.4 within a year and the relative error of a one-year hazard is below
 * 16⁻⁴/180 · 0.02 · 1.4 ≈ 2.4e−9; the relative error of q = 1 − e^(−Λ) is no larger than that of Λ.
 * The golden q values have 4 significant digits (relative resolution 5e−5 or coarser): the
 * integration error is more than four orders of magnitude below the golden digits.
 * A constant intensity is integrated exactly up to rounding (Simpson is exact for cubics).
 *
 * Example (golden case G4): survivalProbability('male', 60, 2025, 1) ≈ 0.995713 (= 1 − 0.004287).
 */
export function survivalProbability(sex: Sex, age: number, year: number, t: number): number {
  return Math.exp(-cumulativeHazard(sex, age, year, t));
}

/**
 * One-year death probability q_x for a person aged `age` on 1 January of `year` (cohort diagonal).
 * Formula: q_x = 1 − 1_p_x = −expm1(−∫_0^1 mu(x+u, Y+u) du).
 * Example (golden case G4): deathProbability('male', 60, 2025) ≈ 0.004287;
 * deathProbability('female', 100, 2025) ≈ 0.3185.
 */
export function deathProbability(sex: Sex, age: number, year: number): number {
  return -Math.expm1(-cumulativeHazard(sex, age, year, 1));
}

/**
 * Survival curve: t_p_x for t = 0, 1, …, n in one Float64Array of length n + 1 (curve[0] = 1).
 * Formula: curve[t] = exp(−Σ_{k<t} ∫_k^{k+1} mu(x+u, Y+u) du); equal bit for bit to
 * survivalProbability(sex, age, year, t).
 * Example: survivalCurve('female', 60, 2025, 2)[1] ≈ 0.996933 (= 1 − 0.003067, golden case G4).
 */
export function survivalCurve(sex: Sex, age: number, year: number, n: number): Float64Array {
  const c = coefficientsOf(sex);
  checkAge('age', age);
  checkFinite('year', year);
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`k2013: n must be an integer >= 0, got ${n}`);
  }
  const curve = new Float64Array(n + 1);
  curve[0] = 1;
  let hazard = 0;
  for (let k = 0; k < n; k++) {
    hazard += cohortHazard(c, age, year, k, k + 1);
    curve[k + 1] = Math.exp(-hazard);
  }
  return curve;
}

/**
 * Number of whole-year payment dates before the limiting age: k = 0, 1, … with age + k < maxAge.
 */
function yearsBelow(age: number, maxAge: number): number {
  checkAge('age', age);
  checkFinite('maxAge', maxAge);
  if (!(age < maxAge)) {
    throw new RangeError(`k2013: age must be below maxAge, got age ${age} and maxAge ${maxAge}`);
  }
  return Math.ceil(maxAge - age);
}

/**
 * Curtate expected remaining lifetime e_x: expected number of whole years still to be lived, with
 * maxAge as limiting age ω (nobody is alive at ω; default 120).
 * Formula: e_x = Σ_{k >= 1, x + k < ω} k_p_x (cohort diagonal from 1 January of `year`).
 * The complete expectation is about e_x + 1/2.
 * Example: expectedRemainingLifetime('male', 67, 2025) ≈ 18.90.
 */
export function expectedRemainingLifetime(sex: Sex, age: number, year: number, maxAge = 120): number {
  const n = yearsBelow(age, maxAge);
  const curve = survivalCurve(sex, age, year, n - 1);
  let sum = 0;
  for (let k = 1; k < n; k++) sum += curve[k]!;
  return sum;
}

/**
 * Life annuity factor: present value at yearly rate i of 1 a year paid while alive, at ages below the
 * limiting age maxAge (default 120), v = 1/(1+i).
 * Formula, timing 'due' (default, paid at the start of each year, first payment now):
 *   ä_x = Σ_{k >= 0, x + k < ω} v^k · k_p_x;
 * timing 'immediate' (paid in arrears, at the end of each year survived):
 *   a_x = Σ_{k >= 1, x + k < ω} v^k · k_p_x = ä_x − 1.
 * At i = 0, ä_x = 1 + e_x (curtate expectation, expectedRemainingLifetime).
 * Example: annuityFactor('male', 67, 2025, 0.03) ≈ 14.71 ('immediate': ≈ 13.71).
 */
export function annuityFactor(
  sex: Sex,
  age: number,
  year: number,
  rate: number,
  opts: { timing?: 'due' | 'immediate'; maxAge?: number } = {},
): number {
  const timing = opts.timing ?? 'due';
  if (timing !== 'due' && timing !== 'immediate') {
    throw new RangeError(`k2013: timing must be 'due' or 'immediate', got ${JSON.stringify(timing)}`);
  }
  if (!Number.isFinite(rate) || rate <= -1) {
    throw new RangeError(`k2013: rate must be a finite number > -1, got ${rate}`);
  }
  const n = yearsBelow(age, opts.maxAge ?? 120);
  const curve = survivalCurve(sex, age, year, n - 1);
  const v = 1 / (1 + rate);
  let sum = 0;
  for (let k = timing === 'due' ? 0 : 1; k < n; k++) sum += Math.pow(v, k) * curve[k]!;
  return sum;
}
