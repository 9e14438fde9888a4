/**
 * simulatePaths: simulate() that also keeps every path's value of every series, in path order
 * (8 bytes a path a series: for research and for tests that check the summary against the paths).
 * usPathValues names a US run's series: the outputs of US_SERIES, the account at every age and, with
 * company stock, its share of the account at every age.
 */
import { compileAny, planSeriesCount, type AnyScenario } from '../plan/compiled-plan.js';
import { US_SERIES, usStockShareAt, type UsSeries, type UsSimulationPlan } from '../plan/us-simulation-plan.js';
import { simulate, type AnyResult, type SimulateOptions } from './simulate.js';

export async function simulatePaths(scenario: AnyScenario, options: SimulateOptions = {}): Promise<{ result: AnyResult; series: Float64Array[] }> {
  const nSeries = planSeriesCount(compileAny(scenario));
  const paths = options.paths ?? scenario.simulation.paths;
  const series = Array.from({ length: nSeries }, () => new Float64Array(paths));
  const result = await simulate(scenario, {
    ...options,
    onChunk: (first, n, data) => {
      for (let s = 0; s < nSeries; s++) series[s]!.set(data.subarray(s * n, (s + 1) * n), first);
      options.onChunk?.(first, n, data);
    },
  });
  return { result, series };
}

/** A US run's per-path series by name, and the account value at the start of every age (one array of paths per age). */
export function usPathValues(
  series: readonly Float64Array[],
  plan?: Pick<UsSimulationPlan, 'nYears' | 'payout' | 'stock'>,
): { values: Record<UsSeries, Float64Array>; capitalByAge: Float64Array[]; stockShareByAge: Float64Array[] } {
  // Without the plan every series after US_SERIES is taken as the account by age (right for a plan without payout or company stock).
  const n = plan ? plan.nYears + 1 : series.length - US_SERIES.length;
  const share = plan?.stock ? usStockShareAt(plan) : -1;
  return {
    values: Object.fromEntries(US_SERIES.map((name, i) => [name, series[i]!])) as Record<UsSeries, Float64Array>,
    capitalByAge: series.slice(US_SERIES.length, US_SERIES.length + n),
    stockShareByAge: share < 0 ? [] : series.slice(share, share + n),
  };
}
