/**
 * pensim compare <a> <b> [...]: scenarios on common random numbers (one seed and path count for
 * all, so path i sees the same markets everywhere), each one's percentiles side by side and the
 * paired figures of the first against each other. US scenarios (engine/compare.ts: terminal
 * wealth, table, JSON or HTML) or Norwegian ones (engine/compare-norway.ts: the --metric of
 * choice, table, JSON or HTML); not a mix.
 */
import type { CommandModule } from 'yargs';
import { compareRuns } from '../engine/compare.js';
import { compareNorway, NO_COMPARE_METRICS, type NoCompareMetric } from '../engine/compare-norway.js';
import { checkUsScenario, isUsScenarioObject, readScenarioObject } from '../engine/load-us-scenario.js';
import { simulateUsOnPool, type UsRun } from '../engine/simulate-us.js';
import { compareHtml } from '../report/compare-html.js';
import { compareJson } from '../report/compare-json.js';
import { usRunResult } from '../engine/us-result.js';
import { compareNorwayTable } from '../report/compare-norway-table.js';
import { compareNorwayHtml } from '../report/compare-norway-html.js';
import type { SimulationResult } from '../engine/simulation-result.js';
import { compareTable } from '../report/compare-table.js';
import { checkScenario } from '../scenario/parse-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { UserError } from '../scenario/user-error.js';
import { DEFAULT_PERCENTILES } from '../scenario/schema.js';
import { attributedTo, wholeNumberFlag } from './options.js';
import { parsePercentiles } from './percentile-flags.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

interface CompareArgs {
  scenarios: string[];
  paths: string | undefined;
  seed: string | undefined;
  gamma: string;
  target: string | undefined;
  alpha: string;
  percentiles: string | undefined;
  format: 'table' | 'json' | 'html';
  out: string | undefined;
  metric: NoCompareMetric | undefined;
  threads: string | undefined;
}

