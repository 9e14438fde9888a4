/**
 * UsScenario -> UsSimulationPlan: the limits of every saving year (indexed beyond 2026), the plan's
 * formula, the market of the profile (compile-portfolio.ts, the same numbers as a Norwegian plan of
 * that profile), the employer-stock model and the employment and tax parameters.
 */
import { employerStockModel } from '../market/employer-stock.js';
import { usLimits } from '../rules/us/limits.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { startOf } from '../scenario/validate-scenario.js';
import { UserError } from '../base/user-error.js';
import { compilePortfolio } from './compile-portfolio.js';
import { compileUsPayout } from './compile-us-payout.js';
import { payPathProblems } from './pay-path-problems.js';
import type { UsSimulationPlan } from './us-simulation-plan.js';

export function compileUsPlan(s: UsScenario): UsSimulationPlan {
  const { startAge, startYear } = startOf({ ...s.person, careerBreaks: [], children: [], spouse: false });
  const nYears = s.person.retirementAge - startAge;
  const wage = typeof s.person.wageGrowth === 'number' ? { mean: s.person.wageGrowth, sd: 0 } : s.person.wageGrowth;
  const payPath = payPathProblems({ salary0: s.person.salary, wageMean: wage.mean, wageSd: wage.sd, nYears, gDet: [] });
  if (payPath.length > 0) throw new UserError(payPath);
  const portfolio = compilePortfolio(s.profile, s.person.initialCapital, startAge, startYear, nYears, s.simulation);
  const limits = Array.from({ length: nYears }, (_, y) => usLimits(startYear + y, s.limits.indexation));
  const plan = s.plan;
  const k401 = plan.kind === 'us-401k' || plan.kind === 'us-ksop' ? plan : null;
  const es = s.employerStock;
  let stock = null;
  if (es) {
    const i = s.profile.assets.findIndex((a) => a.name === es.marketAsset);
    const a = s.profile.assets[i]!;
    stock = employerStockModel({
      marketAsset: i,
      beta: es.beta,
      sigmaEps: es.idiosyncraticVolatility,
      riskFree: es.riskFreeRate,
      marketExpected: a.expectedReturn,
      marketLogMean: portfolio.logMean[i]!,
      marketLogSd: Math.sqrt(Math.log(1 + (a.volatility / (1 + a.expectedReturn)) ** 2)),
      hazard: es.defaultHazard,
      recovery: es.recovery,
      compensated: es.compensated,
      nu: es.studentTDof ?? 0,
    });
  }
  return {
    ...portfolio,
    initialService: s.person.yearsOfService,
    salary0: s.person.salary,
    wageMean: wage.mean,
    wageSd: wage.sd,
    kind: plan.kind,
    limits,
    deferralRate: plan.kind === 'us-sep-ira' ? 0 : plan.deferralRate,
    match: k401 ? k401.match : [],
    nonelectiveRate: k401 ? k401.nonelectiveRate : 0,
    vesting: k401 ? k401.vesting : 'immediate',
    simpleFormula: plan.kind === 'us-simple-ira' ? plan.employer : 'match-3',
    sepRate: plan.kind === 'us-sep-ira' ? plan.rate : 0,
    matchInStock: plan.kind === 'us-ksop',
    deferralStockShare: plan.kind === 'us-ksop' ? plan.deferralStockShare : 0,
    diversification: plan.kind === 'us-ksop' ? plan.diversification : { kind: 'hold' },
    stock,
    leaveProbability: s.employment.leaveProbability,
    defaultEndsJob: s.employment.defaultEndsJob,
    yearsWithoutPay: s.employment.yearsWithoutPay,
    ordinaryRate: s.distribution.ordinaryRate,
    capitalGainsRate: s.distribution.capitalGainsRate,
    payout: s.payout ? compileUsPayout(s, startAge, startYear, s.payout) : null,
  };
}
