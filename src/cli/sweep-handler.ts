/** pensim sweep <scenario> --grid …: the grid's cells run and reported (the flags are in sweep-command.ts). */
import type { ArgumentsCamelCase } from 'yargs';
import { loadAnyScenario } from '../scenario/load-any-scenario.js';
import { compileAny } from '../plan/compiled-plan.js';
import { runSweep, type SweepResult } from '../studies/sweep.js';
import { sweepAxes, sweepCells } from '../studies/sweep-grid.js';
import { defaultSweepMetrics, sweepMetrics } from '../studies/sweep-metrics.js';
import { checkRunSize } from '../engine/limits.js';
import { sweepCsv, sweepJson, sweepTable } from '../report/sweep-table.js';
import { writeSweepColumns } from '../report/sweep-columns.js';
import { scenarioHash } from '../base/scenario-hash.js';
import { UserError } from '../base/user-error.js';
import { alphaFlag, attributedTo, gammaFlag, wholeNumberFlag } from './options.js';
import { withSampler } from './sampler-flag.js';
import { columnarWriter, fileMetadata, perPathFormat } from './per-path-output.js';
import { renderPng } from './render-png.js';
import { progressReporter } from './progress.js';
import { interruptible } from './signals.js';
import type { Format, SweepArgs } from './sweep-command.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

const TEXT = { table: sweepTable, csv: sweepCsv, json: sweepJson } as const;
// The charts (d3 and the chart modules) load with a chart format: a table, CSV or JSON need none of them.
const chartModule = () => import('../report/sweep-chart.js');
const CHART = {
  html: async (s: SweepResult, metric: string) => (await import('../report/sweep-html.js')).sweepHtml(s, metric),
  svg: async (s: SweepResult, metric: string) => `${(await chartModule()).sweepChartSvg(s, metric)}\n`,
  png: async (s: SweepResult, metric: string) => renderPng((await chartModule()).sweepChartSvg(s, metric)),
} as const;
const isChart = (f: Format): f is keyof typeof CHART => f in CHART;
const isColumnar = (f: Format): f is 'arrow' | 'parquet' => f === 'arrow' || f === 'parquet';

export async function sweepHandler(args: ArgumentsCamelCase<SweepArgs>): Promise<void> {
  return interruptible(async (signal) => {
    const paths = wholeNumberFlag('paths', 1, 100_000_000)(args.paths);
    const seed = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
    const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
    if (args.out) checkOutputPath(args.out, forced(args));
    if (isColumnar(args.format) || args.format === 'png') {
      if (!args.out && (isColumnar(args.format) || process.stdout.isTTY)) {
        throw new UserError([{ path: '--out', message: `${args.format} is a binary file: give --out FILE` }]);
      }
      if (args.out && isColumnar(args.format) && perPathFormat(args.out, '--out') !== args.format) {
        throw new UserError([{ path: '--out', message: `${args.out} does not end in .${args.format} (--format ${args.format})` }]);
      }
    }
    if (args['chart-metric'] !== undefined && !isChart(args.format)) {
      throw new UserError([{ path: '--chart-metric', message: 'is for a chart: give --format html, svg or png' }]);
    }
    const base = withSampler(await loadAnyScenario(args.scenario), args.sampler);
    const axes = sweepAxes(base, args.grid ?? [], args['allow-large']);
    // --metrics given twice arrives as an array: its lists are joined.
    const names = args.metrics ? [args.metrics].flat().join(',').split(',').map((m) => m.trim()).filter((m) => m !== '') : defaultSweepMetrics(base);
    const chartMetric = args['chart-metric'] ?? names[0]!;
    if (isChart(args.format)) {
      const { checkSweepChart, stderrMetricOf } = await chartModule();
      checkSweepChart(axes.map((a) => a.key), names, chartMetric, args.format);
      // A line of means carries its standard errors as bars: computed along with it.
      const se = stderrMetricOf(chartMetric);
      if (axes.length === 1 && se !== null && !names.includes(se)) names.push(se);
    }
    const metrics = await attributedTo(args.scenario, () => sweepMetrics(names, base));
    const cells = await attributedTo(args.scenario, () => {
      const all = sweepCells(base, axes);
      // plan-level rules (e.g. the contribution band) before any run; then the grid's total work
      const years = Math.max(...all.map((c) => compileAny(c.scenario).plan.nYears));
      checkRunSize({ paths: paths ?? base.simulation.paths, years, series: 0, method: 'sketch', runs: all.length }, args['allow-large']);
      return all;
    });
    const progress = progressReporter(args.quiet);
    const logCells = !args.quiet && process.stderr.isTTY !== true;
    const started = performance.now();
    const result = await attributedTo(args.scenario, () =>
      runSweep(base, axes, cells, metrics, {
        ...(paths !== undefined && { paths }),
        ...(seed !== undefined && { seed }),
        ...(threads !== undefined && { threads }),
        ...(args['percentile-method'] !== undefined && { percentileMethod: args['percentile-method'] }),
        allowLarge: args['allow-large'],
        gamma: gammaFlag(args.gamma),
        alpha: alphaFlag(args.alpha),
        signal,
        onProgress: progress.update,
        onCell: (i, row) => {
          if (logCells) process.stderr.write(`cell ${i + 1}/${cells.length} done: ${Object.entries(row.cell).map(([k, v]) => `${k}=${v}`).join(', ')}\n`);
        },
      }),
    );
    progress.done(result.paths * cells.length, performance.now() - started, threads);
    signal.throwIfAborted();
    if (isColumnar(args.format)) {
      const meta = fileMetadata({ seed: result.seed, paths: result.paths, scenarioName: result.scenario.name, scenarioHash: scenarioHash(base), currency: base.currency });
      writeSweepColumns(result, await columnarWriter(args.out!, args.format), meta);
      return;
    }
    const output = isChart(args.format) ? await CHART[args.format](result, chartMetric) : TEXT[args.format](result);
    if (args.out) writeAtomically(args.out, output);
    else process.stdout.write(output);
  });
}

