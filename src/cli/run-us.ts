/**
 * `pensim run` on a US scenario (plan kind us-…): the US engine (engine/simulate-us.ts), then a
 * table or JSON in USD. Formats other than table and json are for the Norwegian report and refused.
 */
import { loadUsScenario } from '../engine/load-us-scenario.js';
import { simulateUsOnPool } from '../engine/simulate-us.js';
import { usRunResult } from '../engine/us-result.js';
import { usResultTable } from '../report/us-result-table.js';
import { UserError } from '../scenario/user-error.js';
import { attributedTo, wholeNumberFlag } from './options.js';
import { withSampler } from './sampler-flag.js';
import type { Sampler } from '../random/sampler.js';
import { parsePercentiles } from './percentile-flags.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

export interface UsRunArgs {
  scenario: string;
  paths: string | undefined;
  seed: string | undefined;
  threads?: string | undefined;
  format: string | undefined;
  out: string | undefined;
  percentiles: string | undefined;
  preset?: string | undefined;
  real?: boolean;
  amounts?: string | undefined;
  shard?: string | undefined;
  'per-path'?: string | undefined;
  checkpoint?: string | undefined;
  'percentile-method'?: string | undefined;
  sampler?: Sampler | undefined;
}

/** Flags of the Norwegian run that a US run does not have: refused, never silently ignored. */
const NOT_FOR_US = ['preset', 'real', 'amounts', 'shard', 'per-path', 'checkpoint', 'percentile-method'] as const;

export async function runUs(args: UsRunArgs, signal?: AbortSignal): Promise<void> {
  const paths = wholeNumberFlag('paths', 1, 10_000_000)(args.paths);
  const seed = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
  const threads = wholeNumberFlag('threads', 1, 256)(args.threads);
  for (const flag of NOT_FOR_US) {
    if (args[flag] !== undefined && args[flag] !== false) throw new UserError([{ path: `--${flag}`, message: 'is not available for a US scenario (pensim run on a US plan takes --paths, --seed, --threads, --percentiles, --format table|json, --out)' }]);
  }
  const format = args.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw new UserError([{ path: '--format', message: `a US scenario reports as table or json; got "${format}"` }]);
  }
  const percentiles = args.percentiles === undefined ? undefined : parsePercentiles(args.percentiles);
  if (args.out) checkOutputPath(args.out, forced(args));
  const scenario = withSampler(await loadUsScenario(args.scenario), args.sampler);
  const run = await attributedTo(args.scenario, () =>
    simulateUsOnPool(scenario, { ...(paths !== undefined && { paths }), ...(seed !== undefined && { seed }), ...(threads !== undefined && { threads }), ...(signal && { signal }) }),
  );
  signal?.throwIfAborted();
  const result = usRunResult(run, percentiles ?? scenario.simulation.percentiles);
  const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : usResultTable(result);
  if (args.out) writeAtomically(args.out, text);
  else process.stdout.write(text);
}
