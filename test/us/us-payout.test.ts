/**
 * The payout years of a US plan (issue 22) against figures computed independently in the test:
 * a zero-volatility ledger by hand (RMD years, Social Security, flat tax, the RMD excess reinvested),
 * the §72(t) additional tax with and without the age-55 exception, the probability of ruin of a
 * constant real withdrawal against a plain simulation with its own generator, common random
 * numbers with the plan without a payout, and the CRRA certainty equivalent's formula.
 */
import { describe, expect, it } from 'vitest';
import { US_PAYOUT_SERIES } from '../../src/plan/us-payout-plan.js';
import { usPayoutAt, usPayoutFans, US_SERIES } from '../../src/plan/us-simulation-plan.js';
import { certaintyEquivalent } from '../../src/result/us-payout-result.js';
import { usRun, usScenario, type Json } from './helpers.js';

/** One fund with zero volatility: every path is the same, the ledger below is exact. */
function deterministic(j: Json, { born, startYear, retire, horizon }: { born: number; startYear: number; retire: number; horizon: number }) {
  j.person = { birthYear: born, startYear, retirementAge: retire, salary: 50_000, wageGrowth: 0.03, initialCapital: 1_000_000, yearsOfService: 0 };
  j.plan = { kind: 'us-401k', deferralRate: 0, match: [] };
  j.profile = { assets: [{ name: 'fund', expectedReturn: 0.05, volatility: 0 }], weights: { fund: 1 }, fees: { managementRate: 0.005, perMember: 0 } };
  j.employment = { leaveProbability: 0 };
  j.distribution = { ordinaryRate: 0.2, capitalGainsRate: 0.15 };
  j.payout = { horizonAge: horizon, withdrawal: { kind: 'constant-real', rate: 0.03 }, tax: { kind: 'flat' }, inflation: 0.02 };
  delete j.simulation.targetWealth;
}

const series = (s: Float64Array[], plan: { nYears: number }, name: (typeof US_PAYOUT_SERIES)[number]) => s[usPayoutAt(plan) + US_PAYOUT_SERIES.indexOf(name)]!;

