/**
 * Cross-field rules that a schema cannot express: ages in order, payout period, weights that sum
 * to 1, a valid correlation matrix. Returns every problem, with its field path.
 */
import { G_FIRST_YEAR } from '../rules/no/grunnbelop.js';
import { FIRST_NEW_MODEL_COHORT } from '../rules/no/folketrygd.js';
import { PAYOUT_START_MAX, PAYOUT_START_MIN, payoutPeriodProblems } from '../rules/no/payout-period.js';
import type { Scenario } from './schema.js';
import { correlationMatrixProblems } from './correlation-problems.js';
import type { Problem } from '../base/user-error.js';
import { returnsProblems } from './validate-returns.js';
import { disabilityProblems } from './validate-disability.js';

const WEIGHT_SUM_TOLERANCE = 1e-9;
const MAX_AGE = 120;

/** The start age and year implied by the person block (either may be given; both must agree). */
export function startOf(person: Scenario['person']): { startAge: number; startYear: number } {
  const startAge = person.startAge ?? (person.startYear ?? 0) - person.birthYear;
  return { startAge, startYear: person.birthYear + startAge };
}

export function validateScenario(s: Scenario): Problem[] {
  const problems = [...personProblems(s), ...profileProblems(s), ...payoutProblems(s), ...lifeProblems(s), ...returnsProblems(s)];
  return s.disability ? [...problems, ...disabilityProblems(s, startOf(s.person).startAge)] : problems;
}

function personProblems(s: Scenario): Problem[] {
  const p = s.person;
  const out: Problem[] = [];
  if (p.startAge === undefined && p.startYear === undefined) {
    out.push({ path: 'person', message: 'give startAge or startYear (the first simulated year)' });
    return out;
  }
  if (p.startAge !== undefined && p.startYear !== undefined && p.birthYear + p.startAge !== p.startYear) {
    out.push({
      path: 'person.startYear',
      message: `startYear ${p.startYear} does not match birthYear ${p.birthYear} + startAge ${p.startAge}; give one of them`,
    });
  }
  const { startAge, startYear } = startOf(p);
  if (startAge < 13 || startAge > 75) {
    out.push({ path: 'person.startAge', message: `the start age must be between 13 and 75; got ${startAge}` });
  }
  if (startYear < G_FIRST_YEAR) {
    out.push({
      path: 'person.startYear',
      message: `the first simulated year must be ${G_FIRST_YEAR} or later (the built-in G table starts there); got ${startYear}`,
    });
  }
  if (p.retirementAge <= startAge) {
    out.push({
      path: 'person.retirementAge',
      message: `the retirement age (${p.retirementAge}) must be above the start age (${startAge})`,
    });
  }
  if (p.retirementAge > 75) {
    out.push({ path: 'person.retirementAge', message: `the retirement age must be at most 75; got ${p.retirementAge}` });
  }
  p.careerBreaks.forEach((b, i) => {
    if (b.fromAge > b.toAge || b.fromAge < startAge || b.toAge >= p.retirementAge) {
      out.push({
        path: `person.careerBreaks[${i}]`,
        message: `a career break needs startAge (${startAge}) <= fromAge <= toAge < retirementAge (${p.retirementAge}); got ${b.fromAge}..${b.toAge}`,
      });
    }
  });
  return out;
}

export function profileProblems(s: Pick<Scenario, 'profile'>): Problem[] {
  const { assets, correlation, weights, glidePath } = s.profile;
  const out: Problem[] = [];
  const names = assets.map((a) => a.name);
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) out.push({ path: `profile.assets[${i}].name`, message: `asset name "${n}" is used twice` });
  });
  if ((weights === undefined) === (glidePath === undefined)) {
    out.push({ path: 'profile', message: 'give exactly one of weights (fixed) or glidePath (weights by age)' });
  }
  if (weights) out.push(...weightProblems(weights, names, 'profile.weights'));
  glidePath?.forEach((point, i) => {
    out.push(...weightProblems(point.weights, names, `profile.glidePath[${i}].weights`));
    if (i > 0 && point.age <= glidePath[i - 1]!.age) {
      out.push({ path: `profile.glidePath[${i}].age`, message: 'glide path ages must be strictly increasing' });
    }
  });
  if (correlation) out.push(...correlationMatrixProblems(correlation, assets.length, 'profile.correlation'));
  return out;
}

