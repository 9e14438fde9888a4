/**
 * compareScenarios: scenarios of one plan kind run on common random numbers (the same seed and
 * path count, so path i sees the same markets, wage shocks and idiosyncratic stock draws in each)
 * and measured side by side, chunk by chunk: each worker prices a chunk with every scenario and
 * reduces the comparison's channels at once (engine/compare-channels.ts), so memory does not grow
 * with the paths. Per scenario (X = the compared outcome: US terminal wealth, the pre-tax account at
 * retirement; Norway the chosen --metric): mean with its standard error, percentiles,
 * valueAtRisk and expectedShortfall at α, certaintyEquivalent for CRRA γ, shortfallProbability; US
 * also the after-tax value of the better distribution (NUA or rollover), and with an employer-stock
 * model the mean share of company stock at retirement, P(default), P(S_T/S_0 < ½) and the
 * certainty-equivalent value of $1 of company stock (docs/model.md §6.5) at w = 1 and at w = the mean
 * share. Paired, the first scenario A against each other B: P(A < B), percentiles of A − B and
 * A / B (over paths with B > 0), and VaR / CVaR of A − B; when both have a payout section also the
 * paired payout figures (PairedPayout): path by path A − B of the lifetime spending and the bequest
 * (start-year dollars, each path deflated by its own index), of running out and of the years short,
 * and the difference of the spending's certainty equivalents at the comparison's γ.
 *
 * Exact and streamed: with exact percentiles (auto: up to 100 000 paths) every figure is computed
 * from the paths' values, as order statistics and sums in path order. Above that the figures are
 * streamed: percentiles and VaR from the sketch (relative error ≤ 2⁻¹²); CVaR from the sketch with
 * its error bound (stats/log-bucket-sketch.ts expectedShortfall); means, probabilities (exact
 * integer counts) and certainty equivalents from chunk sums merged in chunk order (exact up to
 * rounding); the CE value of company stock at the mean share by interpolation on a share grid,
 * with its error estimate (stats/ce-value-at-share.ts). The bounds are in the result.
 */
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { compileAny, isUsScenario, planYears, shortfallOf, type AnyScenario, type CompiledPlan } from '../plan/compiled-plan.js';
import { SCALAR_SERIES, type SimulationPlan } from '../plan/simulation-plan.js';
import { US_SERIES, usPayoutFans, usPayoutSeriesIndex, usSeriesIndex, type UsSimulationPlan } from '../plan/us-simulation-plan.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioHash } from '../base/scenario-hash.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { UserError, type Problem } from '../base/user-error.js';
import { ceValueAtShare } from '../stats/ce-value-at-share.js';
import { certaintyEquivalent, certaintyEquivalentValue, expectedShortfall, sortedCopy, valueAtRisk } from '../stats/risk-measures.js';
import { VERSION } from '../version.js';
import { chunkRanges } from '../engine/chunking.js';
import { SeriesCollector, type PercentileMethod } from '../engine/collect-series.js';
import { collectorSink } from '../engine/collector-sink.js';
import { compareLayout, type CompareLayout, type CompareScenarioSpec, type CompareSpec } from '../engine/compare-channels.js';
import { checkRunSize } from '../engine/limits.js';
import { distribution, pairedFigures, type Distribution, type PairedFigures } from './paired-figures.js';
import { runChunks } from '../engine/run-chunks.js';
import { AUTO_EXACT_MAX_PATHS, blockPathProblems, simulate } from '../engine/simulate.js';
import { certaintyEquivalent as spendingCertaintyEquivalent, type UsPayoutResult } from '../result/us-payout-result.js';
import { keyed, type Intervals } from '../result/simulation-result.js';
import { jobBlocks, type ChunkJob } from '../engine/chunk-job.js';

export type { Distribution, PairedFigures };

import type { NoCompareMetric } from './compare-metrics.js';

