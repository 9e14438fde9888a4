/** pensim solve <scenario> --for … --target …: the search and its answer (the flags are in solve-command.ts). */
import type { ArgumentsCamelCase } from 'yargs';
import { loadAnyScenario } from '../scenario/load-any-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { parseSolveTarget, solve, SOLVE_DEFAULT_PATHS, type SolveResult } from '../studies/solve.js';
import { UserError } from '../base/user-error.js';
import { attributedTo, wholeNumberFlag } from './options.js';
import { interruptible } from './signals.js';
import type { SolveArgs } from './solve-command.js';

export async function solveHandler(args: ArgumentsCamelCase<SolveArgs>): Promise<void> {
  return interruptible(async (signal) => {
    const target = parseSolveTarget(args.target);
    const paths = wholeNumberFlag('paths', 1, 1_000_000)(args.paths) ?? SOLVE_DEFAULT_PATHS;
    const seedFlag = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
    const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
    // Any plan kind: a US scenario goes through the same search (studies/solve.ts checks it with the US schema; its plan fields: us-solve-fields.ts).
    const scenario = (await loadAnyScenario(args.scenario)) as Scenario;
    const result = await attributedTo(args.scenario, () =>
      solve(scenario as Scenario, args.for, target, { paths, seed: seedFlag ?? scenario.simulation.seed, ...(threads !== undefined && { threads }), signal }),
    );
    signal.throwIfAborted();
    if (!result.reachable) {
      if (args.format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      throw new UserError([{ path: '--target', message: result.reason! }], args.scenario);
    }
    process.stdout.write(args.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : solveText(result));
  });
}

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
