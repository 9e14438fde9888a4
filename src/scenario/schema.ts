/**
 * The scenario schema: the single source of truth for scenario types (z.infer).
 * Strict objects: an unknown key is an error (a typo must not silently fall back to a default).
 * Cross-field rules (ages, weights, correlation, payout period) live in validate-scenario.ts.
 */
import * as z from 'zod';
import { amount, MAX_CAPITAL_NOK, MAX_FEE_PER_MEMBER, MAX_PAY_NOK, positiveAmount } from './bounds.js';
import { SAMPLERS } from '../random/sampler.js';
import { randomizationsRule, Randomizations } from './randomizations-schema.js';
import { Returns } from './returns-schema.js';
import { Disability } from './disability-schema.js';

const finite = () => z.number().finite();
const rate = (min: number, max: number) => finite().min(min).max(max);
const wholeAge = () => z.number().int().min(0).max(120);

/** Wage growth: a deterministic yearly rate, or a mean with a yearly standard deviation. */
export const WageGrowth = z.union([
  rate(-0.5, 1),
  // sd at most 10 %: beyond it pay would often fall by half or more in a year (rules/pay-growth.ts floors it there).
  z.object({ mean: rate(-0.5, 1), sd: finite().min(0).max(0.1, 'a yearly pay-growth standard deviation is at most 0.1 (10 %): beyond it pay would often fall by half or more in one year').default(0) }).strict(),
]);

export const CareerBreak = z
  .object({
    fromAge: wholeAge(),
    toAge: wholeAge(),
    /** Share of full pay earned during the break (0 = unpaid leave). */
    payFactor: rate(0, 1).default(0),
  })
  .strict();

export const Person = z
  .object({
    birthYear: z.number().int().min(1900).max(2100),
    sex: z.enum(['male', 'female']).optional(),
    startAge: wholeAge().optional(),
    startYear: z.number().int().min(1900).max(2200).optional(),
    retirementAge: wholeAge(),
    /** Yearly pay in the start year, NOK (bounds: docs/scenarios.md §3). */
    salary: positiveAmount(MAX_PAY_NOK, 'NOK', 'a year'),
    wageGrowth: WageGrowth.default(0.03),
    careerBreaks: z.array(CareerBreak).max(120).default([]),
    /** Pension capital already saved at the start. */
    initialCapital: amount(MAX_CAPITAL_NOK, 'NOK', '').default(0),
    /** Birth years of children (for survivors' payouts on death in the DC payout, docs/model.md §2.6). */
    children: z.array(z.number().int().min(1900).max(2200)).max(20).default([]),
    /** A spouse, partner or cohabitant who would receive the rest over 10 years. */
    spouse: z.boolean().default(false),
  })
  .strict();

export const Contribution = z.discriminatedUnion('method', [
  z
    .object({
      method: z.literal('flat-amount'),
      amount: amount(MAX_PAY_NOK, 'NOK', 'a year'),
      /** Yearly growth of the amount (0 = the same kroner every year). */
      indexation: rate(-0.5, 1).default(0),
    })
    .strict(),
  z.object({ method: z.literal('percent-of-pay'), rate: rate(0, 1) }).strict(),
  z
    .object({
      method: z.literal('percent-of-basis'),
      rate: rate(0, 1),
      /** The plan's pay basis: its amount in the start year and its yearly growth. */
      basis: z.object({ amount: amount(MAX_PAY_NOK, 'NOK', 'a year'), growth: rate(-0.5, 1).default(0) }).strict(),
    })
    .strict(),
  z
    .object({
      method: z.literal('tiered'),
      /** Rate on pay up to 7.1 G. */
      rate: rate(0, 1),
      /** Rate on pay between 7.1 G and 12 G. */
      upperRate: rate(0, 1),
    })
    .strict(),
]);

export const NoOtpDcPlan = z
  .object({
    kind: z.literal('no-otp-dc'),
    contribution: Contribution,
    /** Contributions computed on pay above 1 G only (allowed only if the legal minimum still holds). */
    excludeFirstG: z.boolean().default(false),
  })
  .strict();

/** Self-employed pension saving (docs/model.md §2.3): a share of personinntekt between a floor and 12 G. */
export const NoSelfEmployedPlan = z
  .object({
    kind: z.literal('no-self-employed'),
    /** Share of personinntekt between floorG·G and 12 G; at most 4 % before 2017, 6 % 2017–18, 7 % from 2019. */
    rate: rate(0, 1),
    floorG: finite().min(0).max(12).default(1),
  })
  .strict();

