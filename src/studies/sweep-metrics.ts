/**
 * The metrics a sweep reports per cell, chosen by name:
 *   <metric>.<stat>       metric: a result metric (Norway: capitalAtRetirement, payoutGross,
 *                         payoutNet, replacementRatio, and the optional ones such as totalPension;
 *                         US: capitalAtRetirement (terminal wealth), afterTaxRollover, afterTaxNua,
 *                         afterTaxBest, deferrals, employerMoney, forfeited, and with an
 *                         employer-stock model employerStockValue, employerStockShare, defaulted);
 *                         stat: mean, sd, stderr or p<N> with N one of the scenario's percentiles
 *   real.<metric>.<stat>  Norway: the same in start-year money (needs returns.inflation):
 *                         capitalAtRetirement, payoutGross or payoutNet
 *   disabled.<metric>.<stat>, notDisabled.<metric>.<stat>
 *                         Norway with a disability section: the same over the paths disabled before
 *                         67 or the others (result/disability-split.ts): capitalAtRetirement,
 *                         payoutGross, totalPension; the disabled also disabilityIncome,
 *                         disabilityIncomeRatio, waiverGain, and with a drawn degree disabilityDegree
 *   ceValuePerDollar, ceValuePerDollarAtMeanShare, certaintyEquivalent, valueAtRisk,
 *   expectedShortfall, probabilityStockLosesHalf
 *                         US risk figures of terminal wealth at the sweep's --gamma and --alpha
 *   shortfall             shortfallProbability of the replacement ratio (Norway, needs
 *                         simulation.targetReplacementRatio) or of terminal wealth (US, needs
 *                         simulation.targetWealth)
 *   payout.ranOut, payout.nuaBetter, payout.spendingCertaintyEquivalent
 *   payout.<metric>.<stat> US with a payout section (result/us-payout-result.ts): metric one of
 *                         yearsShort, endAge, bequest, bequestReal, lifetimeSpending, yearsLived,
 *                         rmdExcess, taxesPaid, nuaAdvantage
 * Example: "capitalAtRetirement.p50" is the median capital at the payout start.
 */
import { isUsScenario, type AnyScenario } from '../plan/compiled-plan.js';
import { compilePlan } from '../plan/compile-plan.js';
import { REAL_SCALARS } from '../plan/inflation-series.js';
import { DEGREE_SERIES, DISABILITY_SERIES, FOLKETRYGD_SERIES, LIFETIME_SERIES, SCALAR_SERIES, SURVIVOR_SERIES } from '../plan/simulation-plan.js';
import { SPLIT_BOTH, SPLIT_DISABLED } from '../result/disability-split.js';
import { UserError } from '../base/user-error.js';
import type { ScenarioFigures } from './compare.js';
import type { AnyResult } from '../engine/simulate.js';
import type { Metric, SimulationResult } from '../result/simulation-result.js';
import type { UsRunResult } from '../result/us-result.js';

export interface SweepMetric {
  name: string;
  /** 'ratio' values print as percentages, 'amount' values as money, 'value' (a value per dollar) with 3 decimals. */
  kind: 'amount' | 'ratio' | 'value';
  /** The value in a result; null when the result has no such metric (e.g. an optional one absent). */
  pick: (r: AnyResult, risk: ScenarioFigures | null) => number | null;
  /** US risk figures (studies/compare.ts usRiskFigures) are needed: a second, streamed pass over the cell. */
  risk?: boolean;
}

/**
 * US risk metrics of terminal wealth at --gamma and --alpha (as `pensim compare` reports them):
 * the certainty-equivalent value of $1 of company stock at w = 1 and at the mean share held, the
 * CRRA certainty equivalent, VaR and CVaR, P(the stock loses more than half).
 */
const US_RISK: Record<string, { kind: 'amount' | 'ratio' | 'value'; pick: (f: ScenarioFigures) => number | null }> = {
  ceValuePerDollar: { kind: 'value', pick: (f) => f.employerStock?.ceValuePerDollar ?? null },
  ceValuePerDollarAtMeanShare: { kind: 'value', pick: (f) => f.employerStock?.ceValuePerDollarAtMeanShare ?? null },
  certaintyEquivalent: { kind: 'amount', pick: (f) => f.certaintyEquivalent },
  valueAtRisk: { kind: 'amount', pick: (f) => f.valueAtRisk },
  expectedShortfall: { kind: 'amount', pick: (f) => f.expectedShortfall },
  probabilityStockLosesHalf: { kind: 'ratio', pick: (f) => f.employerStock?.probabilityStockLosesHalf ?? null },
};

