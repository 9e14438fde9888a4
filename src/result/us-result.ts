/**
 * The result of a US run (`pensim run` on a US scenario), JSON-ready, read off its collector and
 * shaped like the Norwegian SimulationResult where the meaning is the same:
 * metrics.capitalAtRetirement is the pre-tax account at the retirement age (the terminal wealth),
 * fan.capital the account at the start of every age. Percentiles are exact order statistics
 * (type 7) up to 100 000 paths by default, else the sketch's (relative error ≤ 2⁻¹²). The series
 * layout is the US pricer's (kernel/run-us-chunk.ts, plan/us-simulation-plan.ts).
 */
import { US_SERIES, usSeriesIndex, usStockShareAt, type UsSeries, type UsSimulationPlan } from '../plan/us-simulation-plan.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { CHUNK_SIZE } from '../base/chunk-size.js';
import type { PercentileMethod, SeriesCollector } from '../engine/collect-series.js';
import type { Intervals, Metric } from './simulation-result.js';
import { usPayoutResult, type UsPayoutResult } from './us-payout-result.js';

export interface UsRunResult {
  pensim: string;
  scenario: { name: string | null; hash: string };
  currency: 'USD';
  plan: string;
  seed: number;
  /** How the market's normal shocks were drawn (docs/samplers.md). */
  sampler: 'pseudo' | 'antithetic' | 'sobol';
  /** How the intervals and standard errors were computed (result/simulation-result.ts Intervals). */
  intervals: Intervals;
  paths: number;
  chunkSize: number;
  percentileMethod: PercentileMethod;
  percentiles: number[];
  ages: { start: number; retirement: number };
  metrics: {
    /** Pre-tax account at the retirement age (terminal wealth). */
    capitalAtRetirement: Metric;
    afterTaxRollover: Metric;
    afterTaxNua: Metric;
    afterTaxBest: Metric;
    /** Employee deferrals and employer money paid in (nominal sums), and employer money forfeited on leaving. */
    deferrals: Metric;
    employerMoney: Metric;
    forfeited: Metric;
    /** With an employer-stock model: company stock at retirement, its share of the account, default (mean = probability). */
    employerStockValue?: Metric;
    employerStockShare?: Metric;
    defaulted?: Metric;
  };
  shortfall: { targetWealth: number; probability: number; stderr: number; ci95: [number, number] } | null;
  fan: { ages: number[]; mean: number[]; capital: Record<string, number[]>; ci95: Record<string, [number[], number[]]> };
  /** With an employer-stock model: company stock's share of the account at the start of every age (0–1), the fan's ages. */
  stockShareFan?: { ages: number[]; mean: number[]; share: Record<string, number[]> };
  /** With a payout section: the payout years (result/us-payout-result.ts, docs/results.md "US payout"). */
  payout?: UsPayoutResult;
}

export function usResult(
  collector: SeriesCollector,
  plan: UsSimulationPlan,
  scenario: UsScenario,
  meta: Pick<UsRunResult, 'pensim' | 'scenario' | 'seed' | 'sampler'>,
): UsRunResult {
  const pct = [...scenario.simulation.percentiles].sort((a, b) => a - b);
  const v = (s: UsSeries) => collector.metric(usSeriesIndex(s), pct);
  const target = scenario.simulation.targetWealth;
  const capitalAt = US_SERIES.length;
  const ages = plan.nYears + 1;
  return {
    ...meta,
    intervals: collector.intervalMethod,
    currency: 'USD',
    plan: scenario.plan.kind,
    paths: collector.totalPaths,
    chunkSize: CHUNK_SIZE,
    percentileMethod: collector.method,
    percentiles: pct,
    ages: { start: plan.startAge, retirement: plan.startAge + plan.nYears },
    metrics: {
      capitalAtRetirement: v('terminalWealth'),
      afterTaxRollover: v('afterTaxRollover'),
      afterTaxNua: v('afterTaxNua'),
      afterTaxBest: v('afterTaxBest'),
      deferrals: v('deferrals'),
      employerMoney: v('employerMoney'),
      forfeited: v('forfeited'),
      ...(plan.stock && { employerStockValue: v('employerStockValue'), employerStockShare: v('employerStockShare'), defaulted: v('defaulted') }),
    },
    shortfall:
      target === undefined
        ? null
        : { targetWealth: target, ...collector.shortfall() },
    fan: {
      ages: Array.from({ length: ages }, (_, i) => plan.startAge + i),
      mean: Array.from({ length: ages }, (_, i) => collector.merged(capitalAt + i).mean),
      capital: collector.fan(capitalAt, ages, pct),
      ci95: collector.fanIntervals(capitalAt, ages, pct),
    },
    ...(plan.stock && {
      stockShareFan: {
        ages: Array.from({ length: ages }, (_, i) => plan.startAge + i),
        mean: Array.from({ length: ages }, (_, i) => collector.merged(usStockShareAt(plan) + i).mean),
        share: collector.fan(usStockShareAt(plan), ages, pct),
      },
    }),
    ...(plan.payout && { payout: usPayoutResult(collector, { ...plan, payout: plan.payout }, scenario, pct) }),
  };
}
