/**
 * The assumptions behind a report, in words, grouped as an advisor would explain them: the
 * person, the plan's rules, the savings profile (returns, volatility, correlation, weights or
 * glide path, fees), the payout and tax, the economy, and the run itself (paths, seed, version,
 * scenario hash, date). Built from the validated scenario (defaults filled in) and the result
 * (which carries the paths and seed actually used). The run date is passed in: report code is pure.
 */
import type { Scenario } from '../scenario/schema.js';
import { startOf } from '../scenario/validate-scenario.js';
import { MAX_RATE, MIN_RATE, PAY_CAP_G, UPPER_BAND_EXTRA_RATE, UPPER_BAND_FROM_G } from '../rules/no/otp-band.js';
import { describeBasis } from './amount-basis.js';
import { currencyFormat } from './currency-format.js';
import { percentileName, percentileKeys, type ReportView } from './report-view.js';

export interface AssumptionGroup {
  title: string;
  rows: [label: string, value: string][];
}

export function assumptions(s: Scenario, view: ReportView, runDate: string): AssumptionGroup[] {
  const r = view.result;
  // The scenario's inputs are money of their own year, whatever unit the results are shown in.
  const money = currencyFormat(r.currency).money;
  const pct = rateFormat(view.format.locale);
  const { startAge, startYear } = startOf(s.person);
  const p = s.person;
  const person: [string, string][] = [
    ['Born', `${p.birthYear}${p.sex ? ` (${p.sex})` : ''}`],
    ['First simulated year', `${startYear}, at age ${startAge}`],
    ['Saving until', `age ${p.retirementAge} (last contribution in the year before)`],
    ['Pay in the first year', money(p.salary)],
    ['Pay growth', typeof p.wageGrowth === 'number' ? `${pct(p.wageGrowth)} a year` : `${pct(p.wageGrowth.mean)} a year on average, standard deviation ${pct(p.wageGrowth.sd)} (G follows the simulated wages)`],
    ['Capital already saved', money(p.initialCapital)],
  ];
  if (p.careerBreaks.length > 0) {
    person.push(['Career breaks', p.careerBreaks.map((b) => `ages ${b.fromAge}–${b.toAge} at ${pct(b.payFactor)} of pay`).join('; ')]);
  }

  const assets = s.profile.assets;
  // A bootstrap without rescaling, or regime switching, draws returns of its own: the profile's
  // expected returns, volatilities and correlation are then not used, and the report says so.
  const returns = s.returns;
  const profileUnused = (returns?.model === 'bootstrap' && !returns.rescale) || returns?.model === 'regime-switching';
  const unused = profileUnused ? ` (not used: the ${returns!.model} model draws the returns)` : '';
  const profile: [string, string][] = assets.map((a) => [a.name, `expected return ${pct(a.expectedReturn)} a year, volatility ${pct(a.volatility)}${unused}`]);
  profile.push(['Correlation of log returns', `${correlationText(s, view.format.locale)}${unused}`]);
  // An engine with return models says which drew the returns (result/returns-result.ts); read narrowly.
  const model = (r as { returns?: { model?: string; terms?: string; note?: string } }).returns;
  if (model?.model) profile.push(['Return model', `${model.model}, ${model.terms ?? 'nominal'} returns${model.note ? `: ${model.note}` : ''}`]);
  if (s.profile.weights) {
    profile.push(['Weights', weightsText(s.profile.weights, pct)]);
  } else if (s.profile.glidePath) {
    profile.push(['Glide path', `${s.profile.glidePath.map((g) => `age ${g.age}: ${weightsText(g.weights, pct)}`).join('; ')} (linear between the ages, flat outside)`]);
  }
  profile.push(['Rebalancing', `${s.profile.rebalancing} (to the weights of each age)`]);
  profile.push(['Fees', `${pct(s.profile.fees.managementRate)} of capital and ${money(s.profile.fees.perMember)} per member, each year end`]);

  const payoutStart = s.payout.startAge ?? p.retirementAge;
  const payout: [string, string][] = [
    ['Payout', s.payout.years === undefined ? `from age ${payoutStart}, for life` : `from age ${payoutStart} over ${s.payout.years} years (to ${payoutStart + s.payout.years})`],
    ['Method', payoutMethodText(s, pct)],
    ['Tax', taxText(s, pct, money)],
  ];
  if (s.payout.graded) payout.push(['Graded withdrawal', `${pct(s.payout.graded.share)} of the payout until age ${s.payout.graded.fullFromAge}, the rest kept invested`]);
  if (s.mortality) payout.push(['Lifetimes', `drawn from ${s.mortality.table}${s.mortality.scale === 1 ? '' : ` (mortality × ${s.mortality.scale})`}`]);
  const ft = s.folketrygd;
  if (ft) {
    payout.push([
      'Folketrygd',
      `old-age pension (new model): ${pct(0.181)} of pay up to ${new Intl.NumberFormat(view.format.locale).format(7.1)} G a year added to a holding of ${money(ft.initialHolding)} at the start, wage-regulated; ` +
        `from age ${ft.withdrawalAge ?? payoutStart} the holding ÷ delingstall ${new Intl.NumberFormat(view.format.locale).format(ft.delingstall)}, regulated in payment by wage growth less ${pct(ft.payoutRegulationDeduction)}`,
    ]);
  }

  const keys = percentileKeys(view);
  const run: [string, string][] = [
    ['Paths', `${view.format.amount(r.paths)} (in chunks of ${view.format.amount(r.chunkSize)})`],
    ['Percentile method', r.percentileMethod === 'sketch' ? 'a fixed-memory sketch (relative error at most 0.025 %)' : 'exact order statistics of all paths'],
    ['Seed', String(r.seed)],
    ['Sampler', SAMPLER_TEXT[s.simulation.sampler] + (r.intervals?.method === 'randomized-blocks' ? `, in ${r.intervals.blocks} independent randomizations` : '')],
    ['Percentiles', keys.map((k) => percentileName(view, k)).join(', ')],
    ['Sampling error', samplingError(r, keys, money)],
    ['Target replacement ratio', r.shortfall ? pct(r.shortfall.targetReplacementRatio) : 'none set (simulation.targetReplacementRatio)'],
    ['Amounts', describeBasis(view.basis, r.currency)],
    ['pensim version', r.pensim],
    ['Scenario hash', r.scenario.hash],
    ['Run date', runDate],
  ];

  return [
    { title: 'Person', rows: person },
    { title: 'Plan rules', rows: planRows(s, pct, money) },
    { title: 'Savings profile', rows: profile },
    { title: 'Payout and tax', rows: payout },
    ...(s.disability ? [{ title: 'Disability before 67', rows: disabilityRowsOf(s.disability, pct) }] : []),
    {
      title: 'Economy',
      rows: [
        ['G growth after the built-in table', s.gGrowth === undefined ? 'the mean pay growth' : `${pct(s.gGrowth)} a year`],
        ['Price inflation', inflationText(s, view, pct)],
      ],
    },
    { title: 'Run', rows: run },
  ];
}

