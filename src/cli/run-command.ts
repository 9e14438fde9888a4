/** pensim run <scenario>: the Monte Carlo run and its report. */
import type { CommandModule } from 'yargs';
import { loadScenario } from '../engine/load-scenario.js';
import { isUsScenarioFile } from '../engine/load-us-scenario.js';
import { removeCheckpoint, simulateWithCheckpoint } from '../engine/checkpoint.js';
import { simulate } from '../engine/simulate.js';
import { shardChunks, simulateShard } from '../engine/shard.js';
import type { SimulationResult } from '../engine/simulation-result.js';
import type { AmountBasis } from '../report/amount-basis.js';
import { capitalFanSvg } from '../report/capital-fan-svg.js';
import { htmlReport } from '../report/html-report.js';
import { pdfReport } from '../report/pdf-report.js';
import { PRESET_NAMES, PERCENTILE_PRESETS, type PresetName } from '../report/percentile-presets.js';
import { reportView } from '../report/report-view.js';
import { resultCsv } from '../report/result-csv.js';
import { resultInBasis } from '../report/result-in-basis.js';
import { resultJson } from '../report/result-json.js';
import { resultTable } from '../report/result-table.js';
import type { Scenario } from '../scenario/schema.js';
import { UserError } from '../scenario/user-error.js';
import { amountBasis, amountsChoice, AMOUNTS, AMOUNTS_HELP, checkAmounts, type Amounts } from './amounts-flag.js';
import { attributedTo, shardFlag, wholeNumberFlag } from './options.js';
import { PerPathRecorder } from './per-path-recorder.js';
import { runUs } from './run-us.js';
import { percentileChoice, withPercentiles } from './percentile-flags.js';
import { progressReporter } from './progress.js';
import { renderPng } from './render-png.js';
import { interruptible } from './signals.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

