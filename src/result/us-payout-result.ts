/**
 * The payout part of a US result (UsRunResult.payout, docs/results.md "US payout"), read off the
 * run's collector: the chance of running out, by age and before death or the horizon; years short;
 * the bequest; the lifetime spending and its CRRA certainty equivalent; the RMD-forced excess;
 * taxes; the NUA against rollover choice over the whole retirement; the fans by age.
 *
 * Certainty equivalent of lifetime spending (CRRA γ, u(c) = c^(1−γ), ln c at γ = 1): the constant
 * real spending c* a year that gives the same expected lifetime utility as the paths,
 *   E[Σ_t u(c*)] = E[Σ_t u(c_t)]  ⇒  c* = (E[Σ_t c_t^(1−γ)] / E[N])^(1/(1−γ)),  N the years lived
 * (γ = 1: c* = exp(E[Σ ln c_t] / E[N])). Example (a test checks it): two equally likely paths of one
 * year spending 10 and 40 at γ = 2: c* = ((1/10 + 1/40)/2)^−1 = 16.
 */
import { type UsPayoutPlan, type UsPayoutSeries } from '../plan/us-payout-plan.js';
import { usPayoutFans, usPayoutSeriesIndex, type UsSimulationPlan } from '../plan/us-simulation-plan.js';
import type { UsScenario } from '../scenario/us-schema.js';
import type { SeriesCollector } from '../engine/collect-series.js';
import type { Metric } from './simulation-result.js';

export interface Probability {
  probability: number;
  stderr: number;
  ci95: [number, number];
}

export interface UsPayoutResult {
  ages: { retirement: number; horizon: number };
  lifetimes: 'fixed' | 'life-table';
  withdrawal: 'constant-real' | 'percent-of-balance' | 'amortized' | 'rmd-only';
  tax: 'flat' | 'federal';
  /** The scenario's distribution route: 'nua' (company shares in kind) or 'rollover'. */
  route: 'nua' | 'rollover';
  /** P(the accounts cannot pay the policy in full in some year before death or the horizon). */
  ranOut: Probability;
  /** P(run out by each payout age), for those alive at it (death is independent of the markets). */
  ranOutByAge: { ages: number[]; probability: number[] };
  metrics: {
    yearsShort: Metric;
    /** The age the payout ends at: death (the age after its year) or the horizon. */
    endAge: Metric;
    /** After the heirs' tax: nominal at the end, and in start-year dollars. */
    bequest: Metric;
    bequestReal: Metric;
    /** After-tax spending summed over the years lived, start-year dollars. */
    lifetimeSpending: Metric;
    yearsLived: Metric;
    rmdExcess: Metric;
    taxesPaid: Metric;
  };
  /** The CRRA certainty equivalent of a year's real spending over the lifetime (see above). */
  spendingCertaintyEquivalent: { gamma: number; value: number };
  /** The two distribution routes on the same paths (equal without company stock). */
  nuaVsRollover: {
    nua: { lifetimeSpending: number; bequestReal: number; spendingCertaintyEquivalent: number };
    rollover: { lifetimeSpending: number; bequestReal: number; spendingCertaintyEquivalent: number };
    /** Per path: (lifetime spending + bequest) real, NUA − rollover. */
    advantage: Metric;
    nuaBetter: Probability;
  };
  /**
   * Under an AR(1) inflation model (payout.inflation an object): the model, and the fans that need
   * each path's own price index (report in today's dollars: the real accounts; in nominal dollars:
   * the nominal spending). The index from the start year at the start of each payout age and at the
   * horizon. Absent with a deterministic inflation (the index is then (1 + i)^(age − start age)).
   */
  inflation?: {
    model: { kind: 'ar1'; mean: number; persistence: number; sd: number; initial: number };
    priceIndexAges: number[];
    priceIndexMean: number[];
    priceIndex: Record<string, number[]>;
    /** The accounts at ages retirement + 1 … horizon, each path divided by its own index (start-year dollars). */
    accountReal: { mean: number[]; percentiles: Record<string, number[]> };
    /** The after-tax spending of ages retirement … horizon − 1, nominal (each path times its own index). */
    spendingNominal: { mean: number[]; percentiles: Record<string, number[]> };
  };
  /** Fans by age: the accounts (IRA + taxable + NUA shares, nominal) at the start of ages retirement + 1 … horizon; the real after-tax spending of ages retirement … horizon − 1. */
  fan: {
    accountAges: number[];
    accountMean: number[];
    account: Record<string, number[]>;
    spendingAges: number[];
    spendingMean: number[];
    spending: Record<string, number[]>;
  };
}

