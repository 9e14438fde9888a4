/**
 * Extreme but valid scenarios for the fuzz tests: a bundled scenario with some of its numbers set to
 * the ends of their allowed ranges (src/scenario/bounds.ts and the schemas; docs/scenarios.md §3):
 * the largest pay and capital, the fastest and slowest wage and G growth, the widest returns, the
 * largest fees, the longest horizon. Every such scenario the schema and cross-field rules accept must
 * simulate to finite numbers (docs/model.md §9.4): the bounds are chosen so that their product stays
 * inside double precision.
 */
import fc from 'fast-check';
import { MAX_CAPITAL_NOK, MAX_CAPITAL_USD, MAX_FEE_PER_MEMBER, MAX_PAY_NOK, MAX_PAY_USD, MAX_TARGET_USD } from '../../src/scenario/bounds.js';
import { BASES } from './hostile-scenarios.js';

type Json = any;

/** One edit: sets some fields of the tree to a bound; `us` says which bases it applies to. */
interface Edit {
  name: string;
  us: boolean | 'both';
  apply: (s: Json) => void;
}

const assets = (s: Json, expectedReturn: number, volatility: number) => {
  for (const a of s.profile.assets) Object.assign(a, { expectedReturn, volatility });
  const regimes = s.returns?.regimes as Json[] | undefined;
  for (const r of regimes ?? []) for (const a of Object.values(r.assets) as Json[]) Object.assign(a, { expectedReturn, volatility });
};

export const EDITS: Edit[] = [
  { name: 'largest pay', us: false, apply: (s) => (s.person.salary = MAX_PAY_NOK) },
  { name: 'largest pay', us: true, apply: (s) => (s.person.salary = MAX_PAY_USD) },
  { name: 'smallest pay', us: 'both', apply: (s) => (s.person.salary = 0.01) },
  { name: 'largest capital', us: false, apply: (s) => (s.person.initialCapital = MAX_CAPITAL_NOK) },
  { name: 'largest capital', us: true, apply: (s) => (s.person.initialCapital = MAX_CAPITAL_USD) },
  { name: 'fastest uncertain wage growth', us: 'both', apply: (s) => (s.person.wageGrowth = { mean: 1, sd: 0.1 }) },
  { name: 'fastest wage growth', us: 'both', apply: (s) => (s.person.wageGrowth = 1) },
  { name: 'slowest wage growth', us: 'both', apply: (s) => (s.person.wageGrowth = { mean: -0.5, sd: 0.1 }) },
  { name: 'fastest G growth', us: false, apply: (s) => (s.gGrowth = 1) },
  { name: 'slowest G growth', us: false, apply: (s) => (s.gGrowth = -0.5) },
  { name: 'highest returns, widest volatility', us: 'both', apply: (s) => assets(s, 2, 3) },
  { name: 'lowest returns, widest volatility', us: 'both', apply: (s) => assets(s, -0.9, 3) },
  { name: 'largest fees', us: 'both', apply: (s) => (s.profile.fees = { managementRate: 0.2, perMember: MAX_FEE_PER_MEMBER }) },
  { name: 'largest other pension income', us: false, apply: (s) => (s.tax = { kind: 'norway', year: 2026, otherPensionIncome: MAX_PAY_NOK }) },
  {
    name: 'largest folketrygd holding, smallest delingstall',
    us: false,
    apply: (s) => (s.folketrygd = { ...(s.folketrygd ?? {}), delingstall: 0.01, initialHolding: MAX_CAPITAL_NOK, payoutRegulationDeduction: 0.05 }),
  },
  { name: 'mortality at 10 times K2013', us: false, apply: (s) => ((s.mortality = { table: 'K2013', scale: 10 }), (s.person.sex ??= 'male')) },
  { name: 'highest shortfall target', us: false, apply: (s) => (s.simulation = { ...(s.simulation ?? {}), targetReplacementRatio: 10 }) },
  {
    name: 'widest stochastic inflation',
    us: false,
    apply: (s) => (s.returns = { ...(s.returns ?? { model: 'lognormal' }), inflation: { mean: 0.3, persistence: 0.95, sd: 0.2, initial: 1 } }),
  },
  {
    name: 'longest horizon',
    us: false,
    apply: (s) => {
      delete s.person.startYear;
      // The earliest start (age 13 in 2010, the first year of the G table) to the last payout age (120).
      Object.assign(s.person, { birthYear: 1997, startAge: 13, retirementAge: 75, careerBreaks: [] });
      s.payout.startAge = 75;
      if (s.payout.method.kind !== 'lifelong') s.payout.years = 45;
      delete s.payout.graded;
      delete s.profile.glidePath;
      if (!s.profile.weights) s.profile.weights = Object.fromEntries(s.profile.assets.map((a: Json, i: number) => [a.name, i === 0 ? 1 : 0]));
      if (s.folketrygd) s.folketrygd.withdrawalAge = 75;
    },
  },
  { name: 'largest target wealth', us: true, apply: (s) => (s.simulation = { ...(s.simulation ?? {}), targetWealth: MAX_TARGET_USD }) },
  {
    name: 'wildest employer stock',
    us: true,
    apply: (s) => {
      if (!s.employerStock) return;
      Object.assign(s.employerStock, { beta: 5, idiosyncraticVolatility: 3, riskFreeRate: 0.5, defaultHazard: 5, recovery: 1 });
    },
  },
  {
    name: 'safest employer stock at the highest risk-free rate',
    us: true,
    apply: (s) => {
      if (!s.employerStock) return;
      Object.assign(s.employerStock, { beta: -3, idiosyncraticVolatility: 0, riskFreeRate: 0.5, defaultHazard: 0 });
    },
  },
  { name: 'longest service, always leaving', us: true, apply: (s) => (Object.assign(s.person, { yearsOfService: 60 }), (s.employment = { leaveProbability: 1 })) },
];

const isUs = (tree: Json) => String(tree?.plan?.kind ?? '').startsWith('us-');

export interface ExtremeCase {
  base: number;
  edits: number[];
}

export const extremeCase = (us: boolean): fc.Arbitrary<ExtremeCase> => {
  const bases = BASES.map((b, i) => [b, i] as const).filter(([b]) => isUs(b.tree) === us).map(([, i]) => i);
  const edits = EDITS.map((e, i) => [e, i] as const).filter(([e]) => e.us === 'both' || e.us === us).map(([, i]) => i);
  return fc.record({ base: fc.constantFrom(...bases), edits: fc.subarray(edits, { minLength: 1, maxLength: 6 }) });
};

/** The case's base scenario with its edits applied, and the edits' names. */
export function extremeTree(c: ExtremeCase): { tree: Json; names: string[] } {
  const tree = structuredClone(BASES[c.base]!.tree);
  for (const i of c.edits) EDITS[i]!.apply(tree);
  return { tree, names: [BASES[c.base]!.file, ...c.edits.map((i) => EDITS[i]!.name)] };
}
