/** pensim run <scenario>: the run itself (its flags are in run-command.ts). */
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import type { ArgumentsCamelCase } from 'yargs';
import { createEarlyPool, destroyPool } from '../engine/worker-pool.js';
import { removeCheckpoint, simulateWithCheckpoint } from '../engine/checkpoint.js';
import { CHUNK_SIZE } from '../base/chunk-size.js';
import { simulateToPrecision, type PrecisionReport, type PrecisionResult } from '../studies/simulate-to-precision.js';
import { loadAnyScenario } from '../scenario/load-any-scenario.js';
import { simulate, type AnyResult } from '../engine/simulate.js';
import type { UsRunResult } from '../result/us-result.js';
import { isUsScenario, type AnyScenario } from '../plan/compiled-plan.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { SCALAR_SERIES } from '../plan/simulation-plan.js';
import { usResultTable } from '../report/us-result-table.js';
import { shardChunks, simulateShard } from '../engine/shard.js';
import type { SimulationResult } from '../result/simulation-result.js';
import type { AmountBasis } from '../report/amount-basis.js';
import { usAmountBasis, usInflation } from '../report/us-amount-basis.js';
import { usReportView } from '../report/us-report-view.js';
import { usResultCsv } from '../report/us-result-csv.js';
import { spendingInBasis, usResultInBasis } from '../report/us-result-in-basis.js';
import { usResultJson } from '../report/us-result-json.js';
import { reportView } from '../report/report-view.js';
import { resultCsv } from '../report/result-csv.js';
import { resultInBasis } from '../report/result-in-basis.js';
import { resultJson } from '../report/result-json.js';
import { resultTable } from '../report/result-table.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioHash } from '../base/scenario-hash.js';
import { UserError } from '../base/user-error.js';
import { amountBasis } from '../report/amount-basis-of.js';
import { amountsChoice, checkAmounts } from './amounts-flag.js';
import { attributedTo, shardFlag, wholeNumberFlag } from './options.js';
import { withSampler } from './sampler-flag.js';
import { openPerPathOutput, perPathFormat, perPathSeries, usPerPathColumns, usPerPathSeries } from './per-path-output.js';
import { compileUsPlan } from '../plan/compile-us.js';
import { compilePlan } from '../plan/compile-plan.js';
import { percentileChoice, withPercentiles } from './percentile-flags.js';
import { progressReporter } from './progress.js';
import { renderPng } from './render-png.js';
import { interruptible } from './signals.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';
import type { Format, RunArgs } from './run-command.js';

/** Everything a format needs to render one run. */
interface RunOutput {
  scenario: Scenario;
  result: SimulationResult;
  basis: AmountBasis;
  labels: Readonly<Record<string, string>>;
  runDate: string;
}

/** The amounts in the basis's unit (report/result-in-basis.ts). */
const inBasis = (o: RunOutput) => resultInBasis(o.result, o.basis);

/** The capital fan chart (d3 and the chart modules, loaded with a chart format). */
const capitalFan = async (o: RunOutput) => (await import('../report/capital-fan-svg.js')).capitalFanSvg(reportView(o.result, o.basis, o.labels));

// The charts, the HTML report and pdfkit load with their format: a table or JSON need none of them.
const RENDER: Record<Format, (o: RunOutput) => string | Promise<string | Uint8Array>> = {
  table: (o) => resultTable(inBasis(o), o.basis),
  json: (o) => resultJson(inBasis(o), o.basis),
  csv: (o) => resultCsv(inBasis(o), o.basis),
  html: async (o) => (await import('../report/html-report.js')).htmlReport({ scenario: o.scenario, view: reportView(o.result, o.basis, o.labels), runDate: o.runDate }),
  svg: async (o) => `${await capitalFan(o)}\n`,
  png: async (o) => renderPng(await capitalFan(o)),
  pdf: async (o) => (await import('../report/pdf-report.js')).pdfReport({ scenario: o.scenario, view: reportView(o.result, o.basis, o.labels), runDate: o.runDate }),
};

