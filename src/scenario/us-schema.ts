/**
 * The US scenario schema (docs/model.md §3, docs/us-plans.md): currency USD, the plan kinds us-401k, us-ksop,
 * us-simple-ira and us-sep-ira, the employer-stock model, employment risk, the limits' indexation
 * beyond 2026 and the tax rates of the distribution at retirement. The profile (funds, weights,
 * glide path, fees) is the Norwegian scenario's, so the same profile draws the same markets.
 * Strict objects: unknown keys are errors. Cross-field rules: validate-us-scenario.ts.
 */
import * as z from 'zod';
import { SAMPLERS } from '../random/sampler.js';
import { randomizationsRule, Randomizations } from './randomizations-schema.js';
import { VESTING_SCHEDULES } from '../rules/us/vesting.js';
import { amount, MAX_CAPITAL_USD, MAX_PAY_USD, MAX_TARGET_USD, positiveAmount } from './bounds.js';
import { DEFAULT_PERCENTILES, Profile, WageGrowth } from './schema.js';
import { UsPayout } from './us-payout-schema.js';

const finite = () => z.number().finite();
const rate = (min: number, max: number) => finite().min(min).max(max);
const wholeAge = () => z.number().int().min(0).max(120);

export const UsPerson = z
  .object({
    birthYear: z.number().int().min(1900).max(2100),
    startAge: wholeAge().optional(),
    startYear: z.number().int().min(1900).max(2200).optional(),
    /** The distribution (lump sum) is at the start of this age; the last pay is in the year before. */
    retirementAge: wholeAge(),
    /** Yearly pay in the start year, USD (bounds: docs/scenarios.md §3). */
    salary: positiveAmount(MAX_PAY_USD, 'USD', 'a year'),
    wageGrowth: WageGrowth.default(0.03),
    /** Plan balance at the start (diversified funds, fully vested). */
    initialCapital: amount(MAX_CAPITAL_USD, 'USD', '').default(0),
    /** Completed years of service with the employer at the start (vesting, diversification rules). */
    yearsOfService: z.number().int().min(0).max(60).default(0),
  })
  .strict();

/** A tier of the match: `rate` per dollar deferred between `from` and `to` (shares of pay). */
export const MatchTierSpec = z.object({ from: rate(0, 1), to: rate(0, 1), rate: rate(0, 10) }).strict();

const deferralRate = () => rate(0, 1);

const K401Fields = {
  /** Employee deferral, a share of pay (0–1). */
  deferralRate: deferralRate(),
  /** Match tiers, in order, not overlapping: e.g. [{from:0,to:0.03,rate:1},{from:0.03,to:0.05,rate:0.5}]. */
  match: z.array(MatchTierSpec).max(20).default([]),
  /** Employer nonelective contribution, a share of (capped) pay. */
  nonelectiveRate: rate(0, 1).default(0),
  vesting: z.enum(VESTING_SCHEDULES).default('immediate'),
};

export const Diversification = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hold') }).strict(),
  /** Sell all employer-sourced shares once participation reaches `years` (401(a)(35): 3). */
  z.object({ kind: z.literal('sell-after-service'), years: z.number().int().min(0).max(60).default(3) }).strict(),
  /** 401(a)(28)(B): from 55 with 10 years, 25 % cumulative for five years, 50 % in the sixth. */
  z.object({ kind: z.literal('fifty-five-ten') }).strict(),
  /** Company stock cut to at most `share` of the account at each year start. */
  z.object({ kind: z.literal('cap'), share: rate(0, 1) }).strict(),
]);

export const Us401kPlan = z.object({ kind: z.literal('us-401k'), ...K401Fields }).strict();

export const UsKsopPlan = z
  .object({
    kind: z.literal('us-ksop'),
    ...K401Fields,
    /** Share of the employee's deferrals put in company stock (0–1); the match is always paid in stock. */
    deferralStockShare: rate(0, 1).default(0),
    diversification: Diversification.default({ kind: 'hold' }),
  })
  .strict();

export const UsSimpleIraPlan = z
  .object({
    kind: z.literal('us-simple-ira'),
    deferralRate: deferralRate(),
    /** 100 % match up to 3 % of pay, or 2 % of pay to everyone. */
    employer: z.enum(['match-3', 'nonelective-2']).default('match-3'),
  })
  .strict();

export const UsSepIraPlan = z
  .object({
    kind: z.literal('us-sep-ira'),
    /** Employer share of pay, at most 25 %. */
    rate: finite().min(0).max(0.25, { error: 'a SEP IRA contribution is at most 25 % of pay' }),
  })
  .strict();