export { NO_COMPARE_METRICS, type NoCompareMetric } from './compare-metrics.js';

/** Grid intervals of the company-stock share for the CE value at the mean share (stats/ce-value-at-share.ts). */
export const SHARE_GRID = 16;

export interface CompareOptions {
  gamma: number;
  alpha: number;
  percentiles: readonly number[];
  paths: number;
  seed: number;
  threads?: number;
  /** 'auto' (default): exact up to 100 000 paths, else streamed from sketches. */
  percentileMethod?: 'auto' | PercentileMethod;
  /** US: target terminal wealth; else each scenario's simulation.targetWealth; else none. */
  target?: number;
  /** Norway: the per-path outcome compared (default capitalAtRetirement). */
  metric?: NoCompareMetric;
  /** Also each scenario's capital fan by age (the HTML report's overlaid fans). */
  fans?: boolean;
  /**
   * Each scenario's headline per-path outcomes, chunk by chunk in any chunk order (compare
   * --per-path): scenario i's first `count` series of its pricer (Norway SCALAR_SERIES and the
   * plan's extra series, US US_SERIES), series-major. Workers then send their columns back.
   */
  onScenarioChunk?: (scenario: number, first: number, paths: number, series: Float64Array) => void;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  allowLarge?: boolean;
  /** A worker pool shared by many runs (the workbench); else the comparison makes its own. */
  pool?: Piscina;
}

/** How each streamed figure was computed, and the error bounds of those that are approximated. */
export interface Streaming {
  percentileMethod: PercentileMethod;
  note: string;
}

export interface ScenarioFigures {
  name: string;
  hash: string;
  plan: string;
  terminalWealth: Distribution;
  afterTaxBest: Distribution;
  valueAtRisk: number;
  expectedShortfall: number;
  /** |streamed CVaR − exact CVaR of the same paths| is at most this (0 when exact). */
  expectedShortfallErrorBound: number;
  certaintyEquivalent: number;
  shortfall: { target: number; probability: number; stderr: number; ci95: [number, number] } | null;
  /**
   * With a payout section: the scenario's payout figures (result/us-payout-result.ts, without the
   * fans), from its own run on the comparison's seed and paths (common random numbers: the same
   * markets path by path as the other scenarios' runs).
   */
  payout?: Omit<UsPayoutResult, 'fan'>;
  employerStock: {
    meanShareAtRetirement: number;
    probabilityOfDefault: number;
    probabilityStockLosesHalf: number;
    ceValuePerDollar: number;
    ceValuePerDollarAtMeanShare: number | null;
    /** Error estimate of the interpolated CE value at the mean share (0 when exact). */
    ceValuePerDollarAtMeanShareErrorBound: number | null;
  } | null;
}

export interface PairedStreamed extends PairedFigures {
  differenceExpectedShortfallErrorBound: number;
  /** When A and B both have a payout section (US). */
  payout?: PairedPayout;
}

/**
 * The payout years of A against B on the same paths (the same markets, lifetimes and, under an
 * inflation model, the same inflation draws when both have one): differences per path A − B.
 */
export interface PairedPayout {
  /** Lifetime spending after tax (start-year dollars), A − B per path, and P(A's < B's). */
  lifetimeSpending: Distribution & { probabilityALessThanB: number };
  /** The bequest after tax (start-year dollars), A − B per path. */
  bequestReal: Distribution;
  /** P(run out before death or the horizon): A's, B's, and the mean of the paths' indicator difference with its standard error. */
  ranOut: { a: number; b: number; difference: number; stderr: number };
  /** Years short, A − B per path. */
  yearsShort: Distribution;
  /**
   * The certainty equivalent of a year's real spending at the comparison's γ (result/us-payout-result.ts's
   * formula): A's, B's, A − B, and A − B's standard error by the delta method on the paths' (U, N) of
   * both (null when the values are not kept or the run has randomized blocks).
   */
  spendingCertaintyEquivalent: { gamma: number; a: number; b: number; difference: number; stderr: number | null };
}

