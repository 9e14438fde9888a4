/**
 * A US scenario's payout section -> UsPayoutPlan (plan/us-payout-plan.ts): the payout weights by
 * age, the death distribution from the retirement age (the 2021 US period life table, NCHS), the price index
 * and the federal brackets' index factor, and every per-year rule figure the kernel needs: the RMD
 * divisor (rules/us/rmd.ts), the §72(t) additional tax rate (rules/us/early-withdrawal-tax.ts),
 * the Social Security benefit (rules/us/social-security.ts, COLA by the scenario's inflation).
 * Under an AR(1) inflation model these are at the model's mean, and the kernel scales them path by
 * path (kernel/us-payout-years.ts).
 */
import { additionalTaxRate, type EarlyWithdrawalSource } from '../rules/us/early-withdrawal-tax.js';
import { rmdDivisor, rmdStartAge } from '../rules/us/rmd.js';
import { claimingFactor } from '../rules/us/social-security.js';
import { ssaDeathProbability } from '../rules/us/ssa-life-table.js';
import type { UsScenario } from '../scenario/us-schema.js';
import type { UsPayoutSpec } from '../scenario/us-payout-schema.js';
import {
  NUA_HOLD, NUA_SELL_ALL, NUA_SELL_OVER, WITHDRAW_AMORTIZED, WITHDRAW_CONSTANT_REAL, WITHDRAW_PERCENT, WITHDRAW_RMD_ONLY,
  type UsPayoutPlan,
} from './us-payout-plan.js';
import { weightsAtAge } from './weights-at-age.js';

/** The first year of the 2026 federal law the brackets are indexed from (rules/us/federal-tax.ts). */
const TAX_BASE_YEAR = 2026;

export function compileUsPayout(s: UsScenario, startAge: number, startYear: number, p: UsPayoutSpec): UsPayoutPlan {
  const retirementAge = s.person.retirementAge;
  const nYears = retirementAge - startAge;
  const nPayout = p.horizonAge - retirementAge;
  const firstYear = startYear + nYears;
  const nA = s.profile.assets.length;
  const weights = new Float64Array(nPayout * nA);
  const profile = p.weights ? { ...s.profile, weights: p.weights, glidePath: undefined } : p.glidePath ? { ...s.profile, weights: undefined, glidePath: p.glidePath } : s.profile;
  for (let k = 0; k < nPayout; k++) weights.set(weightsAtAge(profile, retirementAge + k), k * nA);

  let deathCdf: Float64Array | null = null;
  if (p.lifetimes === 'life-table') {
    deathCdf = new Float64Array(nPayout);
    let alive = 1;
    for (let k = 0; k < nPayout; k++) {
      alive *= 1 - ssaDeathProbability(retirementAge + k, p.sex);
      deathCdf[k] = 1 - alive;
    }
  }

  // A model's deterministic figures are at its mean (the ledger's, and the trend the kernel's paths scale).
  const model = typeof p.inflation === 'number' ? null : p.inflation;
  const infl = 1 + (model ? model.mean : (p.inflation as number));
  const priceIndex = Float64Array.from({ length: nPayout + 1 }, (_, k) => infl ** (nYears + k));
  const taxIndex = Float64Array.from({ length: nPayout }, (_, k) => infl ** Math.max(0, firstYear + k - TAX_BASE_YEAR));

  const w = p.withdrawal;
  const withdrawal = { 'constant-real': WITHDRAW_CONSTANT_REAL, 'percent-of-balance': WITHDRAW_PERCENT, amortized: WITHDRAW_AMORTIZED, 'rmd-only': WITHDRAW_RMD_ONLY }[w.kind];
  const amortizedFactor = new Float64Array(w.kind === 'amortized' ? nPayout : 0);
  if (w.kind === 'amortized') {
    const i = w.assumedReturn;
    for (let k = 0; k < nPayout; k++) {
      const n = nPayout - k;
      // Annuity-due: the payment at each year start that empties the balance in n years at return i.
      amortizedFactor[k] = i === 0 ? 1 / n : i / ((1 + i) * (1 - (1 + i) ** -n));
    }
  }

  const birthYear = s.person.birthYear;
  const rmdAge = rmdStartAge(birthYear);
  const rmd = Float64Array.from({ length: nPayout }, (_, k) => (retirementAge + k >= rmdAge ? rmdDivisor(retirementAge + k) : 0));
  const source: EarlyWithdrawalSource = s.plan.kind === 'us-simple-ira' ? 'simple-ira' : s.plan.kind === 'us-sep-ira' ? 'ira' : p.account;
  const separation = p.separationAge ?? retirementAge;
  const additionalTax = Float64Array.from({ length: nPayout }, (_, k) => additionalTaxRate(retirementAge + k, source, separation, s.person.yearsOfService + nYears + k));
  const ss = p.socialSecurity;
  const factor = ss ? claimingFactor(ss.claimingAge, birthYear) : 0;
  const socialSecurity = Float64Array.from({ length: nPayout }, (_, k) => (ss && retirementAge + k >= ss.claimingAge ? ss.benefitAtFullRetirementAge * factor * priceIndex[k]! : 0));

  const hasStock = s.plan.kind === 'us-ksop' && s.employerStock !== undefined;
  const nua = (p.distribution ?? (hasStock ? 'nua' : 'rollover')) === 'nua';
  const sales = p.nuaSales;
  return {
    retirementAge,
    horizonAge: p.horizonAge,
    nPayout,
    firstYear,
    weights,
    deathCdf,
    nua,
    bothRoutes: hasStock,
    nuaSales: sales.kind === 'sell-all' ? NUA_SELL_ALL : sales.kind === 'sell-over' ? NUA_SELL_OVER : NUA_HOLD,
    nuaSellYears: sales.kind === 'sell-over' ? sales.years : 0,
    withdrawal,
    withdrawalRate: w.kind === 'constant-real' || w.kind === 'percent-of-balance' ? w.rate : 0,
    amortizedFactor,
    floor: p.floor ?? -1,
    ceiling: p.ceiling ?? -1,
    priceIndex,
    taxIndex,
    inflation: model && {
      mean: model.mean,
      persistence: model.persistence,
      sd: model.sd,
      initial: model.initial ?? model.mean,
      // No market loadings: one own-noise loading of 1 (market/inflation-ar1.ts with no assets).
      loadings: Float64Array.of(1),
      nominalizeReturns: false,
    },
    taxModelFrom: Math.max(0, TAX_BASE_YEAR - firstYear),
    federal: p.tax.kind === 'federal',
    filing: p.tax.kind === 'federal' ? p.tax.filing : 'single',
    ordinaryRate: s.distribution.ordinaryRate,
    capitalGainsRate: s.distribution.capitalGainsRate,
    rmdDivisor: rmd,
    additionalTax,
    socialSecurity,
    gamma: p.gamma,
  };
}