type Pct = (x: number) => string;
type Money = (x: number) => string;

/** A fixed degree, or a drawn one's table (NAV's: rules/no/disability-degree.ts). */
function degreeText(degree: NonNullable<Scenario['disability']>['degree'], pct: Pct): string {
  if (typeof degree === 'number') return pct(degree);
  if (degree.kind === 'nav-2022') return "drawn per path from NAV's recipients by degree in 2022 (85 % at 100 %)";
  return `drawn per path: ${degree.table.map((r) => `${pct(r.degree)} with probability ${pct(r.share)}`).join(', ')}`;
}

/** The disability section in words (docs/model.md §2.9). */
function disabilityRowsOf(d: NonNullable<Scenario['disability']>, pct: Pct): [string, string][] {
  const inc = d.incidence;
  const incidence =
    d.forcedAge !== undefined
      ? `every path disabled at age ${d.forcedAge}`
      : inc.kind === 'nav-2012'
        ? `NAV's new uføretrygd recipients by age in 2012 over those not disabled, by sex${inc.scale === 1 ? '' : `, × ${inc.scale}`}`
        : inc.kind === 'constant'
          ? `${pct(inc.rate)} a year from 18 to 66`
          : inc.rates.map((r) => `${pct(r.rate)} from ${r.fromAge}`).join(', ');
  const rows: [string, string][] = [
    ['Incidence', incidence],
    ['Degree', `${degreeText(d.degree, pct)}${d.workInjury ? ' (work injury)' : ''}; pay falls by it`],
    ['Recovery', d.recovery > 0 ? `${pct(d.recovery)} a year` : 'none: disabled until 67'],
    [
      'Uføretrygd',
      d.uforetrygd.enabled
        ? `66 % of the best 3 of the last 5 years' pay up to 6 G, at least ${d.uforetrygd.livesAlone ? '2.48' : '2.28'} G, times the degree, regulated with G, to 67; folketrygd accrual on the assumed income to age ${d.uforetrygd.accrualEndAge}`
        : 'not counted',
    ],
    ['Premium waiver', d.waiver ? 'the contributions continue to 67 on the pay at disability, times the degree' : 'none'],
  ];
  if (d.pension) {
    rows.push([
      'Disability pension',
      `${pct(d.pension.baseRate)} of pay to 12 G plus ${d.pension.addG} G (at most 6 % of pay) plus ${pct(d.pension.upperRate)} of pay between 6 and 12 G, times the degree, after ${d.pension.waitingYears} year(s)`,
    ]);
  }
  if (d.premiumRate > 0) rows.push(['Premium', `${pct(d.premiumRate)} of pay a year out of the saving`]);
  return rows;
}

