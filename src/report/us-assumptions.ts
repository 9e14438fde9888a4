/**
 * The assumptions behind a US report, in words, grouped as an advisor would explain them: the
 * person, the plan's rules, the IRS limits (of the first simulated year, and how later years are
 * indexed), the company-stock model and employment risk, the savings profile, the distribution at
 * the retirement age (IRA rollover or NUA and their tax rates), the economy and the run. Built from
 * the validated scenario (defaults filled in) and the result; the run date is passed in.
 */
import type { UsScenario } from '../scenario/us-schema.js';
import { startOf } from '../scenario/validate-scenario.js';
import { US_LIMITS_LAST_YEAR, usLimits } from '../rules/us/limits.js';
import { describeBasis } from './amount-basis.js';
import { correlationText, rateFormat, SAMPLER_TEXT, weightsText, type AssumptionGroup } from './assumptions.js';
import { usInflation, usInflationSource } from './us-amount-basis.js';
import { usPercentileKeys, usPercentileName, type UsReportView } from './us-report-view.js';

type Row = [string, string];

const PLAN_NAMES: Record<UsScenario['plan']['kind'], string> = {
  'us-401k': '401(k): employee deferrals and employer money in the plan\'s funds',
  'us-ksop': 'KSOP: a 401(k) with an ESOP; the match is paid in company stock',
  'us-simple-ira': 'SIMPLE IRA (IRC §408(p))',
  'us-sep-ira': 'SEP IRA (IRC §408(k)): employer contributions only',
};

const VESTING: Record<string, string> = {
  immediate: 'immediate',
  'cliff-3': '3-year cliff (IRC §411(a)(2)(B)(ii))',
  'graded-2-6': '2–6 year graded: 20 % a year from year 2 (IRC §411(a)(2)(B)(iii))',
};

