/**
 * The metrics a sweep reports per cell, chosen by name:
 *   <metric>.<stat>       metric: a result metric (capitalAtRetirement, payoutGross, payoutNet,
 *                         replacementRatio, and the optional ones such as totalPension);
 *                         stat: mean, sd, stderr or p<N> with N one of the scenario's percentiles
 *   real.<metric>.<stat>  the same in start-year money (needs returns.inflation): capitalAtRetirement,
 *                         payoutGross or payoutNet
 *   shortfall             shortfallProbability of the replacement ratio (needs simulation.targetReplacementRatio)
 * Example: "capitalAtRetirement.p50" is the median capital at the payout start.
 */
import { compilePlan } from '../plan/compile-plan.js';
import { FOLKETRYGD_SERIES, LIFETIME_SERIES, SCALAR_SERIES } from '../plan/simulation-plan.js';
import { REAL_SCALARS } from '../plan/inflation-series.js';
import type { Scenario } from '../scenario/schema.js';
import { UserError } from '../scenario/user-error.js';
import type { Metric, SimulationResult } from './simulation-result.js';

export interface SweepMetric {
  name: string;
  /** 'ratio' values print as percentages, 'amount' values as money. */
  kind: 'amount' | 'ratio';
  /** The value in a result; null when the result has no such metric (e.g. an optional one absent). */
  pick: (r: SimulationResult) => number | null;
}

const METRICS: readonly string[] = [...SCALAR_SERIES, ...LIFETIME_SERIES, ...FOLKETRYGD_SERIES];
const RATIOS = new Set(['replacementRatio', 'totalReplacementRatio', 'outlivedPayout', 'shortfall']);

/** The default: capital at its lowest, middle and highest percentile, the median net payout and ratio, and the shortfall if there is a target. */
export function defaultSweepMetrics(base: Scenario): string[] {
  const pct = [...base.simulation.percentiles].sort((a, b) => a - b);
  const mid = pct.includes(50) ? 50 : pct[Math.floor(pct.length / 2)]!;
  const ends = [...new Set([pct[0]!, mid, pct.at(-1)!])];
  return [
    ...ends.map((p) => `capitalAtRetirement.p${p}`),
    `payoutNet.p${mid}`,
    `replacementRatio.p${mid}`,
    ...(base.simulation.targetReplacementRatio !== undefined ? ['shortfall'] : []),
  ];
}

export function sweepMetrics(names: readonly string[], base: Scenario): SweepMetric[] {
  // The optional series this plan produces (lifetime with mortality, folketrygd with its block).
  const extras: readonly string[] = compilePlan(base).extraSeries;
  return names.map((name) => sweepMetric(name, base, extras));
}

function sweepMetric(name: string, base: Scenario, extras: readonly string[]): SweepMetric {
  const fail = (why: string) => new UserError([{ path: '--metrics', message: `"${name}": ${why}` }]);
  if (name === 'shortfall') {
    if (base.simulation.targetReplacementRatio === undefined) throw fail('needs simulation.targetReplacementRatio in the scenario');
    return { name, kind: 'ratio', pick: (r) => r.shortfall?.probability ?? null };
  }
  const parts = name.split('.');
  const real = parts[0] === 'real';
  if (real) parts.shift();
  if (parts.length !== 2) throw fail('write <metric>.<stat> (e.g. capitalAtRetirement.p50), real.<metric>.<stat> or shortfall');
  const [metric, stat] = parts as [string, string];
  if (real) {
    if (!(REAL_SCALARS as readonly string[]).includes(metric)) throw fail(`real-terms metrics are ${REAL_SCALARS.join(', ')}`);
    if (!base.returns?.inflation) throw fail('real-terms metrics need a stochastic inflation model (returns.inflation)');
  } else if (!METRICS.includes(metric)) {
    throw fail(`unknown metric "${metric}"; metrics are ${METRICS.join(', ')}`);
  } else if (!(SCALAR_SERIES as readonly string[]).includes(metric) && !extras.includes(metric)) {
    const needs = (FOLKETRYGD_SERIES as readonly string[]).includes(metric) ? 'a folketrygd block' : 'mortality (lifetime risk), and heirs only where they inherit';
    throw fail(`this scenario's plan has no "${metric}": it needs ${needs}; this plan has ${[...SCALAR_SERIES, ...extras].join(', ')}`);
  }
  const pct = base.simulation.percentiles;
  const m = /^p(\d+(?:\.\d+)?)$/.exec(stat);
  if (!['mean', 'sd', 'stderr'].includes(stat) && !(m && pct.includes(Number(m[1])))) {
    throw fail(`the statistic must be mean, sd, stderr or one of the scenario's percentiles (${pct.map((p) => `p${p}`).join(', ')})`);
  }
  const value = (x: Metric | undefined) => (x === undefined ? null : stat === 'mean' || stat === 'sd' || stat === 'stderr' ? x[stat] : (x.percentiles[stat] ?? null));
  return {
    name,
    kind: RATIOS.has(metric) ? 'ratio' : 'amount',
    pick: real
      ? (r) => value(r.inflation?.real[metric as (typeof REAL_SCALARS)[number]])
      : (r) => value((r.metrics as unknown as Record<string, Metric | undefined>)[metric]),
  };
}
