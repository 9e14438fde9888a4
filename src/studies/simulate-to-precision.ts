/**
 * simulateToPrecision: run blocks of whole chunks, in a fixed order (chunks 0, 1, 2, …), until the
 * 95 % half-width of every headline figure is within a relative tolerance of the figure, or the
 * path cap is reached. The headline figures are the mean, p5, p50 and p95 of the capital at the
 * payout start and of the first yearly payout (US: of the account at retirement and its after-tax
 * value), and the shortfall probability when the scenario sets a target. Half-widths: 1.96 standard
 * errors for a mean, the order-statistic interval for a percentile, Wilson's for a probability
 * (stats/quantile-interval.ts); under sobol and antithetic each from the run's randomized blocks,
 * t(0.975, R − 1) standard errors of the block estimates (the result's `intervals`).
 *
 * The block sizes depend only on the results so far (n_next ≈ n · (worst / tolerance)², at least
 * 2n and at most 4n, in whole chunks), which are the same on any thread count, so the paths run and
 * the result are too. The result equals a plain run of the same path count and percentile method,
 * plus a `precision` block saying what was reached.
 */
import { compileAny, planYears, type AnyScenario } from '../plan/compiled-plan.js';
import { jobBlocks, jobSeriesCount } from '../engine/chunk-job.js';
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

/** The first block: 16 chunks (32 768 paths), enough for the intervals of p5 and p95 to mean something. */
export const FIRST_BLOCK_CHUNKS = 16;

export interface PrecisionOptions extends Omit<SimulateOptions, 'paths' | 'onChunk'> {
  /** Relative 95 % half-width wanted, e.g. 0.005 for 0.5 %. */
  precision: number;
  /** The most paths to run (whole chunks up to it). */
  maxPaths: number;
}

export interface PrecisionFigure {
  name: string;
  value: number;
  halfWidth: number;
  /** halfWidth / |value| (Infinity for a value of 0 with a non-zero half-width). */
  relative: number;
}

export interface PrecisionReport {
  target: number;
  /** The largest relative half-width of the headline figures at the end. */
  reached: number;
  met: boolean;
  paths: number;
  /** The run stopped at maxPaths before meeting the target. */
  stoppedByCap: boolean;
  maxPaths: number;
  figures: PrecisionFigure[];
}

export type PrecisionResult = AnyResult & { precision: PrecisionReport };

export async function simulateToPrecision(scenario: AnyScenario, options: PrecisionOptions): Promise<PrecisionResult> {
  const { precision, maxPaths } = options;
  if (!(precision > 0 && precision < 1)) throw new UserError([{ path: '--precision', message: `must be a relative half-width between 0 and 100 % (e.g. 0.5%); got ${precision}` }]);
  if (!Number.isInteger(maxPaths) || maxPaths < CHUNK_SIZE) throw new UserError([{ path: '--max-paths', message: `must be a whole number >= ${CHUNK_SIZE} (one chunk); got ${maxPaths}` }]);
  const setup = resolveSetup(scenario, { ...options, paths: maxPaths });
  const plan = compileAny(scenario);
  const job = runJob(plan, scenario);
  const nSeries = jobSeriesCount(job);
  checkRunSize({ paths: maxPaths, years: planYears(plan), series: nSeries, method: setup.method }, setup.allowLarge);
  const collector = new SeriesCollector(nSeries, maxPaths, setup.method, jobBlocks(job));
  const all = chunkRanges(maxPaths);
  let doneChunks = 0;
  let done = 0;
  const sink = collectorSink(collector, { recorded: (c) => options.onProgress?.((done += c.paths), maxPaths) });
  for (let next = Math.min(FIRST_BLOCK_CHUNKS, all.length); ; ) {
    await runChunks(job, setup.seed, all.slice(doneChunks, next), setup.threads, sink, setup.signal);
    doneChunks = next;
    const paths = all[doneChunks - 1]!.first + all[doneChunks - 1]!.paths;
    collector.totalPaths = paths;
    const result = buildResult(plan, collector, { ...setup, scenario });
    const figures = headlineFigures(result);
    const worst = Math.max(...figures.map((f) => f.relative));
    const met = worst <= precision;
    if (met || doneChunks === all.length) {
      return { ...result, precision: { target: precision, reached: worst, met, paths, stoppedByCap: !met, maxPaths, figures } } as PrecisionResult;
    }
    const wanted = Math.ceil((paths * Math.min(16, (worst / precision) ** 2)) / CHUNK_SIZE);
    next = Math.min(all.length, Math.max(2 * doneChunks, Math.min(4 * doneChunks, wanted)));
  }
}

/** The headline figures of a result with their 95 % half-widths. */
export function headlineFigures(r: AnyResult): PrecisionFigure[] {
  const out: PrecisionFigure[] = [];
  const add = (name: string, value: number, halfWidth: number) =>
    out.push({ name, value, halfWidth, relative: halfWidth === 0 ? 0 : value === 0 ? Infinity : halfWidth / Math.abs(value) });
  const metric = (name: string, m: Metric) => {
    add(`${name}.mean`, m.mean, r.intervals.multiplier * m.stderr);
    for (const k of ['p5', 'p50', 'p95']) {
      const ci = m.ci95?.[k];
      if (ci && m.percentiles[k] !== undefined) add(`${name}.${k}`, m.percentiles[k]!, (ci[1] - ci[0]) / 2);
    }
  };
  metric('capitalAtRetirement', r.metrics.capitalAtRetirement);
  if ('payoutGross' in r.metrics) metric('payoutGross', r.metrics.payoutGross);
  else metric('afterTaxBest', r.metrics.afterTaxBest);
  if (r.shortfall) add('shortfall', r.shortfall.probability, (r.shortfall.ci95[1] - r.shortfall.ci95[0]) / 2);
  return out;
}