/** What a US and a Norwegian comparison share. */
interface ComparisonCommon {
  pensim: string;
  paths: number;
  seed: number;
  /** How the standard errors and intervals were computed (result/simulation-result.ts Intervals). */
  intervals: Intervals;
  gamma: number;
  alpha: number;
  percentiles: number[];
  percentileMethod: PercentileMethod;
  paired: PairedStreamed[];
  /** Each scenario's capital fan by age, when asked for. */
  fans?: { ages: number[]; capital: Record<string, number[]> }[];
}

export interface Comparison extends ComparisonCommon {
  currency: 'USD';
  scenarios: ScenarioFigures[];
}

export interface NoScenarioFigures {
  name: string;
  hash: string;
  plan: string;
  metric: Distribution;
  valueAtRisk: number;
  expectedShortfall: number;
  expectedShortfallErrorBound: number;
  /** CRRA certainty equivalent of the metric; null for the replacement ratio (a ratio, not an amount). */
  certaintyEquivalent: number | null;
  /** The run's P(replacement ratio < target) (total ratio with the folketrygd); null without a target. */
  shortfall: { of: string; targetReplacementRatio: number; probability: number; stderr: number; ci95: [number, number] } | null;
}

export interface NoComparison extends ComparisonCommon {
  currency: string;
  metric: NoCompareMetric;
  scenarios: NoScenarioFigures[];
}

/** The scenarios must draw alike path by path: one plan kind, the same years, assets and return model. */
export function pairingProblems(plans: readonly CompiledPlan[], scenarios: readonly AnyScenario[], metric?: NoCompareMetric): Problem[] {
  const a = plans[0]!;
  const out: Problem[] = [];
  plans.forEach((b, i) => {
    const what = `scenario ${i + 1} (${scenarios[i]!.name ?? 'unnamed'})`;
    if (b.kind === 'norway' && metric === 'totalPension' && b.plan.folketrygd === null) out.push({ path: '--metric', message: `${what} has no folketrygd block, so no total pension` });
    if (i === 0) return;
    if (b.kind !== a.kind) {
      out.push({ path: 'plan.kind', message: `${what} is ${b.kind === 'us' ? 'a US plan' : 'Norwegian'}, the first ${a.kind === 'us' ? 'a US plan' : 'Norwegian'}: compare takes one kind` });
      return;
    }
    if (scenarios[i]!.currency !== scenarios[0]!.currency) out.push({ path: 'currency', message: `${what} is in ${scenarios[i]!.currency}, the first in ${scenarios[0]!.currency}` });
    if (b.plan.nYears !== a.plan.nYears || b.plan.startYear !== a.plan.startYear) {
      out.push({
        path: 'person',
        message: `${what} simulates ${b.plan.startYear}–${b.plan.startYear + b.plan.nYears}, the first ${a.plan.startYear}–${a.plan.startYear + a.plan.nYears}: a paired comparison needs the same simulated years (the same birth year, start, and end)`,
      });
    }
    if (b.plan.nAssets !== a.plan.nAssets) out.push({ path: 'profile.assets', message: `${what} has ${b.plan.nAssets} assets, the first ${a.plan.nAssets}: common random numbers need the same number of assets (give unused ones weight 0)` });
    if (returnModel(b) !== returnModel(a)) out.push({ path: 'returns.model', message: `${what} draws its returns with another model than the first: the paths would not pair` });
    const sampling = (cp: CompiledPlan) => (cp.plan.sampler === 'pseudo' ? 'pseudo' : `${cp.plan.sampler} in ${cp.plan.randomizations} randomizations`);
    if (sampling(b) !== sampling(a)) {
      out.push({ path: 'simulation.sampler', message: `${what} draws its market with the ${sampling(b)} sampler, the first with ${sampling(a)}: the paths would not pair (give both one simulation.sampler and simulation.randomizations, or --sampler)` });
    }
  });
  return out;
}