/** A number flag within (min, max]; otherwise a UserError naming the flag. */
function numberFlag(name: string, raw: string, ok: (x: number) => boolean, rule: string): number {
  const x = Number(String(raw).replaceAll('_', ''));
  if (String(raw).trim() === '' || !Number.isFinite(x) || !ok(x)) throw new UserError([{ path: `--${name}`, message: `${rule}; got "${raw}"` }]);
  return x;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <scenarios..>',
  describe: 'Compare scenarios on common random numbers (US plans, or Norwegian ones): percentiles side by side and paired risk figures',
  builder: (y) =>
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'two or more scenario files, all US or all Norwegian; the first is A in the paired figures' })
      .option('paths', { type: 'string', describe: 'number of paths (default: the first scenario\'s)' })
      .option('seed', { type: 'string', describe: 'random seed (default: the first scenario\'s)' })
      .option('gamma', { type: 'string', default: '3', describe: 'CRRA risk aversion γ > 0 for the certainty equivalents' })
      .option('target', { type: 'string', describe: 'US: target terminal wealth (USD) for the shortfall probability (default: each scenario\'s simulation.targetWealth)' })
      .option('metric', { choices: NO_COMPARE_METRICS, describe: 'Norwegian scenarios: the per-path outcome compared (default capitalAtRetirement)' })
      .option('threads', { type: 'string', describe: 'worker threads (default: all cores; 1 runs inline)' })
      .option('alpha', { type: 'string', default: '0.05', describe: 'tail probability of VaR and CVaR, in (0, 0.5]' })
      .option('percentiles', { type: 'string', describe: 'percentiles to report, e.g. 5,50,95' })
      .option('format', { choices: ['table', 'json', 'html'] as const, default: 'table' as const, describe: 'table, JSON, or one self-contained HTML page with the fans overlaid' })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .example('$0 compare scenarios/ksop-concentrated.json scenarios/401k-diversified.json', 'the KSOP against a diversified 401(k)')
      .example('$0 compare scenarios/ksop-concentrated.json scenarios/401k-diversified.json --gamma 5 --format json', 'as JSON, more risk-averse')
      .example('$0 compare scenarios/default.json scenarios/glide-path.yaml --metric payoutNet', 'two Norwegian savings choices, path by path') as never,
  handler: async (args) => {
    const paths = wholeNumberFlag('paths', 1, 10_000_000)(args.paths);
    const seedFlag = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
    const gamma = numberFlag('gamma', args.gamma, (x) => x > 0 && x <= 100, 'the CRRA risk aversion γ must be a number > 0 (and at most 100)');
    const alpha = numberFlag('alpha', args.alpha, (x) => x > 0 && x <= 0.5, 'the tail probability must be in (0, 0.5]');
    const target = args.target === undefined ? undefined : numberFlag('target', args.target, (x) => x >= 0, 'the target wealth must be a number >= 0');
    const percentiles = args.percentiles === undefined ? undefined : parsePercentiles(args.percentiles);
    if (args.scenarios.length < 2) throw new UserError([{ path: 'scenarios', message: `name at least two scenario files to compare; got ${args.scenarios.length}` }]);
    if (args.out) checkOutputPath(args.out, forced(args));
    const raws = await Promise.all(args.scenarios.map(async (file) => ({ file, raw: await readScenarioObject(file) })));
    const us = raws.map((r) => isUsScenarioObject(r.raw));
    if (us.some((u) => u !== us[0])) {
      const odd = raws[us.indexOf(!us[0])]!.file;
      throw new UserError([{ path: 'plan.kind', message: `compare takes US scenarios or Norwegian ones, not a mix: ${odd} is ${us[0] ? 'Norwegian' : 'a US plan'}, the first ${us[0] ? 'a US plan' : 'Norwegian'}` }], odd);
    }
    if (!us[0]) return compareNorwegian(args, raws, { paths, seedFlag, gamma, alpha, percentiles });
    if (args.metric !== undefined) throw new UserError([{ path: '--metric', message: 'is for Norwegian scenarios; a US comparison is of terminal wealth' }]);
    const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
    const scenarios: UsScenario[] = raws.map((r) => checkUsScenario(r.raw, r.file));
    const first = scenarios[0]!.simulation;
    const seed = seedFlag ?? first.seed;
    const n = paths ?? first.paths;
    const runs: UsRun[] = [];
    for (let i = 0; i < scenarios.length; i++) runs.push(await attributedTo(args.scenarios[i]!, () => simulateUsOnPool(scenarios[i]!, { paths: n, seed, ...(threads !== undefined && { threads }) })));
    const comparison = compareRuns(runs, {
      gamma,
      alpha,
      ...(target !== undefined && { target }),
      percentiles: percentiles ?? first.percentiles ?? [...DEFAULT_PERCENTILES],
    });
    const text =
      args.format === 'json'
        ? compareJson(comparison)
        : args.format === 'html'
          ? compareHtml(comparison, runs.map((r) => usRunResult(r, comparison.percentiles).fan), new Date().toISOString().slice(0, 10))
          : compareTable(comparison);
    if (args.out) writeAtomically(args.out, text);
    else process.stdout.write(text);
  },
};

/** The Norwegian comparison: table or JSON of the chosen metric (engine/compare-norway.ts). */
async function compareNorwegian(
  args: CompareArgs,
  raws: { file: string; raw: unknown }[],
  flags: { paths: number | undefined; seedFlag: number | undefined; gamma: number; alpha: number; percentiles: number[] | undefined },
): Promise<void> {
  if (args.target !== undefined) {
    throw new UserError([{ path: '--target', message: "is a US target wealth; a Norwegian scenario's shortfall is against its simulation.targetReplacementRatio" }]);
  }
  const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
  const scenarios: Scenario[] = raws.map((r) => checkScenario(r.raw, r.file));
  const first = scenarios[0]!.simulation;
  const results: SimulationResult[] = [];
  const comparison = await compareNorway(scenarios, {
    metric: args.metric ?? 'capitalAtRetirement',
    paths: flags.paths ?? first.paths,
    seed: flags.seedFlag ?? first.seed,
    ...(threads !== undefined && { threads }),
    gamma: flags.gamma,
    alpha: flags.alpha,
    percentiles: flags.percentiles ?? first.percentiles,
    onRun: (i, r) => (results[i] = r),
  });
  const text =
    args.format === 'json'
      ? `${JSON.stringify(comparison, null, 2)}\n`
      : args.format === 'html'
        ? compareNorwayHtml(comparison, results, new Date().toISOString().slice(0, 10))
        : compareNorwayTable(comparison);
  if (args.out) writeAtomically(args.out, text);
  else process.stdout.write(text);
}
