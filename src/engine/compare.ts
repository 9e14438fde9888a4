/**
 * compareRuns: US scenarios run on common random numbers (the same seed and path count, so path i
 * sees the same market draws, wage shocks and idiosyncratic stock draws in every scenario) and
 * measured side by side. Per scenario (X = terminal wealth, the pre-tax account at retirement):
 * mean with its standard error, percentiles, valueAtRisk and expectedShortfall at α,
 * certaintyEquivalent for CRRA γ, shortfallProbability P(X < target), the after-tax value of the
 * better distribution (NUA or rollover); with an employer-stock model: the mean share of company
 * stock at retirement, P(default), P(S_T/S_0 < ½) (the stock loses more than half its value over
 * the saving years, dividends reinvested) and the certainty-equivalent value of $1 of company stock
 * (docs/model.md §6.5) at w = 1 and at w = the mean share held at retirement.
 * Paired, the first scenario A against each other B: P(A < B), percentiles of A − B and A / B (over
 * paths with B > 0), and VaR / CVaR of A − B.
 */
import type { UsSeries } from '../plan/us-simulation-plan.js';
import { UserError } from '../scenario/user-error.js';
import { moments } from '../stats/moments.js';
import { certaintyEquivalent, certaintyEquivalentValue, expectedShortfall, sortedCopy, valueAtRisk } from '../stats/risk-measures.js';
import { shortfallProbability } from '../stats/shortfall-probability.js';
import { VERSION } from '../version.js';
import { distribution, pairedFigures, type Distribution, type PairedFigures } from './paired-figures.js';
import type { UsRun } from './simulate-us.js';

export type { Distribution, PairedFigures };

export interface CompareOptions {
  gamma: number;
  alpha: number;
  /** Target terminal wealth; else each scenario's simulation.targetWealth; else none. */
  target?: number;
  percentiles: readonly number[];
}

export interface ScenarioFigures {
  name: string;
  hash: string;
  plan: string;
  terminalWealth: Distribution;
  afterTaxBest: Distribution;
  valueAtRisk: number;
  expectedShortfall: number;
  certaintyEquivalent: number;
  shortfall: { target: number; probability: number; stderr: number } | null;
  employerStock: {
    meanShareAtRetirement: number;
    probabilityOfDefault: number;
    probabilityStockLosesHalf: number;
    ceValuePerDollar: number;
    ceValuePerDollarAtMeanShare: number | null;
  } | null;
}

export interface Comparison {
  pensim: string;
  currency: 'USD';
  paths: number;
  seed: number;
  gamma: number;
  alpha: number;
  percentiles: number[];
  scenarios: ScenarioFigures[];
  paired: PairedFigures[];
}

/** The runs must pair path by path: same seed, paths, saving years and number of funds. */
export function pairingProblems(runs: readonly UsRun[]): { path: string; message: string }[] {
  const a = runs[0]!;
  const out: { path: string; message: string }[] = [];
  runs.slice(1).forEach((b, i) => {
    const what = `scenario ${i + 2} (${b.name ?? 'unnamed'})`;
    if (b.plan.nYears !== a.plan.nYears || b.plan.startYear !== a.plan.startYear) {
      out.push({ path: 'person', message: `${what} saves ${b.plan.startYear}–${b.plan.startYear + b.plan.nYears}, the first ${a.plan.startYear}–${a.plan.startYear + a.plan.nYears}: a paired comparison needs the same saving years` });
    }
    if (b.plan.nAssets !== a.plan.nAssets) {
      out.push({ path: 'profile.assets', message: `${what} has ${b.plan.nAssets} funds, the first ${a.plan.nAssets}: common random numbers need the same number of funds (give unused funds weight 0)` });
    }
    if (b.seed !== a.seed || b.paths !== a.paths) out.push({ path: 'simulation', message: `${what} runs ${b.paths} paths with seed ${b.seed}, the first ${a.paths} with seed ${a.seed}` });
  });
  return out;
}

export function compareRuns(runs: readonly UsRun[], o: CompareOptions): Comparison {
  if (runs.length < 2) throw new UserError([{ path: 'scenarios', message: `name at least two scenarios to compare; got ${runs.length}` }]);
  if (!(o.gamma > 0)) throw new UserError([{ path: '--gamma', message: `the CRRA risk aversion γ must be > 0; got ${o.gamma}` }]);
  const problems = pairingProblems(runs);
  if (problems.length > 0) throw new UserError(problems);
  const v = (r: UsRun, s: UsSeries) => r.values[s];
  const scenarios = runs.map((r): ScenarioFigures => {
    const x = v(r, 'terminalWealth');
    const sorted = sortedCopy(x);
    const target = o.target ?? r.scenario.simulation.targetWealth;
    let employerStock: ScenarioFigures['employerStock'] = null;
    if (r.plan.stock) {
      const share = moments(v(r, 'employerStockShare')).mean;
      const s = v(r, 'stockWealthRelative');
      const m = v(r, 'marketWealthRelative');
      let half = 0;
      for (let i = 0; i < s.length; i++) if (s[i]! < 0.5) half++;
      employerStock = {
        meanShareAtRetirement: share,
        probabilityOfDefault: moments(v(r, 'defaulted')).mean,
        probabilityStockLosesHalf: half / s.length,
        ceValuePerDollar: certaintyEquivalentValue(m, s, 1, o.gamma),
        ceValuePerDollarAtMeanShare: share > 0 ? certaintyEquivalentValue(m, s, share, o.gamma) : null,
      };
    }
    return {
      name: r.name ?? r.scenario.plan.kind,
      hash: r.hash,
      plan: r.scenario.plan.kind,
      terminalWealth: distribution(x, o.percentiles),
      afterTaxBest: distribution(v(r, 'afterTaxBest'), o.percentiles),
      valueAtRisk: valueAtRisk(sorted, o.alpha),
      expectedShortfall: expectedShortfall(sorted, o.alpha),
      certaintyEquivalent: certaintyEquivalent(x, o.gamma),
      shortfall: target === undefined ? null : { target, ...shortfallProbability(x, target) },
      employerStock,
    };
  });
  const a = v(runs[0]!, 'terminalWealth');
  const paired = runs.slice(1).map((rb, i) => pairedFigures({ a: scenarios[0]!.name, b: scenarios[i + 1]!.name }, a, v(rb, 'terminalWealth'), o.percentiles, o.alpha));
  return { pensim: VERSION, currency: 'USD', paths: runs[0]!.paths, seed: runs[0]!.seed, gamma: o.gamma, alpha: o.alpha, percentiles: [...o.percentiles], scenarios, paired };
}
