/**
 * pensim solve <scenario> --for FIELD --target 'METRIC.STAT>=X': the smallest contribution rate,
 * earliest age or lowest weight that reaches the target, by bisection on common random numbers
 * (engine/solve.ts). Prints the answer, the metric there and one grid step before it; an
 * unreachable target is bad input for this scenario: exit 2 with the reason.
 */
import type { CommandModule } from 'yargs';
import { loadScenario } from '../engine/load-scenario.js';
import { parseSolveTarget, solve, SOLVE_DEFAULT_PATHS, SOLVE_FIELDS, type SolveResult } from '../engine/solve.js';
import { UserError } from '../scenario/user-error.js';
import { attributedTo, wholeNumberFlag } from './options.js';
import { interruptible } from './signals.js';

interface SolveArgs {
  scenario: string;
  for: string;
  target: string;
  paths: string | undefined;
  seed: string | undefined;
  threads: string | undefined;
  format: 'table' | 'json';
}

export const solveCommand: CommandModule<object, SolveArgs> = {
  command: 'solve <scenario>',
  describe: 'What would it take: the contribution rate, retirement or payout age, or weight that reaches a target',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .yaml), Norwegian' })
      .option('for', { type: 'string', demandOption: true, describe: `the field to solve for: ${SOLVE_FIELDS.join(', ')}` })
      .option('target', { type: 'string', demandOption: true, describe: "the target, e.g. 'totalReplacementRatio.p10>=0.6' or 'shortfall.probability<=0.1'" })
      .option('paths', { type: 'string', describe: `paths per candidate (default ${SOLVE_DEFAULT_PATHS})` })
      .option('seed', { type: 'string', describe: "random seed, the same for every candidate (default: the scenario's)" })
      .option('threads', { type: 'string', describe: 'worker threads (default: all cores; 1 runs inline); the answer does not depend on it' })
      .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'plain lines or JSON with every run of the search' })
      .example("$0 solve scenarios/total-pension-with-folketrygd.json --for plan.contribution.rate --target 'totalReplacementRatio.p10>=0.6'", 'the smallest OTP rate for a 60 % total pension in 9 of 10 outcomes')
      .example("$0 solve scenarios/default.json --for person.retirementAge --target 'replacementRatio.p50>=0.2'", 'the earliest retirement age for a median DC pension of 20 % of pay') as never,
  handler: async (args) =>
    interruptible(async (signal) => {
      const target = parseSolveTarget(args.target);
      const paths = wholeNumberFlag('paths', 1, 1_000_000)(args.paths) ?? SOLVE_DEFAULT_PATHS;
      const seedFlag = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
      const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
      const scenario = await loadScenario(args.scenario);
      const result = await attributedTo(args.scenario, () =>
        solve(scenario, args.for, target, { paths, seed: seedFlag ?? scenario.simulation.seed, ...(threads !== undefined && { threads }), signal }),
      );
      signal.throwIfAborted();
      if (!result.reachable) {
        if (args.format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        throw new UserError([{ path: '--target', message: result.reason! }], args.scenario);
      }
      process.stdout.write(args.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : solveText(result));
    }),
};

export function solveText(r: SolveResult): string {
  const lines = [
    `${r.field} = ${r.value} meets ${r.target}: ${r.target.split(/[<>]/)[0]} = ${fmt(r.metric)}`,
    r.stepWorse ? `one step worse, ${r.field} = ${r.stepWorse.value}: ${fmt(r.stepWorse.metric)} (does not meet it)` : (r.reason ?? ''),
    `${r.evaluations.length} runs of ${r.paths} paths each on seed ${r.seed} (common random numbers); allowed values ${r.grid.from} to ${r.grid.to} in steps of ${r.grid.step}`,
  ];
  return `${lines.join('\n')}\n`;
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? String(Math.round(x)) : String(Math.round(x * 10000) / 10000);
}
