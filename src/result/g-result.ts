/**
 * The result block of a plan with stochastic G (plan/g-series.ts): G by age, and the headline
 * amounts, the capital fan and the payout fans in G, each path divided by its own G. Absent when
 * G is the same on every path (the report then divides the nominal result: report/deflate-result.ts).
 */
import { G_SCALARS } from '../plan/g-series.js';
import { gSeriesAt, type SimulationPlan } from '../plan/simulation-plan.js';
import type { SeriesAccess } from './returns-result.js';
import type { Metric, PayoutFan } from './simulation-result.js';

export interface GResult {
  /** G in the year of each age, from the start age to the payout end: mean and percentiles over paths. */
  g: { ages: number[]; mean: number[]; percentiles: Record<string, number[]> };
  /** The headline amounts of the payout start year in G; the folketrygd ones only when it is modelled. */
  metrics: { capitalAtRetirement: Metric; payoutGross: Metric; payoutNet: Metric; folketrygdPension?: Metric; totalPension?: Metric };
  /** Capital at the start of each age, in G of that year. */
  fan: { ages: number[]; mean: number[]; capital: Record<string, number[]> };
  /** Yearly payout in G of its year, gross and net of tax. */
  payoutFan: PayoutFan;
}

export function gResult(plan: SimulationPlan, get: SeriesAccess): { inG?: GResult } {
  if (!plan.gStochastic) return {};
  const n = plan.nYears + 1;
  const m = plan.nYears - plan.payStart;
  const at = gSeriesAt(plan);
  const ages = Array.from({ length: n }, (_, i) => plan.startAge + i);
  const means = (from: number) => Array.from({ length: n }, (_, i) => get.mean(from + i));
  const scalarsAt = at + 2 * n + 2 * m;
  const present = (name: string) => plan.folketrygd !== null || (name !== 'folketrygdPension' && name !== 'totalPension');
  const metrics = Object.fromEntries(
    G_SCALARS.flatMap((name, i) => (present(name) ? [[name, get.metric(scalarsAt + i)]] : [])),
  ) as GResult['metrics'];
  return {
    inG: {
      g: { ages, mean: means(at), percentiles: get.fan(at, n) },
      metrics,
      fan: { ages, mean: means(at + n), capital: get.fan(at + n, n) },
      payoutFan: { ages: ages.slice(plan.payStart, plan.nYears), gross: get.fan(at + 2 * n, m), net: get.fan(at + 2 * n + m, m) },
    },
  };
}