const NO_METRICS: readonly string[] = [...SCALAR_SERIES, ...LIFETIME_SERIES, ...FOLKETRYGD_SERIES, ...DISABILITY_SERIES, ...DEGREE_SERIES, ...SURVIVOR_SERIES];
const US_METRICS: readonly string[] = ['capitalAtRetirement', 'afterTaxRollover', 'afterTaxNua', 'afterTaxBest', 'deferrals', 'employerMoney', 'forfeited', 'employerStockValue', 'employerStockShare', 'defaulted'];
const RATIOS = new Set(['replacementRatio', 'totalReplacementRatio', 'outlivedPayout', 'shortfall', 'employerStockShare', 'defaulted', 'disabledBefore67', 'disabilityIncomeRatio', 'disabilityDegree']);

/**
 * The default: capital at its lowest, middle and highest percentile, then (Norway) the median net
 * payout and ratio or (US) the median after-tax value, and the shortfall if there is a target.
 */
export function defaultSweepMetrics(base: AnyScenario): string[] {
  const pct = [...base.simulation.percentiles].sort((a, b) => a - b);
  const mid = pct.includes(50) ? 50 : pct[Math.floor(pct.length / 2)]!;
  const ends = [...new Set([pct[0]!, mid, pct.at(-1)!])];
  const capital = ends.map((p) => `capitalAtRetirement.p${p}`);
  if (isUsScenario(base)) return [...capital, `afterTaxBest.p${mid}`, ...(base.simulation.targetWealth !== undefined ? ['shortfall'] : [])];
  return [...capital, `payoutNet.p${mid}`, `replacementRatio.p${mid}`, ...(base.simulation.targetReplacementRatio !== undefined ? ['shortfall'] : [])];
}

export function sweepMetrics(names: readonly string[], base: AnyScenario): SweepMetric[] {
  // The optional series this plan produces (lifetime with mortality, folketrygd with its block); a US plan has none.
  const extras: readonly string[] = isUsScenario(base) ? [] : compilePlan(base).extraSeries;
  return names.map((name) => sweepMetric(name, base, extras));
}

/** The payout figures of a US run, by name (their stat is given separately where they are metrics). */
const PAYOUT_FIGURES: Record<string, { kind: 'amount' | 'ratio'; pick: (p: NonNullable<UsRunResult['payout']>) => number }> = {
  ranOut: { kind: 'ratio', pick: (p) => p.ranOut.probability },
  nuaBetter: { kind: 'ratio', pick: (p) => p.nuaVsRollover.nuaBetter.probability },
  spendingCertaintyEquivalent: { kind: 'amount', pick: (p) => p.spendingCertaintyEquivalent.value },
};
const PAYOUT_METRICS = ['yearsShort', 'endAge', 'bequest', 'bequestReal', 'lifetimeSpending', 'yearsLived', 'rmdExcess', 'taxesPaid', 'nuaAdvantage'] as const;

function payoutMetric(name: string, base: AnyScenario, fail: (why: string) => UserError): SweepMetric {
  if (!isUsScenario(base) || !base.payout) throw fail('is a payout figure: it needs a US scenario with a payout section');
  const parts = name.split('.').slice(1);
  const figure = parts.length === 1 ? PAYOUT_FIGURES[parts[0]!] : undefined;
  const payout = (r: AnyResult) => (r as UsRunResult).payout ?? null;
  if (figure) return { name, kind: figure.kind, pick: (r) => { const p = payout(r); return p ? figure.pick(p) : null; } };
  const [metric, stat] = parts as [string, string | undefined];
  if (parts.length !== 2 || !(PAYOUT_METRICS as readonly string[]).includes(metric)) {
    throw fail(`payout figures are ${Object.keys(PAYOUT_FIGURES).map((k) => `payout.${k}`).join(', ')} and payout.<metric>.<stat> with metric one of ${PAYOUT_METRICS.join(', ')}`);
  }
  const pct = base.simulation.percentiles;
  const m = /^p(\d+(?:\.\d+)?)$/.exec(stat!);
  if (!['mean', 'sd', 'stderr'].includes(stat!) && !(m && pct.includes(Number(m[1])))) {
    throw fail(`the statistic must be mean, sd, stderr or one of the scenario's percentiles (${pct.map((p) => `p${p}`).join(', ')})`);
  }
  const value = (x: Metric) => (stat === 'mean' || stat === 'sd' || stat === 'stderr' ? x[stat] : (x.percentiles[stat!] ?? null));
  return {
    name,
    kind: 'amount',
    pick: (r) => {
      const p = payout(r);
      if (!p) return null;
      return value(metric === 'nuaAdvantage' ? p.nuaVsRollover.advantage : p.metrics[metric as Exclude<(typeof PAYOUT_METRICS)[number], 'nuaAdvantage'>]);
    },
  };
}

