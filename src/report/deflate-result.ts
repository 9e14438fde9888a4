/**
 * A run's amounts in today's money: every amount of the year of age a is divided by the price
 * index (1 + inflation)^(a − start age), the start year being the base year (index 1). Ratios
 * (replacement ratio, shortfall probability) are unchanged: pay and payout of one year deflate alike.
 * The capital at the start of age a and the payout of the year of age a use the same index, so the
 * first payout and the capital at the payout start are both deflated by (1 + i)^(payout start − start age).
 *
 * Only the four headline metrics are carried over: other metrics an engine version may add
 * (e.g. an inheritance at a path's own age of death) have no single age to deflate by, so a real
 * result leaves them out rather than mislabel them. A stochastic-inflation block, already in
 * start-year money, is passed through as it is.
 *
 * Example (a test checks it): GOLDEN.md G1 has capital 3 112 899 at 67 after 30 years from age 37;
 * at 2 % inflation that is 3 112 899 / 1.02^30 ≈ 1 718 541 in start-year money.
 */
import type { Metric, SimulationResult } from '../engine/simulation-result.js';

export function deflateResult(r: SimulationResult, inflation: number): SimulationResult {
  const index = (age: number) => (1 + inflation) ** (age - r.ages.start);
  const atPayout = index(r.ages.payoutStart);
  return {
    ...r,
    metrics: {
      capitalAtRetirement: scaleMetric(r.metrics.capitalAtRetirement, atPayout),
      payoutGross: scaleMetric(r.metrics.payoutGross, atPayout),
      payoutNet: scaleMetric(r.metrics.payoutNet, atPayout),
      replacementRatio: r.metrics.replacementRatio,
    },
    fan: {
      ages: r.fan.ages,
      mean: deflateSeries(r.fan.mean, r.fan.ages, index),
      capital: mapValues(r.fan.capital, (s) => deflateSeries(s, r.fan.ages, index)),
    },
    payoutFan: {
      ages: r.payoutFan.ages,
      gross: mapValues(r.payoutFan.gross, (s) => deflateSeries(s, r.payoutFan.ages, index)),
      net: mapValues(r.payoutFan.net, (s) => deflateSeries(s, r.payoutFan.ages, index)),
    },
  };
}

function scaleMetric(m: Metric, divisor: number): Metric {
  return {
    mean: m.mean / divisor,
    sd: m.sd / divisor,
    stderr: m.stderr / divisor,
    percentiles: mapValues(m.percentiles, (v) => v / divisor),
  };
}

function deflateSeries(values: readonly number[], ages: readonly number[], index: (age: number) => number): number[] {
  return values.map((v, i) => v / index(ages[i]!));
}

function mapValues<T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

/**
 * A run's amounts in today's money under its stochastic inflation model (result.inflation): the
 * headline amounts and the capital fan come from the engine, each path deflated by its own price
 * index; the payout fan, which the engine keeps only nominal, is divided by the mean price index of
 * each age. Ratios are unchanged; other metrics are left out, as in deflateResult.
 */
export function deflateByInflationModel(r: SimulationResult): SimulationResult {
  const inf = r.inflation;
  if (!inf) throw new Error('deflateByInflationModel needs a result with an inflation model');
  const meanIndex = (age: number) => inf.priceIndex.mean[inf.priceIndex.ages.indexOf(age)] ?? 1;
  return {
    ...r,
    metrics: { ...inf.real, replacementRatio: r.metrics.replacementRatio },
    fan: inf.realFan,
    payoutFan: {
      ages: r.payoutFan.ages,
      gross: mapValues(r.payoutFan.gross, (s) => deflateSeries(s, r.payoutFan.ages, meanIndex)),
      net: mapValues(r.payoutFan.net, (s) => deflateSeries(s, r.payoutFan.ages, meanIndex)),
    },
  };
}