/** US plans draw lognormal returns; a Norwegian plan may name another return model. */
function returnModel(cp: CompiledPlan): string {
  return cp.kind === 'norway' ? (cp.plan.market?.kind ?? 'lognormal') : 'lognormal';
}

/** The headline per-path outcomes of a plan: Norway SCALAR_SERIES and its extra series, US US_SERIES. */
export function headCount(cp: CompiledPlan): number {
  return cp.kind === 'us' ? US_SERIES.length : SCALAR_SERIES.length + cp.plan.extraSeries.length;
}

function norwayOutcome(plan: SimulationPlan, metric: NoCompareMetric): number {
  return metric === 'totalPension' ? SCALAR_SERIES.length + plan.extraSeries.indexOf('totalPension') : SCALAR_SERIES.indexOf(metric);
}

/** The series a US payout section's paired figures read (plan/us-payout-plan.ts's layout). */
function payoutSpec(p: UsSimulationPlan): NonNullable<CompareScenarioSpec['payout']> {
  const po = p.payout!;
  const at = (name: Parameters<typeof usPayoutSeriesIndex>[1]) => usPayoutSeriesIndex(p, name);
  const fans = usPayoutFans({ nYears: p.nYears, payout: po });
  return { lifetimeSpending: at('lifetimeSpending'), bequestReal: at('bequestReal'), ranOut: at('ranOut'), yearsShort: at('yearsShort'), yearsLived: at('yearsLived'), spending: fans.spending, n: fans.n };
}

function scenarioSpec(cp: CompiledPlan, scenario: AnyScenario, o: CompareOptions): CompareScenarioSpec & { fan: { from: number; count: number } | null } {
  if (cp.kind === 'us') {
    const target = o.target ?? (scenario as UsScenario).simulation.targetWealth;
    const p: UsSimulationPlan = cp.plan;
    return {
      outcome: usSeriesIndex('terminalWealth'),
      second: usSeriesIndex('afterTaxBest'),
      shortfall: target === undefined ? null : { series: usSeriesIndex('terminalWealth'), target },
      ce: true,
      stock: p.stock
        ? { share: usSeriesIndex('employerStockShare'), defaulted: usSeriesIndex('defaulted'), stockRel: usSeriesIndex('stockWealthRelative'), marketRel: usSeriesIndex('marketWealthRelative') }
        : null,
      fan: o.fans ? { from: US_SERIES.length, count: p.nYears + 1 } : null,
      payout: p.payout ? payoutSpec(p) : null,
    };
  }
  const metric = o.metric ?? 'capitalAtRetirement';
  const p: SimulationPlan = cp.plan;
  return {
    outcome: norwayOutcome(p, metric),
    second: -1,
    shortfall: shortfallOf(cp, scenario) ?? null,
    ce: metric !== 'replacementRatio',
    stock: null,
    fan: o.fans ? { from: SCALAR_SERIES.length + p.extraSeries.length, count: p.nYears + 1 } : null,
  };
}

export async function compareScenarios(scenarios: readonly AnyScenario[], o: CompareOptions): Promise<Comparison | NoComparison> {
  if (scenarios.length < 2) throw new UserError([{ path: 'scenarios', message: `name at least two scenarios to compare; got ${scenarios.length}` }]);
  const figures = await scenarioFigures(scenarios, o);
  if (figures.currency === 'USD' && 'certaintyEquivalent' in figures.scenarios[0]!) {
    const us = figures as Comparison;
    for (const [i, sc] of scenarios.entries()) {
      if (!(sc as UsScenario).payout) continue;
      const r = await simulate(sc as UsScenario, {
        paths: o.paths, seed: o.seed, ...(o.threads !== undefined && { threads: o.threads }), ...(o.signal && { signal: o.signal }), ...(o.pool && { pool: o.pool }),
        ...(o.allowLarge !== undefined && { allowLarge: o.allowLarge }), percentileMethod: us.percentileMethod,
      });
      const { fan: _, ...payout } = r.payout!;
      us.scenarios[i]!.payout = payout;
    }
  }
  return figures;
}

