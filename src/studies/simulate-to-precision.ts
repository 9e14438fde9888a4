/**
 * simulateToPrecision: run steps of whole chunks, in a fixed order (chunks 0, 1, 2, …), until the
 * 95 % half-width of every headline figure is within what is asked of it, or the path cap is
 * reached. The headline figures are the mean, p5, p50 and p95 of the capital at the payout start
 * and of the first yearly payout (US: of the account at retirement and its after-tax value), held
 * to a share of themselves (`precision`, e.g. 0.5 %), and the shortfall probability when the
 * scenario sets a target, held to an absolute half-width in percentage points (`precisionPp`,
 * default ±0.25 pp: a share of a 5 % probability would ask for ±0.05 pp, far more paths than any
 * amount needs). Half-widths: 1.96 standard errors for a mean, the order-statistic interval for a
 * percentile, Wilson's for a probability (stats/quantile-interval.ts); under sobol and antithetic
 * each from the run's randomized blocks, t(0.975, R − 1) standard errors of the block estimates
 * (the result's `intervals`).
 *
 * Steps grow by the estimated need, not by doubling: a half-width falls as 1/√n, so after n paths
 * with the worst figure at `ratio` times its allowed half-width the run needs about n · ratio²
 * paths; the next step aims SAFETY past that (so an estimate a little low does not cost a step of
 * one chunk), at least one chunk more and at most MAX_GROWTH times the paths so far (an early
 * estimate is itself noisy), in whole chunks. Example: 32 768 paths with the worst half-width at
 * 0.2 % against 0.1 % asked: 32 768 · 4 · 1.1 = 144 180, so 71 chunks (145 408 paths); doubling
 * would have run 65 536, then 131 072, then 262 144 (1.8 times the need).
 *
 * The steps depend only on the results so far, which are the same on any thread count, so the
 * paths run and the result are too. The result equals a plain run of the same path count and
 * percentile method, plus a `precision` block saying what was reached.
 */
import { compileAny, planYears, type AnyScenario } from '../plan/compiled-plan.js';
import { jobBlocks, jobSeriesCount, jobSketchAliases } from '../engine/chunk-job.js';
import { runJob } from '../engine/run-job.js';
import { UserError } from '../base/user-error.js';
import { CHUNK_SIZE } from '../base/chunk-size.js';
import { chunkRanges } from '../engine/chunking.js';
import { SeriesCollector } from '../engine/collect-series.js';
import { collectorSink } from '../engine/collector-sink.js';
import { checkRunSize } from '../engine/limits.js';
import { runChunks } from '../engine/run-chunks.js';
import { buildResult, resolveSetup, type AnyResult, type SimulateOptions } from '../engine/simulate.js';
import type { Metric } from '../result/simulation-result.js';

/** The first step: 16 chunks (32 768 paths), enough for the intervals of p5 and p95 to mean something. */
export const FIRST_BLOCK_CHUNKS = 16;
/** A step aims this far past the paths its estimate says are needed. */
export const SAFETY = 1.1;
/** A step runs at most this many times the paths run so far. */
export const MAX_GROWTH = 8;
/** The default absolute 95 % half-width of a probability, in percentage points. */
export const DEFAULT_PRECISION_PP = 0.25;

export interface PrecisionOptions extends Omit<SimulateOptions, 'paths' | 'onChunk'> {
  /** Relative 95 % half-width wanted of the amounts, e.g. 0.005 for 0.5 %. */
  precision: number;
  /** Absolute 95 % half-width wanted of the probabilities, in percentage points (default DEFAULT_PRECISION_PP). */
  precisionPp?: number;
  /** The most paths to run (whole chunks up to it). */
  maxPaths: number;
}

export interface PrecisionFigure {
  name: string;
  value: number;
  halfWidth: number;
  /** halfWidth / |value| (Infinity for a value of 0 with a non-zero half-width). */
  relative: number;
  /** The half-width allowed: precision × |value| for an amount, precisionPp / 100 for a probability. */
  allowed: number;
  /** 'relative' (an amount, held to a share of itself) or 'absolute' (a probability, held to percentage points). */
  rule: 'relative' | 'absolute';
}

export interface PrecisionReport {
  /** The relative half-width asked of the amounts. */
  target: number;
  /** The absolute half-width asked of the probabilities, in percentage points. */
  targetPp: number;
  /** The largest relative half-width of the amounts at the end. */
  reached: number;
  /** The largest half-width of the probabilities at the end, in percentage points (0 without one). */
  reachedPp: number;
  met: boolean;
  paths: number;
  /** The paths after each step, in order (the last is `paths`). */
  steps: number[];
  /** The run stopped at maxPaths before meeting the target. */
  stoppedByCap: boolean;
  maxPaths: number;
  figures: PrecisionFigure[];
}

export type PrecisionResult = AnyResult & { precision: PrecisionReport };

