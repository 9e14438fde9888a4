/**
 * A run's amounts in another unit: every amount of the year of age a divided by an index of that
 * age: the price index (1 + inflation)^(a − start age) for today's money, or G of that year.
 * Ratios (replacement ratios, shortfall probability) and non-amounts (age at death, the chance of
 * outliving the payout, P(disabled before 67), the disability income's ratio to pay) are unchanged: pay and payout of one year divide alike. The capital at the
 * start of age a and the payout of the year of age a use the same index, so the first payout, the
 * folketrygd pension of that year and the capital at the payout start are all divided by the
 * index of the payout start.
 *
 * An inheritance falls at a path's own age of death, which has no single index, so a converted
 * result leaves those metrics out rather than mislabel them; so is the income while disabled (paid
 * from a path's own onset), while the disability block's payout-start amounts (capital, payout,
 * total pension, the waiver's gain) and its groups' fans by age are converted like the headline ones. A stochastic-inflation block and a G
 * block, each already in its own unit, are passed through as they are.
 *
 * Example (a test checks it): the golden case G1 (docs/model.md §11) has capital 3 112 899 at 67 after 30 years from age 37;
 * at 2 % inflation that is 3 112 899 / 1.02^30 ≈ 1 718 541 in start-year money.
 */
import type { DisabilityGroup, DisabilityResult } from '../result/disability-split.js';
import type { Metric, SimulationResult } from '../result/simulation-result.js';

type Metrics = SimulationResult['metrics'];

/** Amounts of the payout start year: divided by its index. */
const PAYOUT_START_AMOUNTS = ['capitalAtRetirement', 'payoutGross', 'payoutNet', 'folketrygdPension', 'totalPension', 'waiverGain'] as const;
/** Ratios and non-amounts: carried over unchanged. */
const UNITLESS = ['replacementRatio', 'totalReplacementRatio', 'ageAtDeath', 'outlivedPayout', 'disabledBefore67', 'disabilityIncomeRatio', 'disabilityDegree'] as const;

export function deflateResult(r: SimulationResult, inflation: number): SimulationResult {
  return divideByIndex(r, (age) => (1 + inflation) ** (age - r.ages.start));
}

/** Amounts in G: `g` gives G of the year of each age from `g.ages[0]` (it must cover the result's ages). */
export function resultInG(r: SimulationResult, g: { ages: readonly number[]; values: readonly number[] }): SimulationResult {
  return divideByIndex(r, (age) => {
    const v = g.values[age - g.ages[0]!];
    if (v === undefined) throw new Error(`no G for age ${age}`);
    return v;
  });
}

export function divideByIndex(r: SimulationResult, index: (age: number) => number): SimulationResult {
  const atPayout = index(r.ages.payoutStart);
  const amount = (k: string, m: Metric) => (isIn(PAYOUT_START_AMOUNTS, k) ? scaleMetric(m, atPayout) : undefined);
  return {
    ...r,
    metrics: convertMetrics(r, amount),
    ...(r.disability && { disability: convertDisability(r.disability, amount, index) }),
    fan: {
      ages: r.fan.ages,
      mean: divideSeries(r.fan.mean, r.fan.ages, index),
      capital: mapValues(r.fan.capital, (s) => divideSeries(s, r.fan.ages, index)),
      ...(r.fan.ci95 && { ci95: mapValues(r.fan.ci95, ([lo, hi]) => [divideSeries(lo, r.fan.ages, index), divideSeries(hi, r.fan.ages, index)] as [number[], number[]]) }),
    },
    payoutFan: {
      ages: r.payoutFan.ages,
      gross: mapValues(r.payoutFan.gross, (s) => divideSeries(s, r.payoutFan.ages, index)),
      net: mapValues(r.payoutFan.net, (s) => divideSeries(s, r.payoutFan.ages, index)),
      ...(r.payoutFan.alive && {
        alive: {
          ...r.payoutFan.alive,
          gross: mapValues(r.payoutFan.alive.gross, (s) => divideSeries(s, r.payoutFan.alive!.ages, index)),
          net: mapValues(r.payoutFan.alive.net, (s) => divideSeries(s, r.payoutFan.alive!.ages, index)),
        },
      }),
    },
  };
}

