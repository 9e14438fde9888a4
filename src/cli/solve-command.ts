/**
 * pensim solve <scenario> --for FIELD --target 'METRIC.STAT>=X': the smallest contribution rate,
 * earliest age or lowest weight that reaches the target, by bisection on common random numbers
 * (studies/solve.ts). Prints the answer, the metric there and one grid step before it; an
 * unreachable target is bad input for this scenario: exit 2 with the reason. Its flags here; the
 * search in solve-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';
import { SOLVE_DEFAULT_PATHS, SOLVE_FIELDS } from '../studies/solve-fields.js';

export interface SolveArgs {
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
  handler: async (args) => (await import('./solve-handler.js')).solveHandler(args),
};
