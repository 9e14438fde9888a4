/**
 * pensim compare <a> <b> [...]: US scenarios on common random numbers (one seed and path count for
 * all, so path i sees the same markets everywhere), each one's percentiles side by side and the
 * paired figures of the first against each other (engine/compare.ts). Table or JSON.
 */
import type { CommandModule } from 'yargs';
import { compareRuns } from '../engine/compare.js';
import { checkUsScenario, isUsScenarioObject, readScenarioObject } from '../engine/load-us-scenario.js';
import { simulateUs, type UsRun } from '../engine/simulate-us.js';
import { compareHtml } from '../report/compare-html.js';
import { compareJson } from '../report/compare-json.js';
import { usRunResult } from '../engine/us-result.js';
import { compareTable } from '../report/compare-table.js';
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
}

/** A number flag within (min, max]; otherwise a UserError naming the flag. */
function numberFlag(name: string, raw: string, ok: (x: number) => boolean, rule: string): number {
  const x = Number(String(raw).replaceAll('_', ''));
  if (String(raw).trim() === '' || !Number.isFinite(x) || !ok(x)) throw new UserError([{ path: `--${name}`, message: `${rule}; got "${raw}"` }]);
  return x;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <scenarios..>',
  describe: 'Compare US scenarios (KSOP, 401(k), SIMPLE, SEP) on common random numbers: percentiles side by side and paired risk figures',
  builder: (y) =>
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'two or more US scenario files; the first is A in the paired figures' })
      .option('paths', { type: 'string', describe: 'number of paths (default: the first scenario\'s)' })
      .option('seed', { type: 'string', describe: 'random seed (default: the first scenario\'s)' })
      .option('gamma', { type: 'string', default: '3', describe: 'CRRA risk aversion γ > 0 for the certainty equivalents' })
      .option('target', { type: 'string', describe: 'target terminal wealth (USD) for the shortfall probability (default: each scenario\'s simulation.targetWealth)' })
      .option('alpha', { type: 'string', default: '0.05', describe: 'tail probability of VaR and CVaR, in (0, 0.5]' })
      .option('percentiles', { type: 'string', describe: 'percentiles to report, e.g. 5,50,95' })
      .option('format', { choices: ['table', 'json', 'html'] as const, default: 'table' as const, describe: 'table, JSON, or one self-contained HTML page with the fans overlaid' })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .example('$0 compare scenarios/ksop-concentrated.json scenarios/401k-diversified.json', 'the KSOP against a diversified 401(k)')
      .example('$0 compare scenarios/ksop-concentrated.json scenarios/401k-diversified.json --gamma 5 --format json', 'as JSON, more risk-averse') as never,
  handler: async (args) => {
    const paths = wholeNumberFlag('paths', 1, 10_000_000)(args.paths);
    const seedFlag = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
    const gamma = numberFlag('gamma', args.gamma, (x) => x > 0 && x <= 100, 'the CRRA risk aversion γ must be a number > 0 (and at most 100)');
    const alpha = numberFlag('alpha', args.alpha, (x) => x > 0 && x <= 0.5, 'the tail probability must be in (0, 0.5]');
    const target = args.target === undefined ? undefined : numberFlag('target', args.target, (x) => x >= 0, 'the target wealth must be a number >= 0');
    const percentiles = args.percentiles === undefined ? undefined : parsePercentiles(args.percentiles);
    if (args.scenarios.length < 2) throw new UserError([{ path: 'scenarios', message: `name at least two scenario files to compare; got ${args.scenarios.length}` }]);
    if (args.out) checkOutputPath(args.out, forced(args));
    const scenarios: UsScenario[] = [];
    for (const file of args.scenarios) {
      const raw = await readScenarioObject(file);
      if (!isUsScenarioObject(raw)) {
        throw new UserError([{ path: 'plan.kind', message: 'compare takes US scenarios (plan kinds us-401k, us-ksop, us-simple-ira, us-sep-ira); use pensim run for a Norwegian one' }], file);
      }
      scenarios.push(checkUsScenario(raw, file));
    }
    const first = scenarios[0]!.simulation;
    const seed = seedFlag ?? first.seed;
    const n = paths ?? first.paths;
    const runs: UsRun[] = [];
    for (let i = 0; i < scenarios.length; i++) runs.push(await attributedTo(args.scenarios[i]!, () => simulateUs(scenarios[i]!, { paths: n, seed })));
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