describe('a zero-volatility payout equals the ledger computed by hand', () => {
  it('born 1955, saving 65-70, paying out 70-90: the 3 % real policy, RMDs from 73 (Uniform Lifetime Table), Social Security claimed at 70, flat tax', async () => {
    const s = usScenario('401k-diversified.json', (j) => {
      deterministic(j, { born: 1955, startYear: 2020, retire: 70, horizon: 90 });
      j.payout.socialSecurity = { benefitAtFullRetirementAge: 20_000, claimingAge: 70 };
    });
    const { plan, series: all } = await runAll(s, 3);

    // By hand. The fund: +5 %, then the 0.5 % fee, every year.
    const g = 1.05 * 0.995;
    const b0 = 1_000_000 * g ** 5;
    // IRS Uniform Lifetime Table (Treas. Reg. §1.401(a)(9)-9(c)), ages 73-89; RMDs from 73 for those born 1951-1959 (SECURE 2.0).
    const divisor: Record<number, number> = { 73: 26.5, 74: 25.5, 75: 24.6, 76: 23.7, 77: 22.9, 78: 22.0, 79: 21.1, 80: 20.2, 81: 19.4, 82: 18.5, 83: 17.7, 84: 16.8, 85: 16.0, 86: 15.2, 87: 14.4, 88: 13.7, 89: 12.9 };
    // SSA: full retirement age 66 and 2 months for 1955; 2/3 % a month of delayed credits to 70: 46 months.
    const ssFactor = 1 + (46 * 2) / 3 / 100;
    let ira = b0;
    let taxable = 0;
    let rmdExcess = 0;
    let taxes = 0;
    for (let k = 0; k < 20; k++) {
      const age = 70 + k;
      const price = 1.02 ** (5 + k);
      const w = 0.03 * b0 * 1.02 ** k;
      const rmd = age >= 73 ? ira / divisor[age]! : 0;
      const draw = Math.max(w, rmd);
      const excess = draw - w;
      const ss = 20_000 * ssFactor * price;
      const tax = 0.2 * (draw + 0.85 * ss);
      // The policy's money after its own tax is spent; the excess is reinvested less its tax (20 %).
      const spending = w + ss - 0.2 * (w + 0.85 * ss);
      taxable += excess - 0.2 * excess;
      ira -= draw;
      rmdExcess += excess;
      taxes += tax;
      expect(all[usPayoutFans({ nYears: plan.nYears, payout: plan.payout! }).spending + k]![0]).toBeCloseTo(spending / price, 5);
      ira *= g;
      taxable *= g;
      expect(all[usPayoutFans({ nYears: plan.nYears, payout: plan.payout! }).account + k]![0]! / (ira + taxable)).toBeCloseTo(1, 10);
    }
    expect(rmdExcess).toBeGreaterThan(0); // the RMD binds from 73
    expect(series(all, plan, 'rmdExcess')[0]! / rmdExcess).toBeCloseTo(1, 10);
    expect(series(all, plan, 'taxesPaid')[0]! / taxes).toBeCloseTo(1, 10);
    const bequest = ira * 0.8 + taxable;
    expect(series(all, plan, 'bequest')[0]! / bequest).toBeCloseTo(1, 10);
    expect(series(all, plan, 'bequestReal')[0]! / (bequest / 1.02 ** 25)).toBeCloseTo(1, 10);
    expect(series(all, plan, 'ranOut')[0]).toBe(0);
    expect(series(all, plan, 'endAge')[0]).toBe(90);
    // Every path the same.
    expect(series(all, plan, 'bequest')[2]).toBe(series(all, plan, 'bequest')[0]);
  });

  it('the 10 % additional tax (IRC §72(t)) before 59½: none on plan money after leaving at 55 or later, 10 % once rolled to an IRA', async () => {
    const make = (account: 'ira' | 'plan') =>
      usScenario('401k-diversified.json', (j) => {
        deterministic(j, { born: 1964, startYear: 2020, retire: 57, horizon: 63 });
        j.payout.account = account;
        j.payout.separationAge = 57;
      });
    const inPlan = await runAll(make('plan'), 1);
    const inIra = await runAll(make('ira'), 1);
    // The policy's withdrawals at 57, 58 and 59 (59 < 59½ at the year start), by hand.
    const b0 = 1_000_000 * 1.05 * 0.995;
    const early = [0, 1, 2].reduce((a, k) => a + 0.03 * b0 * 1.02 ** k, 0);
    const taxes = (r: Awaited<ReturnType<typeof runAll>>) => series(r.series, r.plan, 'taxesPaid')[0]!;
    expect(taxes(inIra) - taxes(inPlan)).toBeCloseTo(0.1 * early, 4);
  });
});

