/**
 * simulate(scenario): compile once, run the fixed chunks inline (threads = 1, or a single chunk)
 * or on a Piscina pool, gather them at fixed offsets, and summarise. The thread count changes
 * only the speed, never a digit of the result.
 */
import { availableParallelism } from 'node:os';
import { runChunk, type ChunkTask } from '../kernel/run-chunk.js';
import { compilePlan } from '../plan/compile-plan.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioHash } from '../scenario/scenario-hash.js';
import { UserError } from '../scenario/user-error.js';
import { VERSION } from '../version.js';
import { chunkRanges } from './chunking.js';
import { SeriesCollector } from './collect-series.js';
import type { SimulationResult } from './simulation-result.js';
import { createPool } from './worker-pool.js';

export interface SimulateOptions {
  /** Overrides scenario.simulation.paths. */
  paths?: number;
  /** Overrides scenario.simulation.seed. */
  seed?: number;
  /** Worker threads; default: the machine's available parallelism. 1 runs inline. */
  threads?: number;
  /** Called after each chunk with the paths done so far. */
  onProgress?: (done: number, total: number) => void;
}

export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<SimulationResult> {
  const paths = options.paths ?? scenario.simulation.paths;
  const seed = options.seed ?? scenario.simulation.seed;
  const threads = options.threads ?? availableParallelism();
  checkOptions(paths, seed, threads);
  const plan = compilePlan(scenario);
  const collector = new SeriesCollector(plan, paths);
  const chunks = chunkRanges(paths);
  let done = 0;
  const finished = (chunk: number, n: number, series: Float64Array) => {
    collector.add(chunk, n, series);
    done += n;
    options.onProgress?.(done, paths);
  };

  if (threads === 1 || chunks.length === 1) {
    for (const c of chunks) finished(c.chunk, c.paths, runChunk({ plan, seed, chunk: c.chunk, paths: c.paths }).series);
  } else {
    const pool = createPool(Math.min(threads, chunks.length));
    try {
      await Promise.all(
        chunks.map(async (c) => {
          const task: ChunkTask = { plan, seed, chunk: c.chunk, paths: c.paths };
          finished(c.chunk, c.paths, (await pool.run(task)) as Float64Array);
        }),
      );
    } finally {
      await pool.destroy();
    }
  }
  return collector.result(scenario, {
    pensim: VERSION,
    scenario: { name: scenario.name ?? null, hash: scenarioHash(scenario) },
    seed,
  });
}

function checkOptions(paths: number, seed: number, threads: number): void {
  const problems = [];
  if (!Number.isInteger(paths) || paths < 1) problems.push({ path: 'paths', message: `must be a whole number >= 1; got ${paths}` });
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    problems.push({ path: 'seed', message: `must be a whole number from 0 to 4294967295; got ${seed}` });
  }
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    problems.push({ path: 'threads', message: `must be a whole number from 1 to 256; got ${threads}` });
  }
  if (problems.length > 0) throw new UserError(problems);
}
