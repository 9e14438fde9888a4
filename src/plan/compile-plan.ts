/**
 * Scenario -> SimulationPlan, once, before any path runs: schedules per year, the market's log
 * parameters and covariance factor, the contribution rule as numbers, and the legal band checked
 * on the expected wage path of every simulated year (a plan outside it is a UserError).
 */
import { cholesky } from '../market/cholesky.js';
import { annuityPayment } from '../rules/annuity.js';
import { gForYear, G_LAST_YEAR } from '../rules/no/grunnbelop.js';
import { maxContribution, minContribution } from '../rules/no/otp-band.js';
import {
  FLAT_AMOUNT,
  PERCENT_OF_BASIS,
  PERCENT_OF_PAY,
  TIERED,
  type ContributionMethod,
} from '../rules/no/otp-contribution.js';
import { NO_PENSION_TAX } from '../rules/no/pension-tax.js';
import type { Scenario } from '../scenario/schema.js';
import { UserError, type Problem } from '../scenario/user-error.js';
import { startOf } from '../scenario/validate-scenario.js';
import {
  PAYOUT_BALANCE_OVER_REMAINING,
  PAYOUT_LEVEL_ANNUITY,
  TAX_FLAT,
  TAX_NORWAY,
  type SimulationPlan,
} from './simulation-plan.js';
import { weightsAtAge } from './weights-at-age.js';
import { contributionBeforeBand } from './contribution-before-band.js';

/** Half an øre: amounts closer than this to a limit are within it (float noise, not a breach). */
const BAND_TOLERANCE = 0.005;

export function compilePlan(s: Scenario): SimulationPlan {
  const { startAge, startYear } = startOf(s.person);
  const nAccum = s.person.retirementAge - startAge;
  const payStart = (s.payout.startAge ?? s.person.retirementAge) - startAge;
  const nYears = payStart + s.payout.years;
  const wage = typeof s.person.wageGrowth === 'number' ? { mean: s.person.wageGrowth, sd: 0 } : s.person.wageGrowth;
  const gGrowth = s.gGrowth ?? wage.mean;

  const gDet = new Float64Array(nYears + 1);
  for (let y = 0; y <= nYears; y++) gDet[y] = gForYear(startYear + y, gGrowth);

  const payFactor = new Float64Array(nAccum).fill(1);
  for (const b of s.person.careerBreaks) {
    for (let age = b.fromAge; age <= b.toAge; age++) payFactor[age - startAge] = b.payFactor;
  }

  const contribution = s.plan.contribution;
  const method = methodCode(contribution.method);
  const amountOrBasis = new Float64Array(nAccum);
  for (let y = 0; y < nAccum; y++) {
    if (contribution.method === 'flat-amount') {
      amountOrBasis[y] = contribution.amount * Math.pow(1 + contribution.indexation, y);
    } else if (contribution.method === 'percent-of-basis') {
      amountOrBasis[y] = contribution.basis.amount * Math.pow(1 + contribution.basis.growth, y);
    }
  }

  const market = compileMarket(s);
  const weights = new Float64Array(nYears * market.nAssets);
  for (let y = 0; y < nYears; y++) weights.set(weightsAtAge(s.profile, startAge + y), y * market.nAssets);

  const plan: SimulationPlan = {
    startAge,
    startYear,
    nAccum,
    payStart,
    nYears,
    ...market,
    weights,
    managementRate: s.profile.fees.managementRate,
    perMemberFee: s.profile.fees.perMember,
    initialCapital: s.person.initialCapital,
    salary0: s.person.salary,
    wageMean: wage.mean,
    wageSd: wage.sd,
    gGrowth,
    gDet,
    nKnownG: Math.max(0, Math.min(nYears + 1, G_LAST_YEAR - startYear + 1)),
    payFactor,
    method,
    rate: 'rate' in contribution ? contribution.rate : 0,
    upperRate: contribution.method === 'tiered' ? contribution.upperRate : 0,
    excludeFirstG: s.plan.excludeFirstG,
    amountOrBasis,
    payoutMethod: s.payout.method.kind === 'level-annuity' ? PAYOUT_LEVEL_ANNUITY : PAYOUT_BALANCE_OVER_REMAINING,
    technicalRate: s.payout.method.kind === 'level-annuity' ? s.payout.method.technicalRate : 0,
    payoutFactor: payoutFactors(s.payout.years, s.payout.method.kind === 'level-annuity' ? s.payout.method.technicalRate : 0),
    taxKind: s.tax.kind === 'flat' ? TAX_FLAT : TAX_NORWAY,
    flatTaxRate: s.tax.kind === 'flat' ? s.tax.rate : 0,
    noTax: s.tax.kind === 'norway' ? NO_PENSION_TAX[s.tax.year] : null,
    otherIncome: s.tax.kind === 'norway' ? s.tax.otherPensionIncome : 0,
    gTaxYear: s.tax.kind === 'norway' ? gForYear(s.tax.year, gGrowth) : 1,
  };
  const problems = bandProblems(plan);
  if (problems.length > 0) throw new UserError(problems);
  return plan;
}