export function weightProblems(weights: Record<string, number>, names: string[], path: string): Problem[] {
  const out: Problem[] = [];
  for (const key of Object.keys(weights)) {
    if (!names.includes(key)) {
      out.push({ path: `${path}.${key}`, message: `no asset named "${key}"; assets are ${names.join(', ')}` });
    }
  }
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    out.push({ path, message: `weights must sum to 1; they sum to ${sum}` });
  }
  return out;
}

function payoutProblems(s: Scenario): Problem[] {
  const start = s.payout.startAge ?? s.person.retirementAge;
  const startPath = s.payout.startAge === undefined ? 'person.retirementAge' : 'payout.startAge';
  const out: Problem[] = [];
  if (start < s.person.retirementAge) {
    out.push({
      path: 'payout.startAge',
      message: `payout while still contributing is not modelled: the payout start (${start}) must be at or after the retirement age (${s.person.retirementAge})`,
    });
  }
  if (s.plan.kind === 'no-hybrid') {
    if (s.payout.method.kind !== 'lifelong') out.push({ path: 'payout.method.kind', message: 'a hybrid pension is paid for life: use { kind: "lifelong", technicalRate }' });
    if (s.payout.years !== undefined) out.push({ path: 'payout.years', message: 'a lifelong payout has no period: remove payout.years' });
    if (start < PAYOUT_START_MIN || start > PAYOUT_START_MAX) {
      out.push({ path: startPath, message: `payout must start between age ${PAYOUT_START_MIN} and ${PAYOUT_START_MAX}; got ${start}` });
    }
    if (s.payout.graded) out.push({ path: 'payout.graded', message: 'graded withdrawal applies to DC capital, not to a hybrid pension' });
    return out;
  }
  if (s.payout.method.kind === 'lifelong') {
    out.push({ path: 'payout.method.kind', message: 'a lifelong payout belongs to the hybrid plan; DC capital is paid over a period: use "level-annuity" or "balance-over-remaining-years"' });
    return out;
  }
  if (s.payout.years === undefined) {
    out.push({ path: 'payout.years', message: 'is required for a DC payout (at least 10 years, not ending before 77)' });
    return out;
  }
  const years = s.payout.years;
  out.push(...payoutPeriodProblems(start, years).map(({ field, message }) => ({ path: field === 'startAge' ? startPath : `payout.${field}`, message })));
  if (start + years > MAX_AGE) {
    out.push({ path: 'payout.years', message: `the payout must end by age ${MAX_AGE}; it ends at ${start + years}` });
  }
  const graded = s.payout.graded;
  if (graded && (graded.fullFromAge <= start || graded.fullFromAge >= start + years)) {
    out.push({ path: 'payout.graded.fullFromAge', message: `must be after the payout start (${start}) and before its end (${start + years}); got ${graded.fullFromAge}` });
  }
  return out;
}

/** Sex where a mortality table is needed; the folketrygd's new-model cohorts; its withdrawal age. */
function lifeProblems(s: Scenario): Problem[] {
  const out: Problem[] = [];
  if (s.person.sex === undefined) {
    if (s.plan.kind === 'no-hybrid') out.push({ path: 'person.sex', message: 'is required for a hybrid pension (the K2013 annuity factor and the women\'s uplift depend on it): "male" or "female"' });
    else if (s.mortality) out.push({ path: 'person.sex', message: 'is required for lifetime risk (K2013 differs by sex): "male" or "female"' });
  }
  if (s.survivors && !s.mortality) {
    out.push({ path: 'survivors', message: 'the survivors\' benefits follow a death: they need lifetime risk (add "mortality": { "table": "K2013" })' });
  }
  if (s.folketrygd) {
    if (s.person.birthYear < FIRST_NEW_MODEL_COHORT) {
      out.push({ path: 'folketrygd', message: `the folketrygd module models the new rules for people born ${FIRST_NEW_MODEL_COHORT} or later; birthYear is ${s.person.birthYear}` });
    }
    const age = s.folketrygd.withdrawalAge ?? s.payout.startAge ?? s.person.retirementAge;
    if (age < PAYOUT_START_MIN || age > PAYOUT_START_MAX) {
      out.push({ path: 'folketrygd.withdrawalAge', message: `must be between ${PAYOUT_START_MIN} and ${PAYOUT_START_MAX}; got ${age}` });
    }
  }
  return out;
}
