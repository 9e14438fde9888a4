/**
 * The payout section of a US scenario (docs/us-plans.md "Payout years", issue 22): the years from
 * the retirement age to a horizon age or to death, on the same paths as the saving years. Every
 * field has a bound whose refusal names it; cross-field rules (a horizon after the retirement age,
 * an RMD-only policy not before the RMD age, weights that name the profile's assets) are in
 * validate-us-payout.ts.
 */
import * as z from 'zod';
import { amount, MAX_CAPITAL_USD, MAX_PAY_USD } from './bounds.js';
import { Inflation } from './returns-schema.js';

const finite = () => z.number().finite();
const rate = (min: number, max: number, what: string) => {
  const error = `must be between ${min} and ${max} (${what})`;
  return z.number({ error }).finite({ error }).min(min, { error }).max(max, { error });
};
const wholeAge = (min: number, max: number, what: string) => {
  const error = `must be a whole age from ${min} to ${max} (${what})`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const Weights = z.record(z.string(), rate(0, 1, 'a share of the account'));

/** The withdrawal policy: what the retiree takes out of the accounts a year, before tax. */
export const WithdrawalPolicy = z.discriminatedUnion('kind', [
  /** Bengen (1994): rate × the accounts at the retirement age, then raised by inflation every year. */
  z.object({ kind: z.literal('constant-real'), rate: rate(0, 1, 'a share of the accounts at the retirement age, e.g. 0.04') }).strict(),
  /** rate × the accounts at each year start. */
  z.object({ kind: z.literal('percent-of-balance'), rate: rate(0, 1, 'a share of the accounts at each year start, e.g. 0.05') }).strict(),
  /** VPW: the accounts paid out as a level annuity-due over the years left to the horizon at an assumed return. */
  z.object({ kind: z.literal('amortized'), assumedReturn: rate(-0.05, 0.2, 'a yearly rate, e.g. 0.03') }).strict(),
  /** Only the required minimum distributions (needs a retirement age at or after the RMD age). */
  z.object({ kind: z.literal('rmd-only') }).strict(),
]);

export const NuaSales = z.discriminatedUnion('kind', [
  /** Sell the shares at the distribution (the gain taxed at once as a long-term gain). */
  z.object({ kind: z.literal('sell-all') }).strict(),
  /** Sell an equal number of the shares left each year over `years` years from the retirement age. */
  z.object({ kind: z.literal('sell-over'), years: wholeAge(1, 60, 'years over which the shares are sold') }).strict(),
  /** Keep the shares (sold only when the other money is gone); the heirs get them. */
  z.object({ kind: z.literal('hold') }).strict(),
]);

export const PayoutTax = z.discriminatedUnion('kind', [
  /** The flat `distribution` rates: ordinary income, long-term gains; 85 % of Social Security taxed at the ordinary rate. */
  z.object({ kind: z.literal('flat') }).strict(),
  /** The 2026 federal brackets and standard deduction (rules/us/federal-tax.ts), indexed by the scenario's inflation after 2026. */
  z.object({ kind: z.literal('federal'), filing: z.enum(['single', 'married-joint']).default('single') }).strict(),
]);

export const SocialSecurity = z
  .object({
    /** Yearly benefit at full retirement age, in today's (start-year) dollars. */
    benefitAtFullRetirementAge: amount(MAX_PAY_USD, 'USD', 'a year, in start-year dollars'),
    /** Claiming age 62–70 (SSA's reduction before, delayed credits after full retirement age). */
    claimingAge: wholeAge(62, 70, 'Social Security can be claimed from 62 to 70'),
  })
  .strict();

/**
 * Stochastic price inflation of the payout years: the AR(1) of the Norwegian returns.inflation
 * (returns-schema.ts, the same fields and bounds), π_k = mean + persistence·(π_{k−1} − mean) + sd·ε_k,
 * ε_k independent standard normals (a correlation with the payout market is refused by
 * validate-us-payout.ts: not modelled, docs/us-plans.md).
 * `initial` is the inflation of the last saving year (default the mean); the saving years compound
 * at the mean.
 */
export const PayoutInflationModel = Inflation.extend({ kind: z.literal('ar1') }).strict();

/** A number: deterministic yearly inflation; an object: the AR(1) model, each path its own inflation. */
const INFLATION_CHOICES = 'a yearly rate, e.g. 0.025, or an AR(1) model { "kind": "ar1", "mean", "persistence", "sd", "initial" }';
export const PayoutInflation = z.union([rate(-0.05, 0.2, INFLATION_CHOICES), PayoutInflationModel], { error: `must be ${INFLATION_CHOICES}` });

export const UsPayout = z
  .object({
    /** The payout ends at the start of this age (the bequest is valued then), or at death if earlier. */
    horizonAge: wholeAge(51, 120, 'the age the payout ends at'),
    /** 'fixed': every path lives to the horizon; 'life-table': each path's age at death drawn from the 2021 US period life table (NCHS; rules/us/ssa-life-table.ts). */
    lifetimes: z.enum(['fixed', 'life-table']).default('fixed'),
    /** Sex for the life table. */
    sex: z.enum(['female', 'male']).default('female'),
    /** The payout portfolio (the profile's assets): fixed weights, or a glide path by age; absent: the profile's own weights at each age. */
    weights: Weights.optional(),
    glidePath: z.array(z.object({ age: wholeAge(0, 120, 'a glide-path age'), weights: Weights }).strict()).min(1).max(121).optional(),
    /** 'nua': funds rolled over, company shares taken in kind into a taxable account (NUA); 'rollover': everything to an IRA. Default: nua with company stock, else rollover. */
    distribution: z.enum(['nua', 'rollover']).optional(),
    /** How the NUA shares are sold. */
    nuaSales: NuaSales.default({ kind: 'sell-over', years: 5 }),
    withdrawal: WithdrawalPolicy,
    /** Spending floor and ceiling, a year in today's (start-year) dollars: the policy's amount is clamped between them. */
    floor: amount(MAX_CAPITAL_USD, 'USD', 'a year, in start-year dollars').optional(),
    ceiling: amount(MAX_CAPITAL_USD, 'USD', 'a year, in start-year dollars').optional(),
    tax: PayoutTax.default({ kind: 'flat' }),
    socialSecurity: SocialSecurity.optional(),
    /** Age at separation from service, for the age-55 exception to the 10 % additional tax on plan money; default: the retirement age. */
    separationAge: wholeAge(0, 120, 'the age at leaving the employer').optional(),
    /** 'ira': the money is in a rollover IRA (the age-55 exception lost); 'plan': it stays in the employer plan (the exception applies). */
    account: z.enum(['ira', 'plan']).default('ira'),
    /**
     * Yearly price inflation from the start year: indexes spending, Social Security (COLA) and the
     * tax brackets after 2026. A number, or an AR(1) model drawn path by path in the payout years.
     */
    inflation: PayoutInflation.default(0.025),
    /** CRRA relative risk aversion for the lifetime spending's certainty equivalent (compare's default 3). */
    gamma: finite().min(0).max(50).default(3),
  })
  .strict();

export type UsPayoutSpec = z.infer<typeof UsPayout>;
export type PayoutInflationSpec = z.infer<typeof PayoutInflationModel>;
