/**
 * The legal contribution band on the expected wage path of every saving year: OTP and hybrid
 * (docs/model.md §2.1), or the self-employed maximum by year (§2.3). One problem for years above the
 * maximum and one for years below the minimum, each naming the rule, how many years, and examples.
 */
import { maxContribution, minContribution } from '../rules/no/otp-band.js';
import { selfEmployedMaxRate } from '../rules/no/self-employed.js';
import type { Problem } from '../base/user-error.js';
import { contributionBeforeBand } from './contribution-before-band.js';
import { CONTRIBUTION_SELF_EMPLOYED, type SimulationPlan } from './simulation-plan.js';

/** Half an øre: amounts closer than this to a limit are within it (float noise, not a breach). */
const BAND_TOLERANCE = 0.005;

export function bandProblems(plan: SimulationPlan): Problem[] {
  if (plan.contributionKind === CONTRIBUTION_SELF_EMPLOYED) return selfEmployedProblems(plan);
  const above: string[] = [];
  const below: string[] = [];
  for (let y = 0; y < plan.nAccum; y++) {
    const pay = plan.salary0 * Math.pow(1 + plan.wageMean, y) * plan.payFactor[y]!;
    const g = plan.gDet[y]!;
    const year = plan.startYear + y;
    const c = contributionBeforeBand(plan, y, pay, g);
    const hi = maxContribution(pay, g);
    const lo = minContribution(pay, g, year);
    const where = `${year} (age ${plan.startAge + y}): ${money(c)} on pay ${money(pay)} with G ${money(g)}`;
    if (c > hi + BAND_TOLERANCE) above.push(`${where}, maximum ${money(hi)}`);
    else if (c < lo - BAND_TOLERANCE) below.push(`${where}, minimum ${money(lo)}`);
  }
  const out: Problem[] = [];
  if (above.length) out.push(problem(plan, above, 'above the legal maximum (7 % of pay up to 12 G plus 18.1 % of pay between 7.1 G and 12 G; nothing above 12 G)'));
  if (below.length) out.push(problem(plan, below, 'below the legal minimum (2 % of pay from the first krone up to 12 G from 2022; 2 % of pay between 1 G and 12 G before)'));
  return out;
}

function selfEmployedProblems(plan: SimulationPlan): Problem[] {
  const above: string[] = [];
  for (let y = 0; y < plan.nAccum; y++) {
    const year = plan.startYear + y;
    const max = selfEmployedMaxRate(year);
    if (plan.rate > max + 1e-12) above.push(`${year} (age ${plan.startAge + y}): rate ${pct(plan.rate)}, maximum ${pct(max)}`);
  }
  if (above.length === 0) return [];
  return [{ path: 'plan.rate', message: `the rate is above the self-employed maximum (4 % before 2017, 6 % in 2017–2018, 7 % from 2019) in ${above.length} of ${plan.nAccum} saving years, e.g. ${above.slice(0, 3).join('; ')}` }];
}

function problem(plan: SimulationPlan, years: string[], rule: string): Problem {
  return {
    path: 'plan.contribution',
    message: `the contribution is ${rule} in ${years.length} of ${plan.nAccum} saving years, e.g. ${years.slice(0, 3).join('; ')}`,
  };
}

/** Whole kroner grouped by spaces (reports format with decimal.js; this is only for messages). */
function money(x: number): string {
  return `${String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} NOK`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2).replace(/\.?0+$/, '')} %`;
}