describe('the probability of running out with a constant real withdrawal, zero inflation, lognormal returns', () => {
  it('equals a plain simulation written here with its own generator, within 4 standard errors', async () => {
    const E = 0.05;
    const sigma = 0.15;
    const rate = 0.055;
    const years = 30;
    const s = usScenario('401k-diversified.json', (j) => {
      j.person = { birthYear: 1961, startYear: 2025, retirementAge: 65, salary: 50_000, wageGrowth: 0.03, initialCapital: 1_000_000 };
      j.plan = { kind: 'us-401k', deferralRate: 0, match: [] };
      j.profile = { assets: [{ name: 'fund', expectedReturn: E, volatility: sigma }], weights: { fund: 1 }, fees: { managementRate: 0, perMember: 0 } };
      j.employment = { leaveProbability: 0 };
      j.distribution = { ordinaryRate: 0, capitalGainsRate: 0 };
      j.payout = { horizonAge: 65 + years, withdrawal: { kind: 'constant-real', rate }, tax: { kind: 'flat' }, inflation: 0 };
      delete j.simulation.targetWealth;
    });
    const n = 20_000;
    const { result } = await usRun(s, { paths: n, seed: 11 });
    const p = result.payout!.ranOut.probability;

    // The same model, independently: B₀ = 1 (the ruin event does not depend on the scale), the
    // withdrawal at each year start, then a lognormal year with E[G] = 1 + E and sd σ.
    const s2 = Math.log(1 + (sigma / (1 + E)) ** 2);
    const m = Math.log(1 + E) - s2 / 2;
    let state = 0x9e3779b9;
    const uniform = () => {
      // mulberry32
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    const N = 200_000;
    let ruined = 0;
    for (let i = 0; i < N; i++) {
      let b = 1;
      for (let k = 0; k < years; k++) {
        if (b < rate) {
          ruined++;
          break;
        }
        b = (b - rate) * Math.exp(m + Math.sqrt(s2) * normal());
      }
    }
    const q = ruined / N;
    const se = Math.sqrt((q * (1 - q)) / N + (p * (1 - p)) / n);
    expect(q).toBeGreaterThan(0.05); // a test that can fail: ruin is not rare here
    expect(Math.abs(p - q)).toBeLessThan(4 * se);
    // The by-age figures end at the overall one (fixed horizon: everyone lives to it).
    expect(result.payout!.ranOutByAge.probability.at(-1)).toBeCloseTo(p, 12);
  });
});

describe('common random numbers', () => {
  it('the saving years of a plan with a payout are those of the plan without, path by path', async () => {
    const withPayout = await usRun(usScenario('ksop-retirement.json'), { paths: 600 });
    const without = await usRun(usScenario('ksop-retirement.json', (j) => delete j.payout), { paths: 600 });
    const n = US_SERIES.length + without.plan.nYears + 1;
    for (const name of US_SERIES) expect(Array.from(withPayout.values[name])).toEqual(Array.from(without.values[name]));
    for (let i = 0; i < n - US_SERIES.length; i++) expect(Array.from(withPayout.capitalByAge[i]!)).toEqual(Array.from(without.capitalByAge[i]!));
  });

  it('without company stock the NUA and rollover routes are the same money; with it both run on the same path', async () => {
    const k401 = await runAll(usScenario('401k-retirement.json'), 400);
    expect(Array.from(series(k401.series, k401.plan, 'nuaAdvantage'))).toEqual(new Array(400).fill(0));
    const ksop = await runAll(usScenario('ksop-retirement.json'), 400);
    const adv = series(ksop.series, ksop.plan, 'nuaAdvantage');
    expect(adv.some((x) => x > 0) && adv.some((x) => x < 0)).toBe(true);
    // The scenario's route (NUA) gives the headline figures: its totals are the NUA columns.
    expect(Array.from(series(ksop.series, ksop.plan, 'nuaLifetimeSpending'))).toEqual(Array.from(series(ksop.series, ksop.plan, 'lifetimeSpending')));
  });
});

describe('the certainty equivalent of lifetime spending', () => {
  it('two equally likely one-year paths spending 10 and 40 at γ = 2: 1 / ((1/10 + 1/40) / 2) = 16; γ = 1: the geometric mean 20', () => {
    expect(certaintyEquivalent((1 / 10 + 1 / 40) / 2, 1, 2)).toBeCloseTo(16, 12);
    expect(certaintyEquivalent((Math.log(10) + Math.log(40)) / 2, 1, 1)).toBeCloseTo(20, 12);
  });
});

/** Run inline and keep every series (the payout's too). */
async function runAll(scenario: ReturnType<typeof usScenario>, paths: number) {
  const { simulatePaths } = await import('../../src/engine/simulate-paths.js');
  const { compileUsPlan } = await import('../../src/plan/compile-us.js');
  const { result, series } = await simulatePaths(scenario, { threads: 1, paths });
  return { result, plan: compileUsPlan(scenario), series };
}
