/**
 * Gathers chunk outputs into one array per series, each chunk at its fixed offset, so the
 * result does not depend on the order in which workers finish. Then summarises them.
 * Memory: 8 bytes per path per series (exact percentiles; see README "Percentiles").
 */
import { SCALAR_SERIES, seriesCount, type SimulationPlan } from '../plan/simulation-plan.js';
import type { Scenario } from '../scenario/schema.js';
import { moments } from '../stats/moments.js';
import { percentilesOf, summarizeSeries } from '../stats/series-summary.js';
import { shortfallProbability } from '../stats/shortfall-probability.js';
import { CHUNK_SIZE } from './chunking.js';
import { keyed, toMetric, type SimulationResult } from './simulation-result.js';

export class SeriesCollector {
  readonly series: Float64Array[];

  constructor(
    private readonly plan: SimulationPlan,
    readonly totalPaths: number,
  ) {
    this.series = Array.from({ length: seriesCount(plan) }, () => new Float64Array(totalPaths));
  }

  add(chunk: number, paths: number, data: Float64Array): void {
    const offset = chunk * CHUNK_SIZE;
    for (let s = 0; s < this.series.length; s++) {
      this.series[s]!.set(data.subarray(s * paths, (s + 1) * paths), offset);
    }
  }

  result(scenario: Scenario, meta: Pick<SimulationResult, 'pensim' | 'scenario' | 'seed'>): SimulationResult {
    const plan = this.plan;
    const pct = [...scenario.simulation.percentiles].sort((a, b) => a - b);
    const metric = (i: number) => toMetric(summarizeSeries(this.series[i]!, pct), pct);
    const nPayout = plan.nYears - plan.payStart;
    const capitalAt = SCALAR_SERIES.length;
    const grossAt = capitalAt + plan.nYears + 1;
    const netAt = grossAt + nPayout;
    const fanOf = (from: number, count: number) => {
      const rows = Array.from({ length: count }, (_, i) => percentilesOf(this.series[from + i]!, pct));
      const out: Record<string, number[]> = {};
      pct.forEach((p, j) => (out[`p${p}`] = rows.map((r) => r[j]!)));
      return out;
    };
    const target = scenario.simulation.targetReplacementRatio;
    const ratio = this.series[SCALAR_SERIES.indexOf('replacementRatio')]!;
    const payoutStartAge = plan.startAge + plan.payStart;
    return {
      ...meta,
      currency: scenario.currency,
      paths: this.totalPaths,
      chunkSize: CHUNK_SIZE,
      percentiles: pct,
      ages: {
        start: plan.startAge,
        retirement: plan.startAge + plan.nAccum,
        payoutStart: payoutStartAge,
        payoutEnd: plan.startAge + plan.nYears,
      },
      metrics: {
        capitalAtRetirement: metric(0),
        payoutGross: metric(1),
        payoutNet: metric(2),
        replacementRatio: metric(3),
      },
      shortfall: target === undefined ? null : { targetReplacementRatio: target, ...shortfallProbability(ratio, target) },
      fan: {
        ages: Array.from({ length: plan.nYears + 1 }, (_, i) => plan.startAge + i),
        mean: Array.from({ length: plan.nYears + 1 }, (_, i) => moments(this.series[capitalAt + i]!).mean),
        capital: fanOf(capitalAt, plan.nYears + 1),
      },
      payoutFan: {
        ages: Array.from({ length: nPayout }, (_, i) => payoutStartAge + i),
        gross: fanOf(grossAt, nPayout),
        net: fanOf(netAt, nPayout),
      },
    };
  }
}

export { keyed };