function scaleMetric(m: Metric, divisor: number): Metric {
  return {
    mean: m.mean / divisor,
    sd: m.sd / divisor,
    stderr: m.stderr / divisor,
    percentiles: mapValues(m.percentiles, (v) => v / divisor),
    ...(m.ci95 && { ci95: mapValues(m.ci95, ([lo, hi]) => [lo / divisor, hi / divisor] as [number, number]) }),
  };
}

function divideSeries(values: readonly number[], ages: readonly number[], index: (age: number) => number): number[] {
  return values.map((v, i) => v / index(ages[i]!));
}

function mapValues<T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

/**
 * The metrics in the new unit, in the result's own order: unitless ones as they are, amounts as
 * `amount` converts them, and the rest (amounts it cannot convert) left out.
 */
function convertMetrics(r: SimulationResult, amount: (key: string, m: Metric) => Metric | undefined): Metrics {
  const out: Record<string, Metric> = {};
  for (const [k, m] of Object.entries(r.metrics) as [string, Metric][]) {
    const converted = isIn(UNITLESS, k) ? m : amount(k, m);
    if (converted) out[k] = converted;
  }
  return out as unknown as Metrics;
}

/**
 * The disability block with its metrics converted like the headline ones (and the same left out);
 * the groups' fans divided by the index of each age, or left out without one (a per-path index:
 * the engine keeps no group fans in today's money or G).
 */
function convertDisability(d: DisabilityResult, amount: (key: string, m: Metric) => Metric | undefined, index?: (age: number) => number): DisabilityResult {
  const group = (g: DisabilityGroup | null): DisabilityGroup | null => {
    if (!g) return null;
    const metrics: Record<string, Metric> = {};
    for (const [k, m] of Object.entries(g.metrics)) {
      const converted = isIn(UNITLESS, k) ? m : amount(k, m);
      if (converted) metrics[k] = converted;
    }
    const { fan, payoutFan, ...rest } = g;
    if (!index || !fan || !payoutFan) return { ...rest, metrics };
    return {
      ...rest,
      metrics,
      fan: { ages: fan.ages, mean: divideSeries(fan.mean, fan.ages, index), capital: mapValues(fan.capital, (v) => divideSeries(v, fan.ages, index)) },
      payoutFan: { ages: payoutFan.ages, gross: mapValues(payoutFan.gross, (v) => divideSeries(v, payoutFan.ages, index)) },
    };
  };
  return { ...d, disabled: group(d.disabled), others: group(d.others) };
}

function isIn(names: readonly string[], key: string): boolean {
  return names.includes(key);
}

/**
 * A run's amounts in today's money under its stochastic inflation model (result.inflation): the
 * headline amounts, the capital fan and the payout fans come from the engine, each path deflated
 * by its own price index. Ratios are unchanged; the folketrygd amounts (kept only nominal) and
 * inheritances are left out.
 */
export function deflateByInflationModel(r: SimulationResult): SimulationResult {
  const inf = r.inflation;
  if (!inf) throw new Error('deflateByInflationModel needs a result with an inflation model');
  const amount = (k: string) => (k === 'waiverGain' ? undefined : inf.real[k as keyof typeof inf.real]);
  return { ...r, metrics: convertMetrics(r, amount), fan: inf.realFan, payoutFan: inf.realPayoutFan, ...(r.disability && { disability: convertDisability(r.disability, () => undefined) }) };
}

/** A run's amounts in G when G differs by path: every amount from the engine's G block (result.inG), path by path. */
export function resultInSimulatedG(r: SimulationResult): SimulationResult {
  const b = r.inG;
  if (!b) throw new Error('resultInSimulatedG needs a result with a G block (stochastic pay growth)');
  return { ...r, metrics: convertMetrics(r, (k) => b.metrics[k as keyof typeof b.metrics]), fan: b.fan, payoutFan: b.payoutFan, ...(r.disability && { disability: convertDisability(r.disability, () => undefined) }) };
}