export function usAssumptions(s: UsScenario, view: UsReportView, runDate: string): AssumptionGroup[] {
  const r = view.result;
  const f = view.format;
  const money = f.money;
  const pct = rateFormat(f.locale);
  const { startAge, startYear } = startOf({ ...s.person, careerBreaks: [], children: [], spouse: false });
  const p = s.person;
  const person: Row[] = [
    ['Born', String(p.birthYear)],
    ['First simulated year', `${startYear}, at age ${startAge}`],
    ['Saving until', `age ${p.retirementAge} (last pay in the year before; the account is distributed at ${p.retirementAge})`],
    ['Pay in the first year', money(p.salary)],
    ['Pay growth', typeof p.wageGrowth === 'number' ? `${pct(p.wageGrowth)} a year` : `${pct(p.wageGrowth.mean)} a year on average, standard deviation ${pct(p.wageGrowth.sd)}`],
    ['Account at the start', money(p.initialCapital)],
    ['Years of service at the start', String(p.yearsOfService)],
  ];

  const limits = usLimits(startYear, s.limits.indexation);
  const simple = s.plan.kind === 'us-simple-ira';
  const irs: Row[] = [
    [`Deferral limit ${startYear}`, simple ? `${money(limits.simpleDeferral)} (SIMPLE, IRC §408(p)(2)(E))` : `${money(limits.deferral)} (IRC §402(g))`],
    [
      `Catch-up ${startYear}`,
      simple
        ? `${money(limits.simpleCatchUp50)} from 50${limits.simpleCatchUp60to63 > 0 ? `, ${money(limits.simpleCatchUp60to63)} at 60–63 (SECURE 2.0 §109)` : ''}`
        : `${money(limits.catchUp50)} from 50${limits.catchUp60to63 > 0 ? `, ${money(limits.catchUp60to63)} at 60–63 (SECURE 2.0 §109)` : ''} (IRC §414(v))`,
    ],
    [`Annual additions ${startYear}`, `${money(limits.annualAdditions)} (IRC §415(c))`],
    [`Compensation counted ${startYear}`, `at most ${money(limits.compensationCap)} (IRC §401(a)(17))`],
    ['Later years', startYear >= US_LIMITS_LAST_YEAR ? `grow by ${pct(s.limits.indexation)} a year after ${US_LIMITS_LAST_YEAR} (limits.indexation; not rounded to the IRS's $500 steps)` : `the IRS's published limits to ${US_LIMITS_LAST_YEAR}, then ${pct(s.limits.indexation)} a year`],
  ];

  const groups: AssumptionGroup[] = [
    { title: 'Person', rows: person },
    { title: 'Plan rules', rows: planRows(s, pct) },
    { title: 'IRS limits', rows: irs },
  ];

  const st = s.employerStock;
  if (st) {
    groups.push({
      title: 'Company stock',
      rows: [
        ['Market exposure', `beta ${new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2 }).format(st.beta)} to ${st.marketAsset}, risk-free rate ${pct(st.riskFreeRate)} (CAPM)`],
        ['Own risk', `idiosyncratic volatility ${pct(st.idiosyncraticVolatility)} a year${st.studentTDof !== undefined ? `, Student-t shocks with ${st.studentTDof} degrees of freedom` : ', normal shocks'}`],
        ['Default', st.defaultHazard > 0 ? `hazard ${pct(st.defaultHazard)} a year, ${pct(st.recovery)} of the value kept on default${st.compensated ? '; the drift is raised so default leaves the expected return unchanged' : ''}` : 'none modelled'],
        ['Employment', `${pct(s.employment.leaveProbability)} a year chance of leaving the employer (unvested money forfeited)${s.employment.defaultEndsJob ? `; the employer's default ends the job, then ${s.employment.yearsWithoutPay} year(s) without pay` : ''}`],
      ],
    });
  } else if (s.employment.leaveProbability > 0) {
    groups.push({ title: 'Employment', rows: [['Leaving the employer', `${pct(s.employment.leaveProbability)} a year (unvested money forfeited)`]] });
  }

  const profile: Row[] = s.profile.assets.map((a) => [a.name, `expected return ${pct(a.expectedReturn)} a year, volatility ${pct(a.volatility)}`]);
  profile.push(['Correlation of log returns', correlationText(s, f.locale)]);
  if (s.profile.weights) profile.push(['Weights', weightsText(s.profile.weights, pct)]);
  else if (s.profile.glidePath) profile.push(['Glide path', `${s.profile.glidePath.map((g) => `age ${g.age}: ${weightsText(g.weights, pct)}`).join('; ')} (linear between the ages, flat outside)`]);
  profile.push(['Fees', `${pct(s.profile.fees.managementRate)} of the funds a year`]);
  groups.push({ title: 'Savings profile (the plan\'s funds)', rows: profile });

  groups.push({
    title: 'Distribution at the retirement age',
    rows: [
      ['IRA rollover', `everything rolled into an IRA, valued after ordinary income tax at ${pct(s.distribution.ordinaryRate)}`],
      ...(st ? [['Net unrealized appreciation (NUA)', `funds rolled over; company shares taken in kind: their cost basis taxed at ${pct(s.distribution.ordinaryRate)} now, the appreciation at ${pct(s.distribution.capitalGainsRate)} (long-term gains) when sold (IRC §402(e)(4))`] as Row] : []),
      ['Tax rates', `flat: ordinary ${pct(s.distribution.ordinaryRate)}, capital gains ${pct(s.distribution.capitalGainsRate)}`],
    ],
  });
  groups.push(...payoutGroups(s, pct, money));

  groups.push({ title: 'Economy', rows: [['Price inflation', `${pct(usInflation(s))} a year (${usInflationSource(s)}); used for today's dollars`]] });
  const keys = usPercentileKeys(view);
  groups.push({
    title: 'Run',
    rows: [
      ['Paths', `${f.amount(r.paths)} (in chunks of ${f.amount(r.chunkSize)})`],
      ['Percentile method', r.percentileMethod === 'sketch' ? 'a fixed-memory sketch (relative error at most 0.025 %)' : 'exact order statistics of all paths'],
      ['Seed', String(r.seed)],
      ['Sampler', SAMPLER_TEXT[s.simulation.sampler]],
      ['Percentiles', keys.map((k) => usPercentileName(view, k)).join(', ')],
      ['Sampling error', `standard error of the mean account at ${r.ages.retirement}: ${money(r.metrics.capitalAtRetirement.stderr)}`],
      ['Target account', r.shortfall ? `${money(r.shortfall.targetWealth)} (nominal, before tax)` : 'none set (simulation.targetWealth)'],
      ['Amounts', describeBasis(view.basis, 'USD')],
      ['pensim version', r.pensim],
      ['Scenario hash', r.scenario.hash],
      ['Run date', runDate],
    ],
  });
  return groups;
}

function planRows(s: UsScenario, pct: (x: number) => string): Row[] {
  const plan = s.plan;
  const rows: Row[] = [['Plan', PLAN_NAMES[plan.kind]]];
  switch (plan.kind) {
    case 'us-401k':
    case 'us-ksop':
      rows.push(['Deferral', `${pct(plan.deferralRate)} of pay, up to the IRS limits`]);
      rows.push(['Match', plan.match.length === 0 ? 'none' : plan.match.map((t) => `${pct(t.rate)} of deferrals from ${pct(t.from)} to ${pct(t.to)} of pay`).join('; ') + (plan.kind === 'us-ksop' ? ', paid in company stock' : '')]);
      if (plan.nonelectiveRate > 0) rows.push(['Nonelective', `${pct(plan.nonelectiveRate)} of pay`]);
      rows.push(['Vesting of employer money', VESTING[plan.vesting] ?? plan.vesting]);
      if (plan.kind === 'us-ksop') {
        rows.push(['Deferrals in company stock', pct(plan.deferralStockShare)]);
        rows.push(['Diversification', diversificationText(plan.diversification, pct)]);
      }
      break;
    case 'us-simple-ira':
      rows.push(['Deferral', `${pct(plan.deferralRate)} of pay, up to the SIMPLE limits`]);
      rows.push(['Employer', plan.employer === 'match-3' ? '100 % match of deferrals up to 3 % of pay' : '2 % of pay to every eligible employee']);
      break;
    case 'us-sep-ira':
      rows.push(['Employer contribution', `${pct(plan.rate)} of pay (at most 25 %, within §415(c) and §401(a)(17))`]);
      break;
  }
  return rows;
}

function diversificationText(d: Extract<UsScenario['plan'], { kind: 'us-ksop' }>['diversification'], pct: (x: number) => string): string {
  switch (d.kind) {
    case 'hold':
      return 'hold: company shares are kept';
    case 'sell-after-service':
      return `sell the employer-sourced shares once participation reaches ${d.years} years (IRC §401(a)(35))`;
    case 'fifty-five-ten':
      return 'from 55 with 10 years of participation, 25 % of the shares over five years, 50 % in the sixth (IRC §401(a)(28)(B))';
    case 'cap':
      return `company stock cut to at most ${pct(d.share)} of the account at each year start`;
  }
}

/** The payout section's assumptions (docs/us-plans.md "Payout years"): absent without one. */
function payoutGroups(s: UsScenario, pct: (x: number) => string, money: (x: number) => string): AssumptionGroup[] {
  const po = s.payout;
  if (!po) return [];
  const w = po.withdrawal;
  const policy =
    w.kind === 'constant-real'
      ? `${pct(w.rate)} of the accounts at ${s.person.retirementAge}, then the same amount raised by inflation each year (Bengen 1994)`
      : w.kind === 'percent-of-balance'
        ? `${pct(w.rate)} of the accounts at each year start`
        : w.kind === 'amortized'
          ? `the accounts paid out level over the years left to ${po.horizonAge} at an assumed ${pct(w.assumedReturn)} return (VPW)`
          : 'the required minimum distributions only';
  const rows: Row[] = [
    ['Payout', `from ${s.person.retirementAge} to ${po.horizonAge}${po.lifetimes === 'life-table' ? ` or death (2021 US period life table, NCHS; ${po.sex})` : ', every outcome living to the end'}`],
    ['Withdrawal policy', policy],
    ['Required minimum distributions', 'the withdrawal is at least the RMD (IRS Uniform Lifetime Table, Treas. Reg. §1.401(a)(9)-9(c)) from the RMD age (SECURE 2.0 §107)'],
  ];
  if (po.floor !== undefined || po.ceiling !== undefined) {
    rows.push(['Spending band', [po.floor !== undefined ? `at least ${money(po.floor)}` : '', po.ceiling !== undefined ? `at most ${money(po.ceiling)}` : ''].filter(Boolean).join(', ') + " a year in today's dollars"]);
  }
  rows.push([
    'Taxes',
    po.tax.kind === 'federal'
      ? `2026 federal brackets and standard deduction (Rev. Proc. 2025-32), ${po.tax.filing}, indexed by inflation after 2026; long-term gains at 0/15/20 %; the 10 % additional tax before 59½ (IRC §72(t)); no state tax`
      : `flat: ordinary ${pct(s.distribution.ordinaryRate)}, capital gains ${pct(s.distribution.capitalGainsRate)}; no state tax`,
  ]);
  rows.push(['Social Security', po.socialSecurity ? `${money(po.socialSecurity.benefitAtFullRetirementAge)} a year at full retirement age in today's dollars, claimed at ${po.socialSecurity.claimingAge} (SSA's reduction or delayed credits), raised by inflation` : 'not included']);
  const route = po.distribution ?? (s.employerStock ? 'nua' : 'rollover');
  const sales = po.nuaSales.kind === 'sell-over' ? `sold over ${po.nuaSales.years} years` : po.nuaSales.kind === 'sell-all' ? 'sold at once' : 'kept (sold only when the other money is gone)';
  rows.push(['Distribution route', route === 'nua' ? `NUA: funds rolled into an IRA, company shares taken in kind into a taxable account, ${sales}` : 'everything rolled into an IRA']);
  rows.push(['Payout portfolio', po.weights ? weightsText(po.weights, pct) : po.glidePath ? 'a glide path by age' : "the profile's own weights"]);
  rows.push(['Spending risk aversion', `γ = ${po.gamma} (CRRA) for the certainty equivalent of lifetime spending`]);
  return [{ title: 'Payout, taxes and Social Security', rows }];
}
