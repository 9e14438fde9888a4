/**
 * Cross-field rules of a US scenario: ages and years (the limits table starts in 2020), match tiers
 * in order without overlap, the profile (shared with the Norwegian rules), and the employer-stock
 * block where the plan or the employment rules need it. Returns every problem with its field path.
 */
import { matchTierProblems } from '../rules/us/match-formula.js';
import { US_LIMITS_FIRST_YEAR } from '../rules/us/limits.js';
import type { UsScenario } from './us-schema.js';
import type { Problem } from '../base/user-error.js';
import { profileProblems, startOf } from './validate-scenario.js';
import { usPayoutProblems } from './validate-us-payout.js';

export const US_MAX_RETIREMENT_AGE = 80;

export function validateUsScenario(s: UsScenario): Problem[] {
  const out: Problem[] = [];
  const p = s.person;
  if (p.startAge === undefined && p.startYear === undefined) {
    out.push({ path: 'person', message: 'give startAge or startYear (the first simulated year)' });
    return out;
  }
  if (p.startAge !== undefined && p.startYear !== undefined && p.birthYear + p.startAge !== p.startYear) {
    out.push({ path: 'person.startYear', message: `startYear ${p.startYear} does not match birthYear ${p.birthYear} + startAge ${p.startAge}; give one of them` });
  }
  const { startAge, startYear } = startOf({ ...p, careerBreaks: [], children: [], spouse: false });
  if (startYear < US_LIMITS_FIRST_YEAR) {
    out.push({
      path: p.startYear !== undefined ? 'person.startYear' : 'person.startAge',
      message: `the first simulated year must be ${US_LIMITS_FIRST_YEAR} or later (the built-in US limits table starts there); got ${startYear}`,
    });
  }
  if (startAge < 13 || startAge > 75) out.push({ path: 'person.startAge', message: `the start age must be between 13 and 75; got ${startAge}` });
  if (p.retirementAge <= startAge) {
    out.push({ path: 'person.retirementAge', message: `the retirement age (${p.retirementAge}) must be above the start age (${startAge})` });
  }
  if (p.retirementAge > US_MAX_RETIREMENT_AGE) {
    out.push({ path: 'person.retirementAge', message: `the retirement age must be at most ${US_MAX_RETIREMENT_AGE}; got ${p.retirementAge}` });
  }
  const plan = s.plan;
  if (plan.kind === 'us-401k' || plan.kind === 'us-ksop') {
    for (const m of matchTierProblems(plan.match)) out.push({ path: `plan.match[${m.index}]`, message: m.message });
  }
  out.push(...profileProblems(s));
  const stock = s.employerStock;
  if (plan.kind === 'us-ksop' && !stock) {
    out.push({ path: 'employerStock', message: 'is required for a KSOP (the match is paid in company stock): give { marketAsset, idiosyncraticVolatility, ... }' });
  }
  if (stock && !s.profile.assets.some((a) => a.name === stock.marketAsset)) {
    out.push({ path: 'employerStock.marketAsset', message: `no asset named "${stock.marketAsset}"; assets are ${s.profile.assets.map((a) => a.name).join(', ')}` });
  }
  if (s.employment.defaultEndsJob && !stock) {
    out.push({ path: 'employment.defaultEndsJob', message: 'needs an employerStock block with a default hazard (there is no employer default to end the job)' });
  }
  out.push(...usPayoutProblems(s));
  return out;
}