function sweepMetric(name: string, base: AnyScenario, extras: readonly string[]): SweepMetric {
  const fail = (why: string) => new UserError([{ path: '--metrics', message: `"${name}": ${why}` }]);
  const us = isUsScenario(base);
  if (name.startsWith('payout.')) return payoutMetric(name, base, fail);
  if (name === 'shortfall') {
    if (us && base.simulation.targetWealth === undefined) throw fail('needs simulation.targetWealth in the scenario');
    if (!us && base.simulation.targetReplacementRatio === undefined) throw fail('needs simulation.targetReplacementRatio in the scenario');
    return { name, kind: 'ratio', pick: (r) => r.shortfall?.probability ?? null };
  }
  const risk = US_RISK[name];
  if (risk) {
    if (!us) throw fail('is a US risk metric (a US scenario); Norwegian risk figures are in pensim compare');
    if (name.startsWith('ceValue') || name === 'probabilityStockLosesHalf') {
      if (!base.employerStock) throw fail('needs an employerStock block in the scenario');
    }
    return { name, kind: risk.kind, risk: true, pick: (_, f) => (f ? risk.pick(f) : null) };
  }
  const parts = name.split('.');
  const real = parts[0] === 'real';
  if (real) parts.shift();
  const group = parts[0] === 'disabled' || parts[0] === 'notDisabled' ? parts.shift()! : null;
  if (group !== null) {
    const allowed: readonly string[] = group === 'disabled' ? [...SPLIT_BOTH, ...SPLIT_DISABLED, ...DEGREE_SERIES.filter((n) => extras.includes(n))] : SPLIT_BOTH;
    if (us || real) throw fail('the disabled and not-disabled groups are Norwegian, in nominal money');
    if (!extras.includes('disabledBefore67')) throw fail('needs a disability section in the scenario');
    if (parts.length === 2 && !allowed.includes(parts[0]!)) throw fail(`the ${group} group's metrics are ${allowed.join(', ')}`);
  }
  if (parts.length !== 2) throw fail('write <metric>.<stat> (e.g. capitalAtRetirement.p50), real.<metric>.<stat> or shortfall');
  const [metric, stat] = parts as [string, string];
  const known = us ? US_METRICS : NO_METRICS;
  if (real) {
    if (us) throw fail('a US run is in nominal USD: no real-terms metrics');
    if (!(REAL_SCALARS as readonly string[]).includes(metric)) throw fail(`real-terms metrics are ${REAL_SCALARS.join(', ')}`);
    if (!base.returns?.inflation) throw fail('real-terms metrics need a stochastic inflation model (returns.inflation)');
  } else if (!known.includes(metric)) {
    throw fail(`unknown metric "${metric}" for a ${us ? 'US' : 'Norwegian'} plan; metrics are ${known.join(', ')}`);
  } else if (!us && !(SCALAR_SERIES as readonly string[]).includes(metric) && !extras.includes(metric)) {
    const needs = (FOLKETRYGD_SERIES as readonly string[]).includes(metric)
      ? 'a folketrygd block'
      : (DISABILITY_SERIES as readonly string[]).includes(metric)
        ? 'a disability section'
        : (DEGREE_SERIES as readonly string[]).includes(metric)
          ? 'a drawn disability degree (disability.degree.kind)'
        : 'mortality (lifetime risk), and heirs only where they inherit';
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
      ? (r) => value((r as SimulationResult).inflation?.real[metric as (typeof REAL_SCALARS)[number]])
      : group !== null
        ? (r) => value((group === 'disabled' ? (r as SimulationResult).disability?.disabled : (r as SimulationResult).disability?.others)?.metrics[metric])
        : (r) => value((r.metrics as unknown as Record<string, Metric | undefined>)[metric]),
  };
}