/**
 * The per-scenario risk figures of one US scenario (VaR, CVaR, the certainty equivalent, the CE
 * value of company stock), streamed as in a comparison, for a sweep's risk metrics.
 */
export async function usRiskFigures(scenario: UsScenario, o: CompareOptions): Promise<ScenarioFigures> {
  return ((await scenarioFigures([scenario], o)) as Comparison).scenarios[0]!;
}

/** compareScenarios for one or more scenarios (one has no paired figures). */
async function scenarioFigures(scenarios: readonly AnyScenario[], o: CompareOptions): Promise<Comparison | NoComparison> {
  if (!(o.gamma > 0)) throw new UserError([{ path: '--gamma', message: `the CRRA risk aversion γ must be > 0; got ${o.gamma}` }]);
  if (!Number.isInteger(o.paths) || o.paths < 1) throw new UserError([{ path: 'paths', message: `must be a whole number >= 1; got ${o.paths}` }]);
  const plans = scenarios.map((s) => compileAny(s));
  const problems = pairingProblems(plans, scenarios, o.metric);
  if (problems.length > 0) throw new UserError(problems);
  const specs = plans.map((cp, i) => scenarioSpec(cp, scenarios[i]!, o));
  const heads = plans.map((cp) => (o.onScenarioChunk ? { from: 0, count: headCount(cp) } : null));
  const spec: CompareSpec = { scenarios: specs.map(({ fan: _, ...s }) => s), gamma: o.gamma, grid: SHARE_GRID, fans: specs.map((s) => s.fan), heads };
  const layout = compareLayout(spec);
  const wanted = o.percentileMethod ?? 'auto';
  const method: PercentileMethod = wanted === 'auto' ? (o.paths <= AUTO_EXACT_MAX_PATHS ? 'exact' : 'sketch') : wanted;
  checkRunSize({ paths: o.paths, years: planYears(plans[0]!), series: layout.count, method, runs: plans.length }, o.allowLarge);
  const blockProblems = blockPathProblems(scenarios[0]!, o.paths);
  if (blockProblems.length > 0) throw new UserError(blockProblems);
  const job: ChunkJob = { kind: 'compare', plans, spec };
  const collector = new SeriesCollector(layout.count, o.paths, method, jobBlocks(job));
  let done = 0;
  const onChunk = o.onScenarioChunk
    ? (first: number, paths: number, channels: Float64Array) =>
        layout.scenarios.forEach((ch, i) => ch.head && o.onScenarioChunk!(i, first, paths, channels.subarray(ch.head.from * paths, (ch.head.from + ch.head.count) * paths)))
    : undefined;
  const sink = collectorSink(collector, { onChunk, recorded: (c) => o.onProgress?.((done += c.paths), o.paths) });
  await runChunks(job, o.seed, chunkRanges(o.paths), o.threads ?? availableParallelism(), sink, o.signal, o.pool);
  checkFinite(collector, layout, scenarios, o);
  const read = new Figures(collector, layout, o, method);
  const pct = [...o.percentiles];
  const fans = o.fans ? layout.scenarios.map((ch, i) => ({ ages: Array.from({ length: ch.fan!.count }, (_, k) => plans[i]!.plan.startAge + k), capital: collector.fan(ch.fan!.from, ch.fan!.count, pct) })) : undefined;
  const paired = layout.pairs.map((_, j) => read.paired(j, scenarios[0]!, scenarios[j + 1]!));
  const common = { pensim: VERSION, paths: o.paths, seed: o.seed, intervals: collector.intervalMethod, gamma: o.gamma, alpha: o.alpha, percentiles: pct, percentileMethod: method };
  if (isUsScenario(scenarios[0]!)) {
    return { ...common, currency: 'USD', scenarios: scenarios.map((s, i) => read.usScenario(s as UsScenario, i, specs[i]!)), paired, ...(fans && { fans }) };
  }
  const metric = o.metric ?? 'capitalAtRetirement';
  return { ...common, currency: scenarios[0]!.currency, metric, scenarios: scenarios.map((s, i) => read.norwayScenario(s as Scenario, i, specs[i]!, plans[i]!)), paired, ...(fans && { fans }) };
}

