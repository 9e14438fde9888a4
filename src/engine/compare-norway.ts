/**
 * compareNorway: Norwegian scenarios (savings profiles, plans, payout choices) run on common random
 * numbers (one seed and path count, so path i sees the same returns and wage shocks in each) and
 * measured side by side on one per-path metric: the capital at the payout start (default), the
 * first payout gross or net, the replacement ratio, or the total pension with the folketrygd.
 * Per scenario: mean with its standard error, percentiles, VaR and CVaR at α (lower tail), the
 * CRRA certainty equivalent (amounts only), and the run's shortfall probability against its
 * target replacement ratio. Paired, the first scenario A against each other B (engine/paired-figures.ts).
 * The markets pair only when the scenarios draw alike: the same simulated years, number of assets
 * and return model; otherwise the comparison is refused rather than silently unpaired.
 */
import { compilePlan } from '../plan/compile-plan.js';
import { SCALAR_SERIES, type SimulationPlan } from '../plan/simulation-plan.js';
import type { Scenario } from '../scenario/schema.js';
import { UserError, type Problem } from '../scenario/user-error.js';
import { certaintyEquivalent, expectedShortfall, sortedCopy, valueAtRisk } from '../stats/risk-measures.js';
import { VERSION } from '../version.js';
import { distribution, pairedFigures, type Distribution, type PairedFigures } from './paired-figures.js';
import { scenarioHash } from '../scenario/scenario-hash.js';
import { simulate } from './simulate.js';
import type { SimulationResult } from './simulation-result.js';

export const NO_COMPARE_METRICS = ['capitalAtRetirement', 'payoutGross', 'payoutNet', 'replacementRatio', 'totalPension'] as const;
export type NoCompareMetric = (typeof NO_COMPARE_METRICS)[number];

export interface NoScenarioFigures {
  name: string;
  hash: string;
  plan: string;
  metric: Distribution;
  valueAtRisk: number;
  expectedShortfall: number;
  /** CRRA certainty equivalent of the metric; null for the replacement ratio (a ratio, not an amount). */
  certaintyEquivalent: number | null;
  /** The run's P(replacement ratio < target) (total ratio with the folketrygd); null without a target. */
  shortfall: SimulationResult['shortfall'];
}

export interface NoComparison {
  pensim: string;
  currency: string;
  metric: NoCompareMetric;
  paths: number;
  seed: number;
  gamma: number;
  alpha: number;
  percentiles: number[];
  scenarios: NoScenarioFigures[];
  paired: PairedFigures[];
}

export interface NoCompareOptions {
  metric: NoCompareMetric;
  paths: number;
  seed: number;
  threads?: number;
  gamma: number;
  alpha: number;
  percentiles: readonly number[];
  /** Aborts the runs (pensim serve: the client cancelled). */
  signal?: AbortSignal;
  /** Each scenario's full run as it finishes (pensim serve draws their fans overlaid). */
  onRun?: (index: number, result: SimulationResult) => void;
  /** Paths done over all the scenarios' runs. */
  onProgress?: (done: number, total: number) => void;
}

/** The scenarios must draw alike path by path: same years, assets, return model. */
export function norwayPairingProblems(plans: readonly SimulationPlan[], scenarios: readonly Scenario[], metric: NoCompareMetric): Problem[] {
  const a = plans[0]!;
  const out: Problem[] = [];
  plans.forEach((b, i) => {
    const what = `scenario ${i + 1} (${scenarios[i]!.name ?? 'unnamed'})`;
    if (metric === 'totalPension' && b.folketrygd === null) out.push({ path: '--metric', message: `${what} has no folketrygd block, so no total pension` });
    if (i === 0) return;
    if (scenarios[i]!.currency !== scenarios[0]!.currency) out.push({ path: 'currency', message: `${what} is in ${scenarios[i]!.currency}, the first in ${scenarios[0]!.currency}` });
    if (b.nYears !== a.nYears || b.startYear !== a.startYear) {
      out.push({ path: 'person', message: `${what} simulates ${b.startYear}–${b.startYear + b.nYears}, the first ${a.startYear}–${a.startYear + a.nYears}: a paired comparison needs the same simulated years (the same birth year, start, and payout end)` });
    }
    if (b.nAssets !== a.nAssets) out.push({ path: 'profile.assets', message: `${what} has ${b.nAssets} assets, the first ${a.nAssets}: common random numbers need the same number of assets (give unused ones weight 0)` });
    if ((b.market?.kind ?? 'lognormal') !== (a.market?.kind ?? 'lognormal')) out.push({ path: 'returns.model', message: `${what} draws its returns with another model than the first: the paths would not pair` });
  });
  return out;
}

export async function compareNorway(scenarios: readonly Scenario[], o: NoCompareOptions): Promise<NoComparison> {
  if (scenarios.length < 2) throw new UserError([{ path: 'scenarios', message: `name at least two scenarios to compare; got ${scenarios.length}` }]);
  const plans = scenarios.map((s) => compilePlan(s));
  const problems = norwayPairingProblems(plans, scenarios, o.metric);
  if (problems.length > 0) throw new UserError(problems);
  const values: Float64Array[] = [];
  const results: SimulationResult[] = [];
  for (let i = 0; i < scenarios.length; i++) {
    const plan = plans[i]!;
    const at = o.metric === 'totalPension' ? SCALAR_SERIES.length + plan.extraSeries.indexOf('totalPension') : SCALAR_SERIES.indexOf(o.metric);
    const x = new Float64Array(o.paths);
    results.push(
      await simulate(scenarios[i]!, {
        paths: o.paths,
        seed: o.seed,
        ...(o.threads !== undefined && { threads: o.threads }),
        ...(o.signal && { signal: o.signal }),
        ...(o.onProgress && { onProgress: (done: number) => o.onProgress!(i * o.paths + done, scenarios.length * o.paths) }),
        onChunk: (first, paths, series) => x.set(series.subarray(at * paths, (at + 1) * paths), first),
      }),
    );
    values.push(x);
    o.onRun?.(i, results[i]!);
  }
  const figures = scenarios.map((s, i): NoScenarioFigures => {
    const x = values[i]!;
    const sorted = sortedCopy(x);
    return {
      name: s.name ?? s.plan.kind,
      hash: scenarioHash(s),
      plan: s.plan.kind,
      metric: distribution(x, o.percentiles),
      valueAtRisk: valueAtRisk(sorted, o.alpha),
      expectedShortfall: expectedShortfall(sorted, o.alpha),
      certaintyEquivalent: o.metric === 'replacementRatio' ? null : certaintyEquivalent(x, o.gamma),
      shortfall: results[i]!.shortfall,
    };
  });
  const paired = values.slice(1).map((b, i) => pairedFigures({ a: figures[0]!.name, b: figures[i + 1]!.name }, values[0]!, b, o.percentiles, o.alpha));
  return {
    pensim: VERSION,
    currency: scenarios[0]!.currency,
    metric: o.metric,
    paths: o.paths,
    seed: o.seed,
    gamma: o.gamma,
    alpha: o.alpha,
    percentiles: [...o.percentiles],
    scenarios: figures,
    paired,
  };
}
