/**
 * Cross-field rules of a US scenario's payout section: the horizon after the retirement age, an
 * RMD-only policy only from the RMD age (before it, it would pay nothing), a floor not above the
 * ceiling, the payout weights naming the profile's assets, the age-55 exception's separation age
 * not after the retirement age... each problem with its field path.
 */
import { rmdStartAge } from '../rules/us/rmd.js';
import type { UsScenario } from './us-schema.js';
import type { Problem } from '../base/user-error.js';
import { weightProblems } from './validate-scenario.js';

export function usPayoutProblems(s: UsScenario): Problem[] {
  const p = s.payout;
  if (!p) return [];
  const out: Problem[] = [];
  const retirement = s.person.retirementAge;
  if (p.horizonAge <= retirement) {
    out.push({ path: 'payout.horizonAge', message: `the horizon (${p.horizonAge}) must be after the retirement age (${retirement})` });
  }
  const rmdAge = rmdStartAge(s.person.birthYear);
  if (p.withdrawal.kind === 'rmd-only' && retirement < rmdAge) {
    out.push({
      path: 'payout.withdrawal.kind',
      message: `'rmd-only' pays nothing before the RMD age (${rmdAge} for those born in ${s.person.birthYear}) and the retirement age is ${retirement}: choose another policy or retire at ${rmdAge} or later`,
    });
  }
  if (p.floor !== undefined && p.ceiling !== undefined && p.floor > p.ceiling) {
    out.push({ path: 'payout.floor', message: `the spending floor (${p.floor}) is above the ceiling (${p.ceiling})` });
  }
  if (typeof p.inflation === 'object' && Object.keys(p.inflation.correlation).length > 0) {
    out.push({ path: 'payout.inflation.correlation', message: "is not modelled for the payout years: their inflation is drawn independently of the payout market (leave it out)" });
  }
  if (p.weights && p.glidePath) out.push({ path: 'payout', message: 'give at most one of weights or glidePath (neither: the profile\'s own weights by age)' });
  const names = s.profile.assets.map((a) => a.name);
  if (p.weights) out.push(...weightProblems(p.weights, names, 'payout.weights'));
  p.glidePath?.forEach((point, i) => {
    out.push(...weightProblems(point.weights, names, `payout.glidePath[${i}].weights`));
    if (i > 0 && point.age <= p.glidePath![i - 1]!.age) out.push({ path: `payout.glidePath[${i}].age`, message: 'glide path ages must be strictly increasing' });
  });
  if (p.separationAge !== undefined && p.separationAge > retirement) {
    out.push({ path: 'payout.separationAge', message: `the separation from service (${p.separationAge}) cannot be after the retirement age (${retirement})` });
  }
  if (p.account === 'plan' && (s.plan.kind === 'us-simple-ira' || s.plan.kind === 'us-sep-ira')) {
    out.push({ path: 'payout.account', message: `'plan' is for an employer plan (401(k), KSOP); a ${s.plan.kind} is an IRA already` });
  }
  if (p.distribution === 'nua' && s.plan.kind !== 'us-ksop') {
    out.push({ path: 'payout.distribution', message: `'nua' needs company stock in the plan (a us-ksop); this is a ${s.plan.kind}` });
  }
  if (p.account === 'plan' && p.distribution === 'nua') {
    out.push({ path: 'payout.account', message: "NUA needs a lump-sum distribution of the whole account: with 'nua' the funds go to an IRA ('ira')" });
  }
  return out;
}