const nameOf = (s: AnyScenario) => s.name ?? s.plan.kind;

/**
 * Amounts beyond double precision (an extreme volatility or return over a long horizon) are a
 * user error, never printed: the first compared outcome with a non-finite value is named, with
 * its first such path when the values are kept.
 */
function checkFinite(c: SeriesCollector, layout: CompareLayout, scenarios: readonly AnyScenario[], o: CompareOptions): void {
  layout.scenarios.forEach((ch, i) => {
    const name = isUsScenario(scenarios[i]!) ? 'terminalWealth' : (o.metric ?? 'capitalAtRetirement');
    const values = c.exactValues(ch.x);
    let bad: { value: number; where: string } | null = null;
    if (values) {
      const p = values.findIndex((x) => !Number.isFinite(x));
      if (p >= 0) bad = { value: values[p]!, where: `on path ${p}` };
    } else {
      const m = c.merged(ch.x).mean;
      if (!Number.isFinite(m)) bad = { value: m, where: 'on some paths' };
    }
    if (bad) {
      throw new UserError([
        {
          path: '',
          message: `${name} of scenario ${i + 1} (${nameOf(scenarios[i]!)}) is ${bad.value} ${bad.where}, not a finite number: the scenario's parameters take the simulation beyond double precision (e.g. an extreme volatility, return or pay growth over a long horizon); use more moderate parameters`,
        },
      ]);
    }
  });
}

/** Reads the figures off the collector: exact from the paths' values, or streamed (see the module comment). */
class Figures {
  private readonly exact: boolean;

  constructor(
    private readonly c: SeriesCollector,
    private readonly layout: CompareLayout,
    private readonly o: CompareOptions,
    method: PercentileMethod,
  ) {
    this.exact = method === 'exact';
  }

  private values(ch: number): Float64Array {
    return this.c.exactValues(ch)!;
  }

  /** Mean, standard error and percentiles of a channel; with randomized blocks the standard error is the blocks' (engine/collect-series.ts stderr). */
  private dist(ch: number): Distribution {
    if (this.exact) {
      const d = distribution(this.values(ch), this.o.percentiles);
      return this.c.split ? { ...d, stderr: this.c.stderr(ch) } : d;
    }
    return { mean: this.c.merged(ch).mean, stderr: this.c.stderr(ch), percentiles: keyed(this.o.percentiles, this.c.percentiles(ch, this.o.percentiles)) };
  }

  /** Paths where an indicator channel is 1, counted exactly (each chunk's mean times its paths is an integer). */
  private count(ch: number): number {
    if (this.exact) return this.values(ch).reduce((n, v) => n + v, 0);
    const m = this.c.merged(ch);
    return Math.round(m.mean * m.n);
  }

  private probability(ch: number): number {
    return this.count(ch) / this.o.paths;
  }

  private tail(ch: number): { valueAtRisk: number; expectedShortfall: number; bound: number } {
    if (this.exact) {
      const sorted = sortedCopy(this.values(ch));
      return { valueAtRisk: valueAtRisk(sorted, this.o.alpha), expectedShortfall: expectedShortfall(sorted, this.o.alpha), bound: 0 };
    }
    const es = this.c.expectedShortfall(ch, this.o.alpha);
    return { valueAtRisk: this.c.percentiles(ch, [this.o.alpha * 100])[0]!, expectedShortfall: es.value, bound: es.bound };
  }