/** A shard file is JSON of the raw run: flags that shape a report or a per-path file have no place there. */
function checkShardFlags(args: RunArgs): void {
  const refuse = (flag: string, why: string) => {
    throw new UserError([{ path: flag, message: `cannot be combined with --shard: ${why}` }]);
  };
  if (args.format !== undefined && args.format !== 'json') refuse('--format', 'a shard file is JSON; choose the format when merging (pensim merge --format)');
  if (args['per-path'] !== undefined) refuse('--per-path', 'run the per-path outcomes unsharded');
  if (args.amounts !== undefined && args.amounts !== 'nominal') refuse('--amounts', 'a shard file holds the raw run; choose the amounts when merging (pensim merge --amounts)');
  if (args.real) refuse('--real', 'a shard file holds the raw run; choose the amounts when merging (pensim merge --amounts real)');
}

/** A US run's report in every format: the same writers as the Norwegian one, through the US plan kinds' ClientReport. */
interface UsRunOutput {
  scenario: UsScenario;
  result: UsRunResult;
  basis: AmountBasis;
  labels: Readonly<Record<string, string>>;
  runDate: string;
}

const usView = (o: UsRunOutput) => usReportView(o.scenario, o.result, o.basis, o.labels);
const usClient = async (o: UsRunOutput) => (await import('../report/us-client-report.js')).usReport({ scenario: o.scenario, view: usView(o), runDate: o.runDate });
const usFan = async (o: UsRunOutput) => (await import('../report/us-client-report.js')).usAccountFanSvg(usView(o));

const RENDER_US: Record<Format, (o: UsRunOutput) => string | Promise<string | Uint8Array>> = {
  // The table and JSON keep their nominal form unless --amounts real asks otherwise.
  table: (o) => usResultTable(usResultInBasis(o.result, o.basis), o.basis),
  json: (o) => usResultJson(usResultInBasis(o.result, o.basis), o.basis),
  csv: (o) => usResultCsv(usResultInBasis(o.result, o.basis), o.basis, spendingInBasis(o.result, o.basis, usInflation(o.scenario))),
  html: async (o) => (await import('../report/html-report.js')).clientHtml(await usClient(o)),
  svg: async (o) => `${await usFan(o)}\n`,
  png: async (o) => renderPng(await usFan(o)),
  pdf: async (o) => (await import('../report/pdf-report.js')).clientPdf(await usClient(o)),
};

/** The cap of a run to precision when --max-paths is not given. */
const DEFAULT_MAX_PATHS = 10_000_000;

/** "0.5%" or "0.005": a relative half-width in (0, 1). */
function precisionFlag(raw: string): number {
  const text = String(raw).trim();
  const x = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (text === '' || !Number.isFinite(x) || !(x > 0 && x < 1)) {
    throw new UserError([{ path: '--precision', message: `must be a relative half-width between 0 and 100 %, e.g. 0.5% or 0.005; got "${raw}"` }]);
  }
  return x;
}

/** "0.25": an absolute half-width of a probability in percentage points, in (0, 50). */
function precisionPpFlag(raw: string): number {
  const text = String(raw).trim();
  const x = Number(text);
  if (text === '' || !Number.isFinite(x) || !(x > 0 && x < 50)) {
    throw new UserError([{ path: '--precision-pp', message: `must be a half-width in percentage points above 0 and below 50, e.g. 0.25; got "${raw}"` }]);
  }
  return x;
}

/** What a run to precision reached, in one line under the table. */
function precisionLine(p: PrecisionReport): string {
  const amounts = p.figures.filter((f) => f.rule === 'relative');
  const worst = amounts.reduce((a, b) => (b.relative > a.relative ? b : a));
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  const probability = p.figures.find((f) => f.rule === 'absolute');
  const pp = probability ? `; the ${probability.name} probability ±${(100 * probability.halfWidth).toFixed(2)} pp (±${p.targetPp} pp asked)` : '';
  return p.met
    ? `Run to precision: every headline figure's 95 % half-width is within ${pct(p.target)} after ${p.paths} paths (largest ${pct(worst.relative)}, ${worst.name}${pp}).`
    : `Run to precision: stopped at the cap of ${p.maxPaths} paths with the largest 95 % half-width at ${pct(worst.relative)} (${worst.name}${pp}), above what was asked (${pct(p.target)}, ±${p.targetPp} pp).`;
}

