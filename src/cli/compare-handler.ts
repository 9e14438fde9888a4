/** pensim compare <a> <b> [...]: the comparison and its output (the flags are in compare-command.ts). */
import type { ArgumentsCamelCase } from 'yargs';
import { compareScenarios, type Comparison, type NoComparison } from '../studies/compare.js';
import { checkAnyScenario } from '../scenario/load-any-scenario.js';
import { compilePlan } from '../plan/compile-plan.js';
import { isUsScenario } from '../plan/compiled-plan.js';
import type { Scenario } from '../scenario/schema.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { usAmountBasis } from '../report/us-amount-basis.js';
import { describeBasis } from '../report/amount-basis.js';
import { scenarioHash } from '../base/scenario-hash.js';
import { openPerPathOutput, perPathFormat, perPathSeries, usPerPathSeries } from './per-path-output.js';
import { isUsScenarioObject, readScenarioObject } from '../scenario/load-us-scenario.js';
import { compareJson } from '../report/compare-json.js';
import { compareNorwayTable } from '../report/compare-norway-table.js';
import { compareTable } from '../report/compare-table.js';
import { DEFAULT_PERCENTILES } from '../scenario/schema.js';
import { UserError } from '../base/user-error.js';
import type { CompareArgs } from './compare-command.js';
import { alphaFlag, attributedTo, gammaFlag, numberFlag, wholeNumberFlag } from './options.js';
import { withOneSampler } from './sampler-flag.js';
import { parsePercentiles } from './percentile-flags.js';
import { progressReporter } from './progress.js';
import { interruptible } from './signals.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

export async function compareHandler(args: ArgumentsCamelCase<CompareArgs>): Promise<void> {
  return interruptible(async (signal) => {
    const paths = wholeNumberFlag('paths', 1, 100_000_000)(args.paths);
    const seedFlag = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
    const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
    const gamma = gammaFlag(args.gamma);
    const alpha = alphaFlag(args.alpha);
    const target = args.target === undefined ? undefined : numberFlag('target', args.target, (x) => x >= 0, 'the target wealth must be a number >= 0');
    const percentiles = args.percentiles === undefined ? undefined : parsePercentiles(args.percentiles);
    if (args.scenarios.length < 2) throw new UserError([{ path: 'scenarios', message: `name at least two scenario files to compare; got ${args.scenarios.length}` }]);
    if (args.out) checkOutputPath(args.out, forced(args));
    const perPathFiles = args['per-path'] === undefined ? null : scenarioFiles(args['per-path'], args.scenarios.length);
    for (const f of perPathFiles ?? []) checkOutputPath(f, forced(args), '--per-path');
    const raws = await Promise.all(args.scenarios.map(async (file) => ({ file, raw: await readScenarioObject(file) })));
    const us = raws.map((r) => isUsScenarioObject(r.raw));
    if (us.some((u) => u !== us[0])) {
      const odd = raws[us.indexOf(!us[0])]!.file;
      throw new UserError([{ path: 'plan.kind', message: `compare takes US scenarios or Norwegian ones, not a mix: ${odd} is ${us[0] ? 'Norwegian' : 'a US plan'}, the first ${us[0] ? 'a US plan' : 'Norwegian'}` }], odd);
    }
    if (us[0] && args.metric !== undefined) throw new UserError([{ path: '--metric', message: 'is for Norwegian scenarios; a US comparison is of terminal wealth' }]);
    if (!us[0] && args.target !== undefined) {
      throw new UserError([{ path: '--target', message: "is a US target wealth; a Norwegian scenario's shortfall is against its simulation.targetReplacementRatio" }]);
    }
    const checked = raws.map((r) => checkAnyScenario(r.raw, r.file));
    // One sampler (and its randomizations) for all, as one seed: path i of every scenario sees the same market.
    const scenarios = withOneSampler(checked, args.sampler);
    const first = scenarios[0]!.simulation;
    const n = paths ?? first.paths;
    const progress = progressReporter(args.quiet);
    const started = performance.now();
    const seed = seedFlag ?? first.seed;
    // Per-path files: each scenario's outcomes, chunk by chunk, in path order (cli/per-path-output.ts).
    const outputs = perPathFiles
      ? await Promise.all(
          scenarios.map((s, i) =>
            openPerPathOutput(
              perPathFiles[i]!,
              isUsScenario(s) ? usPerPathSeries() : perPathSeries(compilePlan(s as Scenario)),
              isUsScenario(s) ? usPerPathSeries() : perPathSeries(compilePlan(s as Scenario)),
              n,
              { seed, paths: n, scenarioName: s.name ?? null, scenarioHash: scenarioHash(s), currency: s.currency, sampler: s.simulation.sampler },
            ),
          ),
        )
      : null;
    let comparison: Comparison | NoComparison;
    try {
      comparison = await attributedTo(args.scenarios[0]!, () =>
      compareScenarios(scenarios, {
        gamma,
        alpha,
        paths: n,
        seed,
        ...(threads !== undefined && { threads }),
        ...(target !== undefined && { target }),
        ...(args.metric !== undefined && { metric: args.metric }),
        ...(args['percentile-method'] !== undefined && { percentileMethod: args['percentile-method'] }),
        percentiles: percentiles ?? first.percentiles ?? [...DEFAULT_PERCENTILES],
        fans: args.format === 'html',
        signal,
        onProgress: progress.update,
        allowLarge: args['allow-large'],
        ...(outputs && { onScenarioChunk: (i: number, f: number, p: number, series: Float64Array) => outputs[i]!.onChunk(f, p, series) }),
      }),
      );
      signal.throwIfAborted();
      for (const out of outputs ?? []) out.close();
    } catch (e) {
      for (const out of outputs ?? []) out.abort();
      throw e;
    }
    progress.done(n * scenarios.length, performance.now() - started, threads);
    // The HTML pages (d3 and the chart modules) load with --format html only.
    let text: string;
    if (us[0]) {
      const c = comparison as Comparison;
      // The HTML page is for a client: in today's dollars, by the first scenario's inflation (the paired scenarios share their years).
      const s0 = scenarios[0] as UsScenario;
      const basis = usAmountBasis(s0, 'real');
      const real = basis.kind === 'real' ? { index: (age: number) => (1 + basis.inflation) ** (age - c.fans![0]!.ages[0]!), retirementAge: s0.person.retirementAge, describe: describeBasis(basis, 'USD') } : undefined;
      text = args.format === 'json' ? compareJson(c) : args.format === 'html' ? (await import('../report/compare-html.js')).compareHtml(c, c.fans!, new Date().toISOString().slice(0, 10), real) : compareTable(c);
    } else {
      const c = comparison as NoComparison;
      text = args.format === 'json' ? `${JSON.stringify(c, null, 2)}\n` : args.format === 'html' ? (await import('../report/compare-norway-html.js')).compareNorwayHtml(c, c.fans!, new Date().toISOString().slice(0, 10)) : compareNorwayTable(c);
    }
    if (args.out) writeAtomically(args.out, text);
    else process.stdout.write(text);
  });
}

/** FILE.ext → FILE-1.ext, FILE-2.ext, …: one per-path file per compared scenario (the extension picks the format). */
function scenarioFiles(file: string, count: number): string[] {
  perPathFormat(file);
  const dot = file.lastIndexOf('.');
  return Array.from({ length: count }, (_, i) => `${file.slice(0, dot)}-${i + 1}${file.slice(dot)}`);
}