  /** CRRA certainty equivalent from the transform channels (streamed), or the values (exact). */
  private ce(x: number, t: number, np: number): number {
    const gamma = this.o.gamma;
    if (this.exact) return certaintyEquivalent(this.values(x), gamma);
    if (gamma >= 1 && this.count(np) > 0) return 0;
    const mean = this.c.merged(t).mean;
    return gamma === 1 ? Math.exp(mean) : mean ** (1 / (1 - gamma));
  }

  private shortfall(i: number, sc: CompareScenarioSpec): { probability: number; stderr: number; ci95: [number, number] } | null {
    const below = this.layout.scenarios[i]!.below;
    return sc.shortfall ? this.c.indicatorProbability(below, this.count(below)) : null;
  }

  usScenario(s: UsScenario, i: number, sc: CompareScenarioSpec): ScenarioFigures {
    const ch = this.layout.scenarios[i]!;
    const tail = this.tail(ch.x);
    let employerStock: ScenarioFigures['employerStock'] = null;
    if (ch.stock) {
      const st = ch.stock;
      const share = this.c.merged(st.share).mean;
      const gamma = this.o.gamma;
      let atOne: number;
      let atShare: { value: number; bound: number } | null = null;
      if (this.exact) {
        const m = this.values(st.m);
        const sv = this.values(st.s);
        atOne = certaintyEquivalentValue(m, sv, 1, gamma);
        if (share > 0) atShare = { value: certaintyEquivalentValue(m, sv, share, gamma), bound: 0 };
      } else {
        const g = Array.from({ length: SHARE_GRID + 1 }, (_, k) => this.ce(st.gridT + k, st.gridT + k, st.gridNp + k));
        atOne = g[SHARE_GRID]! / g[0]!;
        if (share > 0) atShare = ceValueAtShare(g, share);
      }
      employerStock = {
        meanShareAtRetirement: share,
        probabilityOfDefault: this.probability(st.defaulted),
        probabilityStockLosesHalf: this.probability(st.half),
        ceValuePerDollar: atOne,
        ceValuePerDollarAtMeanShare: atShare?.value ?? null,
        ceValuePerDollarAtMeanShareErrorBound: atShare?.bound ?? null,
      };
    }
    const sf = this.shortfall(i, sc);
    return {
      name: nameOf(s),
      hash: scenarioHash(s),
      plan: s.plan.kind,
      terminalWealth: this.dist(ch.x),
      afterTaxBest: this.dist(ch.second),
      valueAtRisk: tail.valueAtRisk,
      expectedShortfall: tail.expectedShortfall,
      expectedShortfallErrorBound: tail.bound,
      certaintyEquivalent: this.ce(ch.x, ch.ceT, ch.ceNp),
      shortfall: sf && { target: sc.shortfall!.target, ...sf },
      employerStock,
    };
  }

  norwayScenario(s: Scenario, i: number, sc: CompareScenarioSpec, cp: CompiledPlan): NoScenarioFigures {
    const ch = this.layout.scenarios[i]!;
    const tail = this.tail(ch.x);
    const sf = this.shortfall(i, sc);
    const plan = cp.plan as SimulationPlan;
    return {
      name: nameOf(s),
      hash: scenarioHash(s),
      plan: s.plan.kind,
      metric: this.dist(ch.x),
      valueAtRisk: tail.valueAtRisk,
      expectedShortfall: tail.expectedShortfall,
      expectedShortfallErrorBound: tail.bound,
      certaintyEquivalent: sc.ce ? this.ce(ch.x, ch.ceT, ch.ceNp) : null,
      shortfall: sf && {
        of: plan.extraSeries.includes('totalReplacementRatio') ? 'totalReplacementRatio' : 'replacementRatio',
        targetReplacementRatio: sc.shortfall!.target,
        ...sf,
      },
    };
  }