/** A rate as a percentage with up to two decimals, in the locale: 0.0025 -> "0,25 %" (nb-NO). */
/** The market normals' sampler, in words (README "Samplers"). */
export const SAMPLER_TEXT: Record<Scenario['simulation']['sampler'], string> = {
  pseudo: 'pseudo-random: independent paths',
  antithetic: 'antithetic: paths in pairs with negated market shocks',
  sobol: 'sobol: scrambled Sobol points with a Brownian bridge for the market shocks (randomized quasi-Monte Carlo)',
};

export function rateFormat(locale: string): Pct {
  const f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  return (x) => f.format(x);
}

function planRows(s: Scenario, pct: Pct, money: Money): [string, string][] {
  const plan = s.plan;
  const band: [string, string] = [
    'Legal band',
    `at least ${pct(MIN_RATE)} of pay, at most ${pct(MAX_RATE)} of pay plus ${pct(UPPER_BAND_EXTRA_RATE)} between ${UPPER_BAND_FROM_G} G and ${PAY_CAP_G} G; pay above ${PAY_CAP_G} G not counted`,
  ];
  switch (plan.kind) {
    case 'no-otp-dc':
      return [
        ['Plan', 'Norwegian occupational defined contribution (innskuddspensjon, OTP)'],
        ['Contribution', `${contributionText(plan.contribution, plan.excludeFirstG, pct, money)}; paid at each year start`],
        band,
      ];
    case 'no-self-employed':
      return [
        ['Plan', 'Norwegian pension saving for the self-employed (selvstendig næringsdrivende)'],
        ['Contribution', `${pct(plan.rate)} of personinntekt between ${plan.floorG} G and ${PAY_CAP_G} G; paid at each year start`],
      ];
    case 'no-hybrid':
      return [
        ['Plan', 'Norwegian hybrid occupational pension (hybridpensjon)'],
        ['Contribution', `${contributionText(plan.contribution, plan.excludeFirstG, pct, money)}; paid at each year start`],
        band,
        ["Women's uplift", `${pct(plan.womenUplift)} higher contributions for women`],
        ['Regulation while saving', regulationText(plan.regulation, pct)],
        ['Holdings of members who die', plan.mortalityInheritance ? 'go to the survivors (dødelighetsarv)' : 'go to the heirs'],
      ];
    default:
      return unreachable(plan);
  }
}

type ContributionSpec = Extract<Scenario['plan'], { kind: 'no-otp-dc' }>['contribution'];

function contributionText(c: ContributionSpec, excludeFirstG: boolean, pct: Pct, money: Money): string {
  const above = excludeFirstG ? ' above 1 G' : '';
  switch (c.method) {
    case 'percent-of-pay':
      return `${pct(c.rate)} of pay${above}`;
    case 'tiered':
      return `${pct(c.rate)} of pay${above} up to ${UPPER_BAND_FROM_G} G, ${pct(c.upperRate)} of pay between ${UPPER_BAND_FROM_G} G and ${PAY_CAP_G} G`;
    case 'percent-of-basis':
      return `${pct(c.rate)} of a pay basis of ${money(c.basis.amount)}, growing ${pct(c.basis.growth)} a year`;
    case 'flat-amount':
      return `${money(c.amount)} a year, indexed ${pct(c.indexation)} a year`;
    default:
      return unreachable(c);
  }
}

type Regulation = Extract<Scenario['plan'], { kind: 'no-hybrid' }>['regulation'];