export function certaintyEquivalent(utilityMean: number, yearsMean: number, gamma: number): number {
  if (!(yearsMean > 0)) return 0;
  const perYear = utilityMean / yearsMean;
  return gamma === 1 ? Math.exp(perYear) : perYear ** (1 / (1 - gamma));
}

export function usPayoutResult(collector: SeriesCollector, plan: UsSimulationPlan & { payout: UsPayoutPlan }, scenario: UsScenario, pct: number[]): UsPayoutResult {
  const po = plan.payout;
  const spec = scenario.payout!;
  const idx = (s: UsPayoutSeries) => usPayoutSeriesIndex(plan, s);
  const v = (s: UsPayoutSeries) => collector.metric(idx(s), pct);
  const mean = (s: number) => collector.merged(s).mean;
  const prob = (s: number): Probability => collector.indicatorProbability(s, Math.round(mean(s) * collector.count(s)));
  const ce = (u: UsPayoutSeries) => certaintyEquivalent(mean(idx(u)), mean(idx('yearsLived')), po.gamma);
  const fans = usPayoutFans({ nYears: plan.nYears, payout: po });
  const n = fans.n;
  const R = po.retirementAge;
  return {
    ages: { retirement: R, horizon: po.horizonAge },
    lifetimes: spec.lifetimes,
    withdrawal: spec.withdrawal.kind,
    tax: spec.tax.kind,
    route: po.nua ? 'nua' : 'rollover',
    ranOut: prob(idx('ranOut')),
    ranOutByAge: { ages: Array.from({ length: n }, (_, k) => R + k), probability: Array.from({ length: n }, (_, k) => mean(fans.ranOut + k)) },
    metrics: {
      yearsShort: v('yearsShort'),
      endAge: v('endAge'),
      bequest: v('bequest'),
      bequestReal: v('bequestReal'),
      lifetimeSpending: v('lifetimeSpending'),
      yearsLived: v('yearsLived'),
      rmdExcess: v('rmdExcess'),
      taxesPaid: v('taxesPaid'),
    },
    spendingCertaintyEquivalent: { gamma: po.gamma, value: ce('spendingUtility') },
    nuaVsRollover: {
      nua: { lifetimeSpending: mean(idx('nuaLifetimeSpending')), bequestReal: mean(idx('nuaBequestReal')), spendingCertaintyEquivalent: ce('nuaSpendingUtility') },
      rollover: { lifetimeSpending: mean(idx('rolloverLifetimeSpending')), bequestReal: mean(idx('rolloverBequestReal')), spendingCertaintyEquivalent: ce('rolloverSpendingUtility') },
      advantage: v('nuaAdvantage'),
      nuaBetter: prob(idx('nuaBetter')),
    },
    fan: {
      accountAges: Array.from({ length: n }, (_, k) => R + k + 1),
      accountMean: Array.from({ length: n }, (_, k) => mean(fans.account + k)),
      account: collector.fan(fans.account, n, pct),
      spendingAges: Array.from({ length: n }, (_, k) => R + k),
      spendingMean: Array.from({ length: n }, (_, k) => mean(fans.spending + k)),
      spending: collector.fan(fans.spending, n, pct),
    },
    ...(po.inflation && {
      inflation: {
        model: { kind: 'ar1' as const, mean: po.inflation.mean, persistence: po.inflation.persistence, sd: po.inflation.sd, initial: po.inflation.initial },
        priceIndexAges: Array.from({ length: n + 1 }, (_, k) => R + k),
        priceIndexMean: Array.from({ length: n + 1 }, (_, k) => mean(fans.priceIndex + k)),
        priceIndex: collector.fan(fans.priceIndex, n + 1, pct),
        accountReal: { mean: Array.from({ length: n }, (_, k) => mean(fans.accountReal + k)), percentiles: collector.fan(fans.accountReal, n, pct) },
        spendingNominal: { mean: Array.from({ length: n }, (_, k) => mean(fans.spendingNominal + k)), percentiles: collector.fan(fans.spendingNominal, n, pct) },
      },
    }),
  };
}