function payoutFactors(years: number, rate: number): Float64Array {
  const f = new Float64Array(years + 1);
  for (let left = 1; left <= years; left++) f[left] = annuityPayment(1, rate, left);
  return f;
}

function methodCode(name: Scenario['plan']['contribution']['method']): ContributionMethod {
  switch (name) {
    case 'flat-amount':
      return FLAT_AMOUNT;
    case 'percent-of-pay':
      return PERCENT_OF_PAY;
    case 'percent-of-basis':
      return PERCENT_OF_BASIS;
    case 'tiered':
      return TIERED;
  }
}

/**
 * Lognormal parameters from arithmetic mean E and volatility σ of the simple return:
 * s² = ln(1 + σ²/(1+E)²), m = ln(1+E) − s²/2, so that E[e^(m+sZ)] = 1+E and sd = σ.
 */
function compileMarket(s: Scenario): Pick<SimulationPlan, 'nAssets' | 'logMean' | 'covFactor'> {
  const assets = s.profile.assets;
  const n = assets.length;
  const logMean = new Float64Array(n);
  const logSd = new Float64Array(n);
  assets.forEach((a, i) => {
    const s2 = Math.log(1 + (a.volatility / (1 + a.expectedReturn)) ** 2);
    logSd[i] = Math.sqrt(s2);
    logMean[i] = Math.log(1 + a.expectedReturn) - s2 / 2;
  });
  const identity = assets.map((_, i) => assets.map((__, j) => (i === j ? 1 : 0)));
  const l = cholesky(s.profile.correlation ?? identity);
  if (l === null) throw new Error('correlation was validated as PSD but has no Cholesky factor');
  const covFactor = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) covFactor[i * n + k] = logSd[i]! * l[i * n + k]!;
  return { nAssets: n, logMean, covFactor };
}

/**
 * The legal OTP band on the expected wage path: one problem for years above the maximum and one
 * for years below the minimum, each naming the rule, how many years, and the first few with amounts.
 */
function bandProblems(plan: SimulationPlan): Problem[] {
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
  const problem = (years: string[], rule: string): Problem => ({
    path: 'plan.contribution',
    message: `the contribution is ${rule} in ${years.length} of ${plan.nAccum} saving years, e.g. ${years.slice(0, 3).join('; ')}`,
  });
  const out: Problem[] = [];
  if (above.length) out.push(problem(above, 'above the legal maximum (7 % of pay up to 12 G plus 18.1 % of pay between 7.1 G and 12 G; nothing above 12 G)'));
  if (below.length) out.push(problem(below, 'below the legal minimum (2 % of pay from the first krone up to 12 G from 2022; 2 % of pay between 1 G and 12 G before)'));
  return out;
}

/** Whole kroner grouped by spaces (reports format with decimal.js; this is only for messages). */
function money(x: number): string {
  return `${String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} NOK`;
}