function regulationText(r: Regulation, pct: Pct): string {
  switch (r.kind) {
    case 'market':
      return 'the return of the savings profile';
    case 'g-regulation':
      return 'with the growth of G';
    case 'zero-guarantee':
      return `the profile's return with a 0 % floor, for a premium of ${pct(r.premiumRate)} of the holding a year`;
    default:
      return unreachable(r);
  }
}

function payoutMethodText(s: Scenario, pct: Pct): string {
  const m = s.payout.method;
  switch (m.kind) {
    case 'level-annuity':
      return `level annuity at a ${pct(m.technicalRate)} technical rate, paid at each year end and recomputed each year on the capital and years left`;
    case 'balance-over-remaining-years':
      return 'the balance divided by the years left, paid at each year start, returns continuing';
    case 'lifelong':
      return `for life: the holding divided by the K2013 life annuity factor at a ${pct(m.technicalRate)} technical rate, recomputed each year`;
    default:
      return unreachable(m);
  }
}

/** Which inflation the amounts were deflated by, if any: the scenario's fixed rate, or the simulated one. */
function inflationText(s: Scenario, view: ReportView, pct: Pct): string {
  const model = s.returns?.inflation;
  const simulated = model ? `simulated, AR(1) around ${pct(model.mean)} a year` : `${pct(s.inflation)} a year`;
  switch (view.basis.kind) {
    case 'real':
      return `${simulated} (the amounts here are deflated by it to today's money)`;
    case 'real-simulated':
      return `${simulated} (the amounts here are deflated by each path's own simulated price index)`;
    default:
      return `${simulated} (the amounts here are not deflated by it)`;
  }
}

function taxText(s: Scenario, pct: Pct, money: Money): string {
  const t = s.tax;
  switch (t.kind) {
    case 'flat':
      return `flat ${pct(t.rate)} of the payout`;
    case 'norway': {
      const base = s.folketrygd ? `the simulated folketrygd pension plus ${money(t.otherPensionIncome)} other pension income a year` : `${money(t.otherPensionIncome)} other pension income a year`;
      return `Norwegian pension-income tax, ${t.year} rules (brackets indexed by G), on top of ${base}`;
    }
    default:
      return unreachable(t);
  }
}

export function weightsText(w: Record<string, number>, pct: Pct): string {
  return Object.entries(w)
    .map(([name, v]) => `${name} ${pct(v)}`)
    .join(', ');
}

/** The profile's correlations in words (a US scenario's profile is the same). */
export function correlationText(s: { profile: Scenario['profile'] }, locale: string): string {
  const { assets, correlation } = s.profile;
  if (assets.length < 2) return 'one asset';
  if (!correlation) return 'none (independent assets)';
  const f = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pairs: string[] = [];
  for (let i = 0; i < assets.length; i++) {
    for (let j = i + 1; j < assets.length; j++) pairs.push(`${assets[i]!.name}–${assets[j]!.name} ${f.format(correlation[i]![j]!)}`);
  }
  return pairs.join(', ');
}

function unreachable(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
}

/**
 * The Monte Carlo error of the headline figures in words: each capital percentile's 95 % interval
 * (result ci95) and the mean's, and how they were computed (docs/results.md "Intervals"): order
 * statistics of independent paths and 1.96 standard errors, or the spread of the sampler's
 * randomized blocks with Student's t.
 */
function samplingError(r: ReportView['result'], keys: readonly string[], money: (x: number) => string): string {
  const cap = r.metrics.capitalAtRetirement;
  const parts = keys.filter((k) => cap.ci95?.[k]).map((k) => `${k} ${money(cap.ci95![k]![0])} to ${money(cap.ci95![k]![1])}`);
  const iv = r.intervals;
  if (iv?.method === 'randomized-blocks') {
    return (
      `95 % intervals of the capital at the payout start: ${parts.join('; ')}; the mean ± ${money(iv.multiplier * cap.stderr)}. ` +
      `The ${r.sampler} sampler's paths form ${iv.blocks} independent randomizations; each interval is the figure from all paths ± Student's t(0.975, ${iv.blocks - 1}) = ${iv.multiplier.toFixed(3)} × the spread of its ${iv.blocks} block estimates ÷ √${iv.blocks}`
    );
  }
  return `95 % intervals of the capital at the payout start (order statistics of independent paths): ${parts.join('; ')}; the mean ± ${money(1.96 * cap.stderr)}`;
}