export const UsPlan = z.discriminatedUnion('kind', [Us401kPlan, UsKsopPlan, UsSimpleIraPlan, UsSepIraPlan]);
export const US_PLAN_KINDS = ['us-401k', 'us-ksop', 'us-simple-ira', 'us-sep-ira'] as const;

export const EmployerStock = z
  .object({
    /** The profile's equity fund whose market shock the stock shares. */
    marketAsset: z.string().min(1),
    beta: rate(-3, 5).default(1),
    /** Idiosyncratic yearly log-return sd σ_ε. */
    idiosyncraticVolatility: rate(0, 3),
    /** Risk-free simple rate a year (CAPM). */
    riskFreeRate: rate(-0.1, 0.5).default(0.03),
    /** Default hazard λ a year (>= 0). */
    defaultHazard: finite().min(0, { error: 'the default hazard λ must be >= 0 (a yearly intensity)' }).max(5).default(0),
    /** Share of the value kept on default, R. */
    recovery: rate(0, 1).default(0),
    /** Drift raised by ≈ λ(1 − R) so default risk leaves the expected return unchanged. */
    compensated: z.boolean().default(true),
    /** Student-t degrees of freedom of the idiosyncratic shock (> 2); normal if absent. */
    studentTDof: finite().gt(2).max(1000).optional(),
  })
  .strict();

export const Employment = z
  .object({
    /** Probability a year of leaving the employer (unvested money forfeited; work resumes elsewhere, match in cash). */
    leaveProbability: rate(0, 1).default(0),
    /** The employer's default ends the job (the double hit): unvested money forfeited, then years without pay. */
    defaultEndsJob: z.boolean().default(false),
    /** Years without pay after a job lost to default, before work resumes elsewhere. */
    yearsWithoutPay: z.number().int().min(0).max(60).default(1),
  })
  .strict();

export const UsSimulation = z
  .object({
    paths: z.number().int().min(1).max(10_000_000).default(10_000),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    percentiles: z.array(finite().gt(0).lt(100)).min(1).max(99).default([...DEFAULT_PERCENTILES]),
    /** Exact order statistics, the fixed-memory sketch, or auto: exact up to 100 000 paths (as a Norwegian scenario). */
    percentileMethod: z.enum(['auto', 'exact', 'sketch']).default('auto'),
    /** Target terminal wealth (USD, pre-tax) for the shortfall probability. */
    targetWealth: amount(MAX_TARGET_USD, 'USD', '').optional(),
    /** How the market's normal shocks are drawn (random/sampler.ts): pseudo-random, antithetic pairs, or scrambled Sobol. */
    sampler: z.enum(SAMPLERS).default('pseudo'),
    /** Under sobol and antithetic: the independent randomizations whose spread gives the intervals (randomizations-schema.ts). */
    randomizations: Randomizations.optional(),
  })
  .strict()
  .superRefine(randomizationsRule);

export const UsScenario = z
  .object({
    name: z.string().max(200).optional(),
    description: z.string().max(4000).optional(),
    currency: z.literal('USD').default('USD'),
    person: UsPerson,
    plan: UsPlan,
    profile: Profile,
    employerStock: EmployerStock.optional(),
    employment: Employment.default({ leaveProbability: 0, defaultEndsJob: false, yearsWithoutPay: 1 }),
    /** Limits beyond 2026 grow by this a year. */
    limits: z.object({ indexation: rate(-0.05, 0.2).default(0.025) }).strict().default({ indexation: 0.025 }),
    /** Flat tax rates at the distribution (IRA rollover: ordinary; NUA: basis ordinary, appreciation capital gains). */
    distribution: z
      .object({ ordinaryRate: rate(0, 1).default(0.24), capitalGainsRate: rate(0, 1).default(0.15) })
      .strict()
      .default({ ordinaryRate: 0.24, capitalGainsRate: 0.15 }),
    /** The payout years after the retirement age (us-payout-schema.ts); absent: the run stops at the distribution. */
    payout: UsPayout.optional(),
    simulation: UsSimulation.default({ paths: 10_000, seed: 1, percentiles: [...DEFAULT_PERCENTILES], percentileMethod: 'auto', sampler: 'pseudo' }),
  })
  .strict();

export type UsScenario = z.infer<typeof UsScenario>;
export type UsPlanSpec = z.infer<typeof UsPlan>;

/** True when a parsed scenario object names a US plan kind (us-…): the US schema applies, not the Norwegian one. */
export function isUsScenarioObject(input: unknown): boolean {
  const kind = (input as { plan?: { kind?: unknown } } | null)?.plan?.kind;
  return typeof kind === 'string' && kind.startsWith('us-');
}
