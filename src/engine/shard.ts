/**
 * Shards: run only shard i of n (a contiguous block of whole chunks, with the seeds of the
 * unsharded run) and save the collector's state; merge the states of all n shards, in any order,
 * into the result the unsharded run gives (sketch counts add exactly; chunk moments merge in
 * chunk order). Shards use the sketch percentile method: exact percentiles would need every value.
 * Every plan kind shards alike: the state is the plan-blind collector's.
 */
import type { AnyScenario } from '../plan/compiled-plan.js';
import { compileAny } from '../plan/compiled-plan.js';
import { scenarioHash } from '../base/scenario-hash.js';
import { UserError } from '../base/user-error.js';
import { VERSION } from '../version.js';
import { chunkRanges } from './chunking.js';
import type { CollectorState } from './collect-series.js';
import { buildResult, collect, resolveSetup, runCollector, type AnyResult, type SimulateOptions } from './simulate.js';

export const SHARD_FORMAT = 'pensim-shard/1';

export interface ShardFile {
  format: typeof SHARD_FORMAT;
  pensim: string;
  scenarioHash: string;
  scenario: AnyScenario;
  seed: number;
  paths: number;
  shard: { index: number; count: number };
  state: CollectorState;
}

/** The chunks of shard `index` (0-based) of `count`: a contiguous block, as even as possible. */
export function shardChunks(paths: number, index: number, count: number) {
  const all = chunkRanges(paths);
  const from = Math.floor((index * all.length) / count);
  const to = Math.floor(((index + 1) * all.length) / count);
  return all.slice(from, to);
}

export async function simulateShard(
  scenario: AnyScenario,
  shard: { index: number; count: number },
  options: SimulateOptions = {},
): Promise<ShardFile> {
  const setup = resolveSetup(scenario, options);
  const nChunks = chunkRanges(setup.paths).length;
  if (!Number.isInteger(shard.count) || shard.count < 1 || shard.count > nChunks || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    throw new UserError([{ path: '--shard', message: `must be i/n with 0 <= i < n <= ${nChunks} (the run has ${nChunks} chunks of paths); got ${shard.index}/${shard.count}` }]);
  }
  if (setup.method !== 'sketch') {
    throw new UserError([{ path: '--shard', message: 'shards need the sketch percentile method: add --percentile-method sketch (runs above 100 000 paths use it by default), and use it for the unsharded run you compare with' }]);
  }
  const { collector } = await collect(setup, shardChunks(setup.paths, shard.index, shard.count), options.onProgress);
  return {
    format: SHARD_FORMAT,
    pensim: VERSION,
    scenarioHash: scenarioHash(scenario),
    scenario,
    seed: setup.seed,
    paths: setup.paths,
    shard,
    state: collector.toState(),
  };
}

/**
 * Merge every shard of one run (any order) into its result; a missing, repeated or foreign shard is
 * a UserError. The scenario a shard file carries is input read from a file, so it is validated
 * again by `check` (scenario/load-any-scenario.ts checkAnyScenario): validation is the edge's job,
 * handed in rather than imported, so the engine stays below the scenario loaders.
 */
export function mergeShards(parts: { source: string; file: unknown }[], check: (input: unknown, source: string) => AnyScenario): AnyResult {
  if (parts.length === 0) throw new UserError([{ path: '', message: 'no shard files given' }]);
  const shards = parts.map(({ source, file }) => ({ source, shard: asShard(file, source) }));
  const first = shards[0]!.shard;
  const seen = new Map<number, string>();
  for (const { source, shard } of shards) {
    const same = shard.scenarioHash === first.scenarioHash && shard.seed === first.seed && shard.paths === first.paths && shard.shard.count === first.shard.count && shard.pensim === first.pensim;
    if (!same) {
      throw new UserError([{ path: '', message: `is not a shard of the same run as ${shards[0]!.source} (scenario hash, seed, paths, shard count and version must all match)` }], source);
    }
    const twice = seen.get(shard.shard.index);
    if (twice) throw new UserError([{ path: 'shard.index', message: `shard ${shard.shard.index} is given twice (also in ${twice})` }], source);
    seen.set(shard.shard.index, source);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw new UserError([{ path: '', message: `shard(s) ${missing.join(', ')} of ${first.shard.count} are missing (shards are numbered 0 to ${first.shard.count - 1})` }]);
  }
  const scenario = check(first.scenario, shards[0]!.source);
  const setup = resolveSetup(scenario, { paths: first.paths, seed: first.seed, threads: 1, percentileMethod: 'sketch' });
  const plan = compileAny(scenario);
  const collector = runCollector({ ...setup, allowLarge: true }, plan);
  for (const { source, shard } of shards) collector.mergeState(shard.state, source);
  const gaps = collector.missingChunks();
  if (gaps.length > 0) throw new UserError([{ path: '', message: `chunks ${gaps.slice(0, 5).join(', ')}… are in no shard` }]);
  return buildResult(plan, collector, setup);
}

function asShard(file: unknown, source: string): ShardFile {
  const f = file as Partial<ShardFile> | null;
  if (!f || typeof f !== 'object' || f.format !== SHARD_FORMAT || !f.state || !f.shard || !f.scenario) {
    throw new UserError([{ path: 'format', message: `is not a pensim shard file (expected format "${SHARD_FORMAT}", written by pensim run --shard)` }], source);
  }
  return f as ShardFile;
}
