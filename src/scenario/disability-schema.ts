/**
 * The `disability` section of a Norwegian scenario (docs/model.md §2.9): who becomes disabled
 * (incidence by age, a degree, optional recovery) and what disability does (uføretrygd, the premium
 * waiver, a private disability pension, the covers' premium). Cross-field rules (the degree's legal
 * minimum, ages, the self-employed's folketrygd) are in validate-disability.ts.
 */
import * as z from 'zod';
import { MAX_ADD_G, MAX_BASE_RATE, MAX_UPPER_RATE } from '../rules/no/disability-pension.js';
import { DEFAULT_ACCRUAL_END_AGE, MIN_DEGREE_WORK_INJURY } from '../rules/no/uforetrygd.js';

const finite = () => z.number().finite();
const probability = () =>
  finite().min(0, 'a yearly incidence is a probability: at least 0').max(1, 'a yearly incidence is a probability: at most 1 (e.g. 0.01 = 1 % a year)');
const wholeAge = () => z.number().int().min(0).max(120);

export const DisabilityIncidence = z.discriminatedUnion('kind', [
  /** NAV's 2012 rates by age and sex (rules/no/disability-incidence.ts), times `scale`. */
  z.object({ kind: z.literal('nav-2012'), scale: finite().min(0).max(10, 'a scale on the NAV incidence is at most 10').default(1) }).strict(),
  /** The same yearly probability at every age from 18 to 66. */
  z.object({ kind: z.literal('constant'), rate: probability() }).strict(),
  /** Yearly probabilities from each `fromAge` on (a step function; 0 before the first), to 66. */
  z
    .object({
      kind: z.literal('table'),
      rates: z.array(z.object({ fromAge: wholeAge(), rate: probability() }).strict()).min(1).max(121),
    })
    .strict(),
]);

const degreeValue = () =>
  finite()
    .min(MIN_DEGREE_WORK_INJURY, 'the disability degree (uføregrad) is at least 0.5 (50 %, folketrygdloven § 12-7), or 0.3 with workInjury (§ 12-17)')
    .max(1, 'the disability degree is at most 1 (100 %)');

/** A degree drawn per path: the scenario's discrete table (shares summing to 1), or NAV's recipients by degree in 2022. */
export const DegreeDrawn = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('drawn'),
      table: z
        .array(z.object({ degree: degreeValue(), share: finite().min(0, 'a share is at least 0').max(1, 'a share is at most 1') }).strict())
        .min(1)
        .max(20, 'a degree table has at most 20 rows'),
    })
    .strict(),
  z.object({ kind: z.literal('nav-2022') }).strict(),
]);

export const Disability = z
  .object({
    incidence: DisabilityIncidence.default({ kind: 'nav-2012', scale: 1 }),
    /**
     * Uføregrad: the share of earning capacity lost, at least 0.5 (0.3 with a work injury; folketrygdloven §§ 12-7, 12-17):
     * one degree for every path, or drawn per path from a table or NAV's 2022 distribution (rules/no/disability-degree.ts).
     */
    degree: z.union([degreeValue(), DegreeDrawn]).default(1),
    /** The disability is a recognised work injury (yrkesskade): a degree from 0.3 is allowed. */
    workInjury: z.boolean().default(false),
    /** Yearly probability of leaving disability (back to the pay path); one episode a path. */
    recovery: finite().min(0).max(1, 'recovery is a yearly probability: at most 1').default(0),
    /** Every path becomes disabled at this age (a what-if; `pensim project --disability-age`). */
    forcedAge: wholeAge().optional(),
    uforetrygd: z
      .object({
        enabled: z.boolean().default(true),
        /** Living alone: the minimum level is 2.48 G instead of 2.28 G (§ 12-13). */
        livesAlone: z.boolean().default(false),
        /** Old-age accrual on the assumed income until this age (§ 20-7a: 62; the 2024 settlement's 65 is a choice). */
        accrualEndAge: z.number().int().min(62).max(67).default(DEFAULT_ACCRUAL_END_AGE),
      })
      .strict()
      .default({ enabled: true, livesAlone: false, accrualEndAge: DEFAULT_ACCRUAL_END_AGE }),
    /** Innskuddsfritak: the scheme's contributions continue to 67 on the pay at disability, times the degree. */
    waiver: z.boolean().default(true),
    /** A private disability pension (uførepensjon, tjenestepensjonsloven kap. 8); each part at most the law's maximum. */
    pension: z
      .object({
        baseRate: finite().min(0).max(MAX_BASE_RATE, 'at most 0.03 (3 % of pay up to 12 G, tjenestepensjonsloven kap. 8)').default(MAX_BASE_RATE),
        addG: finite().min(0).max(MAX_ADD_G, 'at most 0.25 (0.25 G, tjenestepensjonsloven kap. 8)').default(MAX_ADD_G),
        upperRate: finite().min(0).max(MAX_UPPER_RATE, 'at most 0.66 (66 % of pay between 6 and 12 G, tjenestepensjonsloven kap. 8)').default(MAX_UPPER_RATE),
        /** Whole years from the onset before the pension is paid (karenstid). */
        waitingYears: z.number().int().min(0).max(5).default(1),
      })
      .strict()
      .optional(),
    /**
     * The capital and gross payout fans by age of the disabled and of the others as well as of all
     * paths (result.disability.*.fan); off by default, as they add 10–15 % to a run's time (bench/README.md).
     */
    groupFans: z.boolean().optional(),
    /** The covers' yearly premium as a share of pay, paid out of the member's own saving (self-employed); 0 when an employer pays it. */
    premiumRate: finite().min(0).max(0.1, 'a yearly premium of at most 10 % of pay').default(0),
  })
  .strict();

export type DisabilitySpec = z.infer<typeof Disability>;