const FORMATS = ['table', 'json', 'csv', 'html', 'svg', 'png', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

interface RunArgs {
  scenario: string;
  /** Raw flag text: checked in the handler (yargs would wrap a coerce error and lose its UserError). */
  paths: string | undefined;
  seed: string | undefined;
  threads: string | undefined;
  format: Format | undefined;
  out: string | undefined;
  quiet: boolean;
  percentiles: string | undefined;
  preset: PresetName | undefined;
  real: boolean;
  amounts: Amounts | undefined;
  shard: string | undefined;
  'per-path': string | undefined;
  'percentile-method': 'auto' | 'exact' | 'sketch' | undefined;
  checkpoint: string | undefined;
  'allow-large': boolean;
}

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

const RENDER: Record<Format, (o: RunOutput) => string | Uint8Array | Promise<Uint8Array>> = {
  table: (o) => resultTable(inBasis(o), o.basis),
  json: (o) => resultJson(inBasis(o), o.basis),
  csv: (o) => resultCsv(inBasis(o), o.basis),
  html: (o) => htmlReport({ scenario: o.scenario, view: reportView(o.result, o.basis, o.labels), runDate: o.runDate }),
  svg: (o) => `${capitalFanSvg(reportView(o.result, o.basis, o.labels))}\n`,
  png: (o) => renderPng(capitalFanSvg(reportView(o.result, o.basis, o.labels))),
  pdf: (o) => pdfReport({ scenario: o.scenario, view: reportView(o.result, o.basis, o.labels), runDate: o.runDate }),
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

const presetHelp = PRESET_NAMES.map((n) => `${n}: ${PERCENTILE_PRESETS[n].describe}`).join('; ');

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Monte Carlo run: percentiles of capital, payout and replacement ratio, and the fan by age',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .yaml)' })
      .option('paths', { type: 'string', describe: 'number of paths (overrides the scenario)' })
      .option('seed', { type: 'string', describe: 'random seed (overrides the scenario)' })
      .option('threads', { type: 'string', describe: 'worker threads (default: all cores; 1 runs inline)' })
      .option('format', {
        choices: FORMATS,
        describe: "table (the default), json, csv (the fans); html or pdf (the client report, one file, in today's money unless --amounts says otherwise); svg or png (the capital fan chart alone)",
      })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .option('percentiles', { type: 'string', describe: 'percentiles to report, e.g. 5,50,95 (overrides the scenario)' })
      .option('preset', { choices: PRESET_NAMES, describe: `a percentile preset: ${presetHelp}` })
      .option('real', { type: 'boolean', default: false, describe: "amounts in today's money, deflated by the scenario's inflation (default 2 %); the same as --amounts real" })
      .option('amounts', { choices: AMOUNTS, describe: `the unit of the reported amounts: ${AMOUNTS_HELP}` })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress or timing on standard error' })
      .option('percentile-method', { choices: ['auto', 'exact', 'sketch'] as const, describe: 'exact order statistics or the fixed-memory sketch (default: the scenario\'s, auto)' })
      .option('per-path', { type: 'string', describe: 'also write each path\'s outcomes as CSV (path, capital at payout start, first payout gross/net, replacement ratio)' })
      .option('checkpoint', { type: 'string', describe: 'save finished chunks to this file as the run goes; rerun with it to resume an interrupted run (same result); removed when the run completes. Sketch percentiles only' })
      .option('allow-large', { type: 'boolean', default: false, describe: 'lift the limits on paths × years and on exact-percentile memory' })
      .option('shard', { type: 'string', describe: 'run only shard i of n (i from 0), e.g. 2/8; writes a shard file for pensim merge' })
      .example('$0 run scenarios/default.json', 'the percentile table')
      .example('$0 run scenarios/default.json --format html --out report.html', 'the client report, one self-contained HTML file')
      .example('$0 run scenarios/default.json --format png --out fan.png --preset nl-urm', "the capital fan for a slide: 5/50/95 in today's money")
      .example('$0 run scenarios/total-pension-with-folketrygd.json --amounts g', 'the pension and capital in G (the grunnbeløp of each year)')
      .example('$0 run scenarios/default.json --paths 100000 --seed 7 --format json --percentiles 5,50,95', 'the full result as JSON') as never,
  handler: async (args) => interruptible(async (signal) => {
    // A US scenario (plan kind us-…) runs on the US engine (cli/run-us.ts).
    if (await isUsScenarioFile(args.scenario)) return runUs(args, signal);
    const paths = wholeNumberFlag('paths', 1, 100_000_000)(args.paths);
    const seed = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
    const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
    const choice = percentileChoice(args);
    const format: Format = args.format ?? 'table';
    if (args.out) checkOutputPath(args.out, forced(args));
    else if ((format === 'png' || format === 'pdf') && process.stdout.isTTY) {
      throw new UserError([{ path: '--out', message: `a ${format.toUpperCase()} is binary: give --out FILE (or redirect standard output to a file)` }]);
    }
    if (args['per-path']) checkOutputPath(args['per-path'], forced(args), '--per-path');
    const shard = args.shard === undefined ? undefined : shardFlag(args.shard);
    if (args.checkpoint !== undefined) {
      if (shard || args['per-path']) throw new UserError([{ path: '--checkpoint', message: 'cannot be combined with --shard or --per-path' }]);
      checkOutputPath(args.checkpoint, true, '--checkpoint');
    }
    if (shard) checkShardFlags(args);
    // A shard file is the raw run: a preset's "today's money" applies when merging, not here.
    // Client reports (html, pdf) are in today's money unless the flags say otherwise, as NAV's calculator is.
    const clientDefault = !shard && (format === 'html' || format === 'pdf') && args.amounts === undefined && !args.real && !choice.real;
    const amounts = shard ? 'nominal' : amountsChoice(args, choice.real || clientDefault);
    const scenario = withPercentiles(await loadScenario(args.scenario), choice.percentiles);
    // A default is not a request: real-returns scenarios are simply reported in their own (real) terms.
    if (!clientDefault) checkAmounts(scenario, amounts, args.amounts !== undefined ? '--amounts' : args.real ? '--real' : '--preset');
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
    const perPath = args['per-path'] ? new PerPathRecorder(paths ?? scenario.simulation.paths) : null;
    const checkpoint = args.checkpoint;
    const result = await attributedTo(args.scenario, () =>
      checkpoint !== undefined ? simulateWithCheckpoint(scenario, checkpoint, options) : simulate(scenario, { ...options, ...(perPath && { onChunk: perPath.add }) }),
    );
    signal.throwIfAborted();
    // Per-path outcomes stay nominal whatever the report's unit: a first line says so when they differ.
    if (perPath) writeAtomically(args['per-path']!, perPath.csv(amounts === 'nominal' ? undefined : `amounts in nominal ${scenario.currency}; --amounts ${amounts} applies to the report, not to this file`));
    progress.done(result.paths, performance.now() - started, threads);
    const basis = amountBasis(scenario, result, amounts);
    const output = await RENDER[format]({ scenario, result, basis, labels: choice.labels, runDate: new Date().toISOString().slice(0, 10) });
    signal.throwIfAborted();
    if (args.out) writeAtomically(args.out, output);
    else process.stdout.write(output);
    if (checkpoint !== undefined) removeCheckpoint(checkpoint);
  }),
};
