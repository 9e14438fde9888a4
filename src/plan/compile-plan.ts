/**
 * Scenario -> SimulationPlan, once, before any path runs: schedules per year, the market, the
 * contribution rule and payout as numbers, lifetime and folketrygd parameters; and the legal band
 * checked on the expected wage path of every simulated year (a plan outside it is a UserError);
 * first, the maximum pay path must stay finite (pay-path-problems.ts).
 */
import { gForYear, G_LAST_YEAR } from '../rules/no/grunnbelop.js';
import { NO_PENSION_TAX } from '../rules/no/pension-tax.js';
import type { Scenario } from '../scenario/schema.js';
import { UserError } from '../base/user-error.js';
import { startOf } from '../scenario/validate-scenario.js';
import { bandProblems } from './band-problems.js';
import { compileContribution } from './compile-contribution.js';
import { compileDisability } from './compile-disability.js';
import { compileLife } from './compile-life.js';
import { compilePortfolio } from './compile-portfolio.js';
import { compilePayout, payoutYears } from './compile-payout.js';
import { compileReturns } from './compile-returns.js';
import { gGrowthOf, gIsStochastic, gPath } from './g-path.js';
import { payPathProblems } from './pay-path-problems.js';
import { TAX_FLAT, TAX_NORWAY, type SimulationPlan } from './simulation-plan.js';

export function compilePlan(s: Scenario): SimulationPlan {
  const { startAge, startYear } = startOf(s.person);
  const nAccum = s.person.retirementAge - startAge;
  const payStart = (s.payout.startAge ?? s.person.retirementAge) - startAge;
  const nYears = payStart + payoutYears(s, startAge + payStart);
  const wage = typeof s.person.wageGrowth === 'number' ? { mean: s.person.wageGrowth, sd: 0 } : s.person.wageGrowth;
  const gGrowth = gGrowthOf(s);
  const gDet = gPath(s, nYears);
  const payPath = payPathProblems({ salary0: s.person.salary, wageMean: wage.mean, wageSd: wage.sd, nYears, gDet });
  if (payPath.length > 0) throw new UserError(payPath);
  const nKnownG = Math.max(0, Math.min(nYears + 1, G_LAST_YEAR - startYear + 1));

  const payFactor = new Float64Array(nAccum).fill(1);
  for (const b of s.person.careerBreaks) {
    for (let age = b.fromAge; age <= b.toAge; age++) payFactor[age - startAge] = b.payFactor;
  }

  const plan: SimulationPlan = {
    ...compilePortfolio(s.profile, s.person.initialCapital, startAge, startYear, nYears, s.simulation),
    nAccum,
    payStart,
    salary0: s.person.salary,
    wageMean: wage.mean,
    wageSd: wage.sd,
    gGrowth,
    gDet,
    nKnownG,
    gStochastic: gIsStochastic(wage.sd, nKnownG, nYears),
    payFactor,
    ...compileContribution(s, nAccum),
    ...compilePayout(s, startAge, payStart),
    ...compileLife(s, startAge, startYear, payStart),
    disability: compileDisability(s, startAge, nAccum, gDet[0]!),
    taxKind: s.tax.kind === 'flat' ? TAX_FLAT : TAX_NORWAY,
    flatTaxRate: s.tax.kind === 'flat' ? s.tax.rate : 0,
    noTax: s.tax.kind === 'norway' ? NO_PENSION_TAX[s.tax.year] : null,
    otherIncome: s.tax.kind === 'norway' ? s.tax.otherPensionIncome : 0,
    gTaxYear: s.tax.kind === 'norway' ? gForYear(s.tax.year, gGrowth) : 1,
    ...compileReturns(s),
  };
  const problems = bandProblems(plan);
  if (problems.length > 0) throw new UserError(problems);
  return plan;
}