/** Regulation of a hybrid holding while saving (tjenestepensjonsloven): the employer's choice. */
export const HybridRegulation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('market') }).strict(),
  z.object({ kind: z.literal('g-regulation') }).strict(),
  z
    .object({
      kind: z.literal('zero-guarantee'),
      /** Yearly guarantee premium, a share of the holding, charged for the 0 % floor. */
      premiumRate: rate(0, 0.05).default(0.005),
    })
    .strict(),
]);

/** Hybrid pension (docs/model.md §2.4): the DC band, a women's uplift, regulated holding, lifelong payout. */
export const NoHybridPlan = z
  .object({
    kind: z.literal('no-hybrid'),
    contribution: Contribution,
    excludeFirstG: z.boolean().default(false),
    /** Contribution uplift for women so expected yearly pensions are equal by sex (~17 %, Finanstilsynet 2013). */
    womenUplift: rate(0, 1).default(0.17),
    regulation: HybridRegulation.default({ kind: 'market' }),
    /** Holdings of members who die go to the survivors (dødelighetsarv): no payment to heirs. */
    mortalityInheritance: z.boolean().default(true),
  })
  .strict();

/** Plan kinds: a discriminated union so later kinds slot in and switches stay exhaustive. */
export const Plan = z.discriminatedUnion('kind', [NoOtpDcPlan, NoSelfEmployedPlan, NoHybridPlan]);

export const AssetClass = z
  .object({
    name: z.string().min(1).max(64),
    /** Expected yearly arithmetic return, e.g. 0.07. */
    expectedReturn: rate(-0.9, 2),
    /** Yearly standard deviation of the simple return, e.g. 0.16. */
    volatility: rate(0, 3),
  })
  .strict();

const Weights = z.record(z.string(), rate(0, 1));

export const GlidePoint = z.object({ age: wholeAge(), weights: Weights }).strict();

export const Profile = z
  .object({
    assets: z.array(AssetClass).min(1).max(32),
    /** Correlation matrix of the assets' log returns, in the order of `assets`; identity if absent. */
    correlation: z.array(z.array(rate(-1, 1))).optional(),
    /** Fixed weights by asset name... */
    weights: Weights.optional(),
    /** ...or a glide path: weights at given ages, linear in between, flat outside. */
    glidePath: z.array(GlidePoint).min(1).max(121).optional(),
    rebalancing: z.literal('yearly').default('yearly'),
    fees: z
      .object({
        /** Yearly management fee as a share of capital, charged at each year end. */
        managementRate: rate(0, 0.2).default(0),
        /** Yearly fixed fee per member, charged at each year end. */
        perMember: amount(MAX_FEE_PER_MEMBER, 'a year, in the scenario\'s currency', '').default(0),
      })
      .strict()
      .default({ managementRate: 0, perMember: 0 }),
  })
  .strict();

export const PayoutMethod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('level-annuity'), technicalRate: rate(-0.05, 0.2) }).strict(),
  z.object({ kind: z.literal('balance-over-remaining-years') }).strict(),
  /** Lifelong (hybrid): pension = holding / K2013 life annuity factor at the technical rate, recomputed yearly. */
  z.object({ kind: z.literal('lifelong'), technicalRate: rate(-0.05, 0.2) }).strict(),
]);

export const Payout = z
  .object({
    /** Age at the first payout; defaults to the retirement age. */
    startAge: wholeAge().optional(),
    /** Payout period in years (fixed-period methods; a lifelong payout has none). */
    years: z.number().int().min(1).max(60).optional(),
    method: PayoutMethod,
    /**
     * Graded withdrawal (docs/model.md §2.5): before `fullFromAge` only `share` of the formula's payout is
     * withdrawn, the rest stays invested; at least 0.2 G must be withdrawn.
     */
    graded: z.object({ share: finite().gt(0).lt(1), fullFromAge: wholeAge() }).strict().optional(),
  })
  .strict();

export const Tax = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flat'), rate: rate(0, 1) }).strict(),
  z
    .object({
      kind: z.literal('norway'),
      year: z.union([z.literal(2025), z.literal(2026)], { error: 'the Norwegian tax rules are built in for 2025 and 2026 only' }),
      /**
       * Other yearly pension income in tax-year kroner: the DC payout is taxed on top. With a
       * `folketrygd` block the simulated folketrygd pension is added to it (so give here only income
       * besides the folketrygd, e.g. AFP); without one, include the folketrygd estimate here.
       */
      otherPensionIncome: amount(MAX_PAY_NOK, 'NOK', 'a year').default(0),
    })
    .strict(),
]);