/**
 * The pool of a run's workers, started before the scenario is read (threads − 1 workers: the
 * calling thread computes too), or none: one thread, or a run of one chunk (--paths 2 048 or less)
 * that runs inline. A scenario whose own path count is one chunk leaves it unused.
 */
function earlyPool(threads: number | undefined, paths: number | undefined): Piscina | undefined {
  const t = threads ?? availableParallelism();
  if (t <= 1 || (paths !== undefined && paths <= CHUNK_SIZE)) return undefined;
  return createEarlyPool(t - 1);
}

export async function runHandler(args: ArgumentsCamelCase<RunArgs>): Promise<void> {
  return interruptible(async (signal) => {
    const paths = wholeNumberFlag('paths', 1, 100_000_000)(args.paths);
    const seed = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
    const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
    const choice = percentileChoice(args);
    const format: Format = args.format ?? 'table';
    if (args.out) checkOutputPath(args.out, forced(args));
    else if ((format === 'png' || format === 'pdf') && process.stdout.isTTY) {
      throw new UserError([{ path: '--out', message: `a ${format.toUpperCase()} is binary: give --out FILE (or redirect standard output to a file)` }]);
    }
    if (args['per-path']) {
      perPathFormat(args['per-path']);
      checkOutputPath(args['per-path'], forced(args), '--per-path');
    }
    const shard = args.shard === undefined ? undefined : shardFlag(args.shard);
    if (args.checkpoint !== undefined) {
      if (shard || args['per-path']) throw new UserError([{ path: '--checkpoint', message: 'cannot be combined with --shard or --per-path' }]);
      checkOutputPath(args.checkpoint, true, '--checkpoint');
    }
    if (shard) checkShardFlags(args);
    const precision = args.precision === undefined ? undefined : precisionFlag(args.precision);
    const maxPaths = wholeNumberFlag('max-paths', CHUNK_SIZE, 100_000_000)(args['max-paths']);
    if (maxPaths !== undefined && precision === undefined) throw new UserError([{ path: '--max-paths', message: 'is the cap of a run to precision: give --precision too' }]);
    const precisionPp = args['precision-pp'] === undefined ? undefined : precisionPpFlag(args['precision-pp']);
    if (precisionPp !== undefined && precision === undefined) throw new UserError([{ path: '--precision-pp', message: 'is part of a run to precision: give --precision too' }]);
    if (precision !== undefined) {
      const clash = (['paths', 'shard', 'checkpoint', 'per-path'] as const).find((k) => args[k] !== undefined);
      if (clash) throw new UserError([{ path: '--precision', message: `cannot be combined with --${clash}: a run to precision chooses its own path count (cap it with --max-paths)` }]);
    }
    // The workers start now and load while the scenario is read, checked and compiled (engine/worker-pool.ts createEarlyPool).
    const pool = earlyPool(threads, paths);
    try {
      await runWith(pool);
    } finally {
      if (pool) await destroyPool(pool);
    }
    async function runWith(pool: Piscina | undefined): Promise<void> {
      const loaded: AnyScenario = await loadAnyScenario(args.scenario);
      const us = isUsScenario(loaded);
      // A shard file is the raw run: a preset's "today's money" applies when merging, not here.
      // Client reports (html, pdf) are in today's money unless the flags say otherwise, as NAV's calculator is.
      const clientDefault = !shard && (format === 'html' || format === 'pdf') && args.amounts === undefined && !args.real && !choice.real;
      const amounts = shard ? 'nominal' : amountsChoice(args, choice.real || clientDefault);
      // G is Norway's unit: a US run refuses it before any work (us-amount-basis.ts names the flag).
      if (us) usAmountBasis(loaded, amounts, args.amounts !== undefined ? '--amounts' : args.real ? '--real' : '--preset');
      const scenario = withSampler(withPercentiles(loaded, choice.percentiles), args.sampler);
      // A default is not a request: real-returns scenarios are simply reported in their own (real) terms.
      if (!isUsScenario(scenario) && !clientDefault) checkAmounts(scenario, amounts, args.amounts !== undefined ? '--amounts' : args.real ? '--real' : '--preset');
      const progress = progressReporter(args.quiet);
      const started = performance.now();
      const options = {
        ...(paths !== undefined && { paths }),
        ...(seed !== undefined && { seed }),
        ...(threads !== undefined && { threads }),
        ...(args['percentile-method'] !== undefined && { percentileMethod: args['percentile-method'] }),
        onProgress: progress.update,
        signal,
        allowLarge: args['allow-large'],
        ...(pool && { pool }),
      };
      if (shard) {
        const part = await attributedTo(args.scenario, () => simulateShard(scenario, shard, options));
        progress.done(shardChunks(part.paths, shard.index, shard.count).reduce((n, c) => n + c.paths, 0), performance.now() - started, threads);
        const text = `${JSON.stringify(part)}\n`;
        signal.throwIfAborted();
        if (args.out) writeAtomically(args.out, text);
        else process.stdout.write(text);
        return;
      }
      // Per-path outcomes stay nominal whatever the report's unit: the CSV's first line or the file's metadata says so.
      const usPlan = us && args['per-path'] ? await attributedTo(args.scenario, () => compileUsPlan(scenario as UsScenario)) : null;
      const perPath = args['per-path']
        ? await openPerPathOutput(
          args['per-path'],
          us ? usPerPathSeries(usPlan !== null && usPlan.payout !== null) : perPathSeries(await attributedTo(args.scenario, () => compilePlan(scenario as Scenario))),
          us ? usPerPathSeries(usPlan !== null && usPlan.payout !== null) : SCALAR_SERIES,
          paths ?? scenario.simulation.paths,
          {
            seed: seed ?? scenario.simulation.seed,
            paths: paths ?? scenario.simulation.paths,
            scenarioName: scenario.name ?? null,
            scenarioHash: scenarioHash(scenario),
            currency: scenario.currency,
            sampler: scenario.simulation.sampler,
          },
          amounts === 'nominal' ? undefined : `amounts in nominal ${scenario.currency}; --amounts ${amounts} applies to the report, not to this file`,
          usPlan ? usPerPathColumns(usPlan) : undefined,
        )
        : null;
      const checkpoint = args.checkpoint;
      let result: AnyResult;
      try {
        result = await attributedTo(args.scenario, () =>
          precision !== undefined
            ? simulateToPrecision(scenario, { ...options, precision, ...(precisionPp !== undefined && { precisionPp }), maxPaths: maxPaths ?? DEFAULT_MAX_PATHS })
            : checkpoint !== undefined
              ? simulateWithCheckpoint(scenario, checkpoint, options)
              : simulate(scenario, { ...options, ...(perPath && { onChunk: perPath.onChunk }) }),
        );
        signal.throwIfAborted();
        perPath?.close();
      } catch (e) {
        perPath?.abort();
        throw e;
      }
      progress.done(result.paths, performance.now() - started, threads);
      let output: string | Uint8Array;
      const runDate = new Date().toISOString().slice(0, 10);
      if (isUsScenario(scenario)) output = await RENDER_US[format]({ scenario, result: result as UsRunResult, basis: usAmountBasis(scenario, amounts), labels: choice.labels, runDate });
      else {
        const norway = result as SimulationResult;
        const basis = amountBasis(scenario, norway, amounts);
        output = await RENDER[format]({ scenario, result: norway, basis, labels: choice.labels, runDate });
      }
      if (format === 'table' && 'precision' in result) output = `${output as string}${precisionLine((result as PrecisionResult).precision)}\n`;
      signal.throwIfAborted();
      if (args.out) writeAtomically(args.out, output);
      else process.stdout.write(output);
      if (checkpoint !== undefined) removeCheckpoint(checkpoint);
    }
  });
}
