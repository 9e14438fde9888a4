/**
 * The result of a US run (`pensim run` on a US scenario), JSON-ready, shaped like the Norwegian
 * SimulationResult where the meaning is the same: metrics.capitalAtRetirement is the pre-tax
 * account at the retirement age (the terminal wealth), fan.capital the account at the start of
 * every age. Percentiles are exact order statistics (type 7) of all paths.
 */
import type { UsSeries } from '../plan/us-simulation-plan.js';
import { moments } from '../stats/moments.js';
import { quantileSorted } from '../stats/quantile-sorted.js';
import { shortfallProbability } from '../stats/shortfall-probability.js';
import { VERSION } from '../version.js';
import type { UsRun } from './simulate-us.js';
import { keyed, type Metric } from './simulation-result.js';

export interface UsRunResult {
  pensim: string;
  scenario: { name: string | null; hash: string };
  currency: 'USD';
  plan: string;
  seed: number;
  paths: number;
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
  shortfall: { targetWealth: number; probability: number; stderr: number } | null;
  fan: { ages: number[]; mean: number[]; capital: Record<string, number[]> };
}

function metric(x: Float64Array, percentiles: readonly number[]): Metric {
  const m = moments(x);
  const sorted = Float64Array.from(x).sort();
  return { mean: m.mean, sd: m.sd, stderr: m.stderr, percentiles: keyed(percentiles, percentiles.map((p) => quantileSorted(sorted, p / 100))) };
}

export function usRunResult(run: UsRun, percentiles: readonly number[]): UsRunResult {
  const v = (s: UsSeries) => metric(run.values[s], percentiles);
  const target = run.scenario.simulation.targetWealth;
  const fanCapital: Record<string, number[]> = Object.fromEntries(percentiles.map((p) => [`p${p}`, [] as number[]]));
  const mean: number[] = [];
  for (const atAge of run.capitalByAge) {
    const m = metric(atAge, percentiles);
    mean.push(m.mean);
    for (const p of percentiles) fanCapital[`p${p}`]!.push(m.percentiles[`p${p}`]!);
  }
  return {
    pensim: VERSION,
    scenario: { name: run.name, hash: run.hash },
    currency: 'USD',
    plan: run.scenario.plan.kind,
    seed: run.seed,
    paths: run.paths,
    percentiles: [...percentiles],
    ages: { start: run.plan.startAge, retirement: run.plan.startAge + run.plan.nYears },
    metrics: {
      capitalAtRetirement: v('terminalWealth'),
      afterTaxRollover: v('afterTaxRollover'),
      afterTaxNua: v('afterTaxNua'),
      afterTaxBest: v('afterTaxBest'),
      deferrals: v('deferrals'),
      employerMoney: v('employerMoney'),
      forfeited: v('forfeited'),
      ...(run.plan.stock && { employerStockValue: v('employerStockValue'), employerStockShare: v('employerStockShare'), defaulted: v('defaulted') }),
    },
    shortfall: target === undefined ? null : { targetWealth: target, ...shortfallProbability(run.values.terminalWealth, target) },
    fan: { ages: run.capitalByAge.map((_, i) => run.plan.startAge + i), mean, capital: fanCapital },
  };
}
