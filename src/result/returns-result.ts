/**
 * The optional result blocks of the return models, present only when the scenario has a `returns`
 * block (so results of other scenarios are unchanged, byte for byte):
 * - `returns`: the model, and whether the simulated returns are nominal or real. The historical
 *   bootstrap replays REAL (inflation-adjusted) returns; with an inflation model they are made
 *   nominal as (1 + r_real)·(1 + π).
 * - `inflation` (with an inflation model): the price index fan by age (1 at the start age), and
 *   the headline amounts and the capital fan in start-year money, each path deflated by its own
 *   price index (real percentiles, not nominal percentiles over an average index).
 */
import { BUNDLED_HISTORY_SOURCE } from '../data/bundled-history.js';
import { REAL_SCALARS } from '../plan/inflation-series.js';
import { inflationSeriesAt, type SimulationPlan } from '../plan/simulation-plan.js';
import type { Scenario } from '../scenario/schema.js';
import type { Metric, PayoutFan } from './simulation-result.js';

export interface ReturnsInfo {
  model: 'lognormal' | 'student-t' | 'bootstrap' | 'regime-switching';
  /** 'real': the returns are inflation-adjusted (historical bootstrap without an inflation model). */
  terms: 'nominal' | 'real';
  note: string;
  /** The historical data replayed (bootstrap only). */
  history?: { source: string; years: string; method: string; blockYears: number; rescaled: boolean };
  /** Regime names in the order of the trace's regime index (regime switching only). */
  regimes?: string[];
}

export interface InflationResult {
  model: { kind: 'ar1'; mean: number; persistence: number; sd: number; initial: number };
  /** Price index at the start of each age, 1 at the start age: mean and percentiles. */
  priceIndex: { ages: number[]; mean: number[]; percentiles: Record<string, number[]> };
  /** Capital at the payout start and the first payout (gross, net), in start-year money. */
  real: { capitalAtRetirement: Metric; payoutGross: Metric; payoutNet: Metric };
  /** Capital by age in start-year money. */
  realFan: { ages: number[]; mean: number[]; capital: Record<string, number[]> };
  /** Yearly payouts in start-year money, each path deflated by its own index (gross and net of tax). */
  realPayoutFan: PayoutFan;
}

export interface SeriesAccess {
  metric: (s: number) => Metric;
  mean: (s: number) => number;
  fan: (from: number, count: number) => Record<string, number[]>;
}

export function returnsResult(scenario: Scenario, plan: SimulationPlan, get: SeriesAccess): { returns?: ReturnsInfo; inflation?: InflationResult } {
  const r = scenario.returns;
  if (!r) return {};
  const out: { returns?: ReturnsInfo; inflation?: InflationResult } = { returns: returnsInfo(scenario, plan) };
  if (plan.inflation && r.inflation) {
    const n = plan.nYears + 1;
    const at = inflationSeriesAt(plan);
    const ages = Array.from({ length: n }, (_, i) => plan.startAge + i);
    const means = (from: number) => Array.from({ length: n }, (_, i) => get.mean(from + i));
    const real = Object.fromEntries(REAL_SCALARS.map((name, i) => [name, get.metric(at + 2 * n + i)])) as InflationResult['real'];
    const m = plan.nYears - plan.payStart;
    const payoutAt = at + 2 * n + REAL_SCALARS.length;
    out.inflation = {
      model: { kind: 'ar1', mean: plan.inflation.mean, persistence: plan.inflation.persistence, sd: plan.inflation.sd, initial: plan.inflation.initial },
      priceIndex: { ages, mean: means(at), percentiles: get.fan(at, n) },
      real,
      realFan: { ages, mean: means(at + n), capital: get.fan(at + n, n) },
      realPayoutFan: { ages: ages.slice(plan.payStart, plan.nYears), gross: get.fan(payoutAt, m), net: get.fan(payoutAt + m, m) },
    };
  }
  return out;
}

function returnsInfo(scenario: Scenario, plan: SimulationPlan): ReturnsInfo {
  const r = scenario.returns!;
  const withInflation = r.inflation !== undefined;
  switch (r.model) {
    case 'lognormal':
    case 'student-t':
      return { model: r.model, terms: 'nominal', note: 'returns as given by the profile (nominal); inflation, if modelled, only deflates the results' };
    case 'regime-switching':
      return { model: r.model, terms: 'nominal', note: 'returns as given by the regimes (nominal); inflation, if modelled, only deflates the results', regimes: r.regimes.map((g) => g.name) };
    case 'bootstrap': {
      const m = plan.market?.kind === 'bootstrap' ? plan.market : null;
      return {
        model: 'bootstrap',
        terms: withInflation ? 'nominal' : 'real',
        note: withInflation
          ? 'historical REAL returns made nominal by the simulated inflation: (1 + r_real)(1 + π)'
          : 'historical returns are REAL (inflation-adjusted): the capital grows in start-year money while pay and G grow as given; give wageGrowth in real terms too, or add returns.inflation to make the returns nominal',
        history: {
          source: BUNDLED_HISTORY_SOURCE,
          years: m ? `${m.firstYear}-${m.firstYear + m.nHistory - 1} (calendar years)` : '',
          method: r.method,
          blockYears: r.blockYears ?? 1,
          rescaled: r.rescale,
        },
      };
    }
  }
}