export async function simulateToPrecision(scenario: AnyScenario, options: PrecisionOptions): Promise<PrecisionResult> {
  const { precision, maxPaths } = options;
  const precisionPp = options.precisionPp ?? DEFAULT_PRECISION_PP;
  if (!(precision > 0 && precision < 1)) throw new UserError([{ path: '--precision', message: `must be a relative half-width between 0 and 100 % (e.g. 0.5%); got ${precision}` }]);
  if (!(precisionPp > 0 && precisionPp < 50)) throw new UserError([{ path: '--precision-pp', message: `must be a half-width in percentage points above 0 and below 50 (e.g. 0.25); got ${precisionPp}` }]);
  if (!Number.isInteger(maxPaths) || maxPaths < CHUNK_SIZE) throw new UserError([{ path: '--max-paths', message: `must be a whole number >= ${CHUNK_SIZE} (one chunk); got ${maxPaths}` }]);
  const setup = resolveSetup(scenario, { ...options, paths: maxPaths });
  const plan = compileAny(scenario);
  const job = runJob(plan, scenario);
  const nSeries = jobSeriesCount(job);
  checkRunSize({ paths: maxPaths, years: planYears(plan), series: nSeries, method: setup.method }, setup.allowLarge);
  const collector = new SeriesCollector(nSeries, maxPaths, setup.method, jobBlocks(job), jobSketchAliases(job));
  const all = chunkRanges(maxPaths);
  let doneChunks = 0;
  let done = 0;
  const steps: number[] = [];
  const sink = collectorSink(collector, { recorded: (c) => options.onProgress?.((done += c.paths), maxPaths) });
  for (let next = Math.min(FIRST_BLOCK_CHUNKS, all.length); ; ) {
    await runChunks(job, setup.seed, all.slice(doneChunks, next), setup.threads, sink, setup.signal, setup.pool);
    doneChunks = next;
    const paths = all[doneChunks - 1]!.first + all[doneChunks - 1]!.paths;
    steps.push(paths);
    collector.totalPaths = paths;
    const result = buildResult(plan, collector, { ...setup, scenario });
    const figures = headlineFigures(result, precision, precisionPp);
    const ratio = worstRatio(figures);
    const met = ratio <= 1;
    if (met || doneChunks === all.length) {
      const amounts = figures.filter((f) => f.rule === 'relative');
      const probabilities = figures.filter((f) => f.rule === 'absolute');
      const report: PrecisionReport = {
        target: precision,
        targetPp: precisionPp,
        reached: Math.max(0, ...amounts.map((f) => f.relative)),
        reachedPp: Math.max(0, ...probabilities.map((f) => 100 * f.halfWidth)),
        met,
        paths,
        steps,
        stoppedByCap: !met,
        maxPaths,
        figures,
      };
      return { ...result, precision: report } as PrecisionResult;
    }
    next = nextStep(paths, doneChunks, ratio, all.length);
  }
}

/** The largest half-width ÷ allowed half-width of the figures (1 or less: all within what is asked). */
export function worstRatio(figures: readonly PrecisionFigure[]): number {
  return Math.max(0, ...figures.map((f) => (f.halfWidth === 0 ? 0 : f.allowed === 0 ? Infinity : f.halfWidth / f.allowed)));
}

/**
 * The chunk count to run to after `paths` paths in `doneChunks` chunks with the worst figure at
 * `ratio` times its allowed half-width: paths · ratio² · SAFETY, in whole chunks, at least one
 * chunk more, at most MAX_GROWTH times the chunks so far and `allChunks`.
 */
export function nextStep(paths: number, doneChunks: number, ratio: number, allChunks: number): number {
  const need = Number.isFinite(ratio) ? Math.ceil((paths * ratio * ratio * SAFETY) / CHUNK_SIZE) : Infinity;
  return Math.min(allChunks, MAX_GROWTH * doneChunks, Math.max(doneChunks + 1, need));
}

/** The headline figures of a result with their 95 % half-widths and what is allowed of each. */
export function headlineFigures(r: AnyResult, precision: number, precisionPp: number = DEFAULT_PRECISION_PP): PrecisionFigure[] {
  const out: PrecisionFigure[] = [];
  const add = (name: string, value: number, halfWidth: number, rule: PrecisionFigure['rule']) =>
    out.push({
      name,
      value,
      halfWidth,
      relative: halfWidth === 0 ? 0 : value === 0 ? Infinity : halfWidth / Math.abs(value),
      allowed: rule === 'relative' ? precision * Math.abs(value) : precisionPp / 100,
      rule,
    });
  const metric = (name: string, m: Metric) => {
    add(`${name}.mean`, m.mean, r.intervals.multiplier * m.stderr, 'relative');
    for (const k of ['p5', 'p50', 'p95']) {
      const ci = m.ci95?.[k];
      if (ci && m.percentiles[k] !== undefined) add(`${name}.${k}`, m.percentiles[k]!, (ci[1] - ci[0]) / 2, 'relative');
    }
  };
  metric('capitalAtRetirement', r.metrics.capitalAtRetirement);
  if ('payoutGross' in r.metrics) metric('payoutGross', r.metrics.payoutGross);
  else metric('afterTaxBest', r.metrics.afterTaxBest);
  if (r.shortfall) add('shortfall', r.shortfall.probability, (r.shortfall.ci95[1] - r.shortfall.ci95[0]) / 2, 'absolute');
  return out;
}