  paired(j: number, a: AnyScenario, b: AnyScenario): PairedStreamed {
    const names = { a: nameOf(a), b: nameOf(b) };
    const pc = this.layout.pairs[j]!;
    if (this.exact) {
      const xa = this.values(this.layout.scenarios[0]!.x);
      const xb = this.values(this.layout.scenarios[j + 1]!.x);
      const f = pairedFigures(names, xa, xb, this.o.percentiles, this.o.alpha);
      // With randomized blocks the difference's standard error is its blocks' (engine/collect-series.ts stderr).
      if (this.c.split) f.difference = { ...f.difference, stderr: this.c.stderr(pc.diff) };
      return { ...f, differenceExpectedShortfallErrorBound: 0, ...(pc.payout && { payout: this.pairedPayout(j) }) };
    }
    const tail = this.tail(pc.diff);
    const nRatio = this.c.count(pc.ratio);
    const ratio = this.c.percentiles(pc.ratio, this.o.percentiles);
    return {
      ...names,
      probabilityALessThanB: this.probability(pc.less),
      difference: this.dist(pc.diff),
      ratio: { percentiles: Object.fromEntries(this.o.percentiles.map((q, k) => [`p${q}`, nRatio > 0 ? ratio[k]! : NaN])), paths: nRatio },
      differenceValueAtRisk: tail.valueAtRisk,
      differenceExpectedShortfall: tail.expectedShortfall,
      differenceExpectedShortfallErrorBound: tail.bound,
      ...(pc.payout && { payout: this.pairedPayout(j) }),
    };
  }

  /** The paired payout figures of A against scenario j + 1 (both with a payout section). */
  private pairedPayout(j: number): PairedPayout {
    const pc = this.layout.pairs[j]!.payout!;
    const A = this.layout.scenarios[0]!.payout!;
    const B = this.layout.scenarios[j + 1]!.payout!;
    const gamma = this.o.gamma;
    const mean = (ch: number) => this.c.merged(ch).mean;
    const ce = (u: number, n: number) => spendingCertaintyEquivalent(mean(u), mean(n), gamma);
    const a = ce(A.u, A.years);
    const b = ce(B.u, B.years);
    let stderr: number | null = null;
    if (this.exact && !this.c.split) {
      // Delta method: CE = g(Ū, N̄), g = (U/N)^(1/(1−γ)) (exp(U/N) at γ = 1); the paths' linearized A − B.
      const grad = (ceValue: number, u: number, n: number): [number, number] =>
        gamma === 1 ? [ceValue / n, (-ceValue * u) / (n * n)] : [ceValue / ((1 - gamma) * u), -ceValue / ((1 - gamma) * n)];
      const [aU, aN] = grad(a, mean(A.u), mean(A.years));
      const [bU, bN] = grad(b, mean(B.u), mean(B.years));
      const ua = this.values(A.u);
      const na = this.values(A.years);
      const ub = this.values(B.u);
      const nb = this.values(B.years);
      const lin = new Float64Array(ua.length);
      for (let p = 0; p < lin.length; p++) lin[p] = aU * ua[p]! + aN * na[p]! - bU * ub[p]! - bN * nb[p]!;
      stderr = distribution(lin, []).stderr;
    }
    const ranOutA = mean(A.ranOut);
    const ranOutB = mean(B.ranOut);
    return {
      lifetimeSpending: { ...this.dist(pc.spending), probabilityALessThanB: this.probability(pc.less) },
      bequestReal: this.dist(pc.bequest),
      ranOut: { a: ranOutA, b: ranOutB, difference: mean(pc.ranOut), stderr: this.c.stderr(pc.ranOut) },
      yearsShort: this.dist(pc.yearsShort),
      spendingCertaintyEquivalent: { gamma, a, b, difference: a - b, stderr },
    };
  }
}
