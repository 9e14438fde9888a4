/**
 * The result of a Norwegian run (SimulationResult) read off its collector: the scalar metrics and
 * the plan's extra series (lifetime, folketrygd), the shortfall, the capital fan by age, the gross
 * and net payout fans, and the real-terms and in-G blocks when the plan has those series. The
 * series layout is the Norwegian pricer's (kernel/run-chunk.ts, plan/simulation-plan.ts).
 */
import { DEGREE_SERIES, DISABILITY_SERIES, fanOffset, SCALAR_SERIES, type SimulationPlan } from '../plan/simulation-plan.js';
import type { Scenario } from '../scenario/schema.js';
import { aliveFan, aliveSpec } from './alive-payout.js';
import { disabilityResult, disabilitySplit, momentMetric } from './disability-split.js';
import { CHUNK_SIZE } from '../base/chunk-size.js';
import type { SeriesCollector } from '../engine/collect-series.js';
import { gResult } from './g-result.js';
import { returnsResult } from './returns-result.js';
import type { SimulationResult } from './simulation-result.js';

/** The disability series over all paths: moments only (result/disability-split.ts says why). */
const MOMENTS_ONLY: readonly string[] = [...DISABILITY_SERIES, ...DEGREE_SERIES];

export function norwayResult(
  collector: SeriesCollector,
  plan: SimulationPlan,
  scenario: Scenario,
  meta: Pick<SimulationResult, 'pensim' | 'scenario' | 'seed' | 'sampler'>,
): SimulationResult {
  const pct = [...scenario.simulation.percentiles].sort((a, b) => a - b);
  const nPayout = plan.nYears - plan.payStart;
  const capitalAt = fanOffset(plan);
  const grossAt = capitalAt + plan.nYears + 1;
  const netAt = grossAt + nPayout;
  const fanOf = (from: number, count: number) => collector.fan(from, count, pct);
  const metric = (s: number) => collector.metric(s, pct);
  const mean = (s: number) => collector.merged(s).mean;
  const target = scenario.simulation.targetReplacementRatio;
  const n = collector.totalPaths;
  const payoutStartAge = plan.startAge + plan.payStart;
  const result: SimulationResult = {
    ...meta,
    intervals: collector.intervalMethod,
    currency: scenario.currency,
    paths: n,
    chunkSize: CHUNK_SIZE,
    percentileMethod: collector.method,
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
      ...Object.fromEntries(
        plan.extraSeries.map((name, i) => [name, MOMENTS_ONLY.includes(name) ? momentMetric(collector, SCALAR_SERIES.length + i) : metric(SCALAR_SERIES.length + i)]),
      ),
    },
    shortfall:
      target === undefined
        ? null
        : {
            of: plan.extraSeries.includes('totalReplacementRatio') ? 'totalReplacementRatio' : 'replacementRatio',
            targetReplacementRatio: target,
            ...collector.shortfall(),
          },
    fan: {
      ages: Array.from({ length: plan.nYears + 1 }, (_, i) => plan.startAge + i),
      mean: Array.from({ length: plan.nYears + 1 }, (_, i) => mean(capitalAt + i)),
      capital: fanOf(capitalAt, plan.nYears + 1),
      ci95: collector.fanIntervals(capitalAt, plan.nYears + 1, pct),
    },
    payoutFan: {
      ages: Array.from({ length: nPayout }, (_, i) => payoutStartAge + i),
      gross: fanOf(grossAt, nPayout),
      net: fanOf(netAt, nPayout),
    },
    ...returnsResult(scenario, plan, { metric, mean, fan: fanOf }),
    ...gResult(plan, { metric, mean, fan: fanOf }),
  };
  // With lifetime risk: the payout of those alive at each age, in each unit the run has per path.
  const alive = aliveSpec(plan);
  alive?.kinds.forEach((kind, g) => {
    const fan = aliveFan(collector, alive, g, pct);
    if (kind === 'nominal') result.payoutFan.alive = fan;
    else if (kind === 'real' && result.inflation) result.inflation.realPayoutFan.alive = fan;
    else if (kind === 'g' && result.inG) result.inG.payoutFan.alive = fan;
  });
  // With disability: P(disabled before 67) and the outcomes of the disabled and the others.
  const split = disabilitySplit(plan);
  if (split) result.disability = disabilityResult(collector, split, pct);
  return result;
}