export const DEFAULT_PERCENTILES = [5, 10, 25, 50, 75, 90, 95] as const;

export const Simulation = z
  .object({
    paths: z.number().int().min(1).max(100_000_000).default(10_000),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    percentiles: z
      .array(finite().gt(0).lt(100))
      .min(1)
      .max(99)
      .refine((a) => new Set(a).size === a.length, { message: 'each percentile at most once (a repeated one would be a repeated column)' })
      .default([...DEFAULT_PERCENTILES]),
    /**
     * Percentiles from all paths ('exact', 8 bytes a path a series) or a fixed-memory sketch
     * ('sketch', relative error ≤ 0.025 %); 'auto' is exact up to 100 000 paths.
     */
    percentileMethod: z.enum(['auto', 'exact', 'sketch']).default('auto'),
    /** Target replacement ratio (first yearly payout / pay at payout start) for the shortfall probability. */
    targetReplacementRatio: rate(0, 10).optional(),
    /** How the market's normal shocks are drawn (random/sampler.ts): pseudo-random, antithetic pairs, or scrambled Sobol. */
    sampler: z.enum(SAMPLERS).default('pseudo'),
    /** Under sobol and antithetic: the independent randomizations whose spread gives the intervals (randomizations-schema.ts). */
    randomizations: Randomizations.optional(),
  })
  .strict()
  .superRefine(randomizationsRule);

export const Scenario = z
  .object({
    name: z.string().max(200).optional(),
    description: z.string().max(4000).optional(),
    currency: z.literal('NOK').default('NOK'),
    person: Person,
    plan: Plan,
    profile: Profile,
    payout: Payout,
    tax: Tax.default({ kind: 'flat', rate: 0 }),
    /** Lifetime risk: each path's age at death drawn from K2013 (intensities times `scale`). */
    mortality: z
      .object({ table: z.literal('K2013').default('K2013'), scale: finite().gt(0).max(10).default(1) })
      .strict()
      .optional(),
    /** Folketrygd old-age pension (new model, born 1963 or later), for the total pension. */
    folketrygd: z
      .object({
        /** NAV's delingstall at the withdrawal age (an input; e.g. 19.16 at 67 for the 1992 cohort). */
        delingstall: finite().gt(0).max(40),
        /** Withdrawal age, 62–75; defaults to the payout start age. */
        withdrawalAge: wholeAge().optional(),
        /** Pension holding (pensjonsbeholdning) already earned at the start, in start-year kroner. */
        initialHolding: amount(MAX_CAPITAL_NOK, 'NOK', '').default(0),
        /** Yearly regulation of the pension in payment below wage growth. */
        payoutRegulationDeduction: rate(0, 0.05).default(0.0075),
      })
      .strict()
      .optional(),
    /**
     * The folketrygd's survivors' benefits on a death before the payout start (needs mortality):
     * omstillingsstønad to the spouse (person.spouse), reduced by the spouse's own income, and
     * barnepensjon to the children (person.children); docs/model.md §2.6.
     */
    survivors: z
      .object({
        /** The surviving spouse's own yearly income in start-year kroner (grows with G). */
        spouseIncome: amount(MAX_PAY_NOK, 'NOK', 'a year').default(0),
        /** Years of omstillingsstønad: 3, or up to 5 with training (folketrygdloven kap. 17). */
        omstillingYears: z.number().int().min(3).max(5).default(3),
      })
      .strict()
      .optional(),
    /** Disability before retirement: uføretrygd, the premium waiver, a private disability pension (disability-schema.ts). */
    disability: Disability.optional(),
    /** Yearly growth of G beyond the built-in table; defaults to the mean wage growth. */
    gGrowth: rate(-0.5, 1).optional(),
    /** Deterministic yearly price inflation, used only by reports in today's money (`--real`); not by the simulation. */
    inflation: rate(-0.05, 0.2).default(0.02),
    /** The return model and stochastic inflation (returns-schema.ts); absent = correlated lognormal, no inflation model. */
    returns: Returns.optional(),
    simulation: Simulation.default({ paths: 10_000, seed: 1, percentiles: [...DEFAULT_PERCENTILES], percentileMethod: 'auto', sampler: 'pseudo' }),
  })
  .strict();

export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
export type PlanSpec = z.infer<typeof Plan>;
export type ProfileSpec = z.infer<typeof Profile>;
