/**
 * Runs a list of chunks inline (one thread, or a single chunk: no pool start-up) or on a Piscina
 * pool, handing each chunk's output to `onChunk` as it finishes (in any order: the collector
 * places it by chunk index).
 *
 * Faults: a chunk that throws or whose worker dies rejects the run with a ChunkFailure naming the
 * chunk; the pool is destroyed before runChunks settles, so no worker outlives the run.
 * Abort: when `signal` aborts (the CLI's SIGINT/SIGTERM), the pool is destroyed at once (running
 * workers are terminated mid-chunk) and runChunks rejects with the signal's reason. The inline
 * loop yields to the event loop between chunks when a signal is given, so a signal is seen there
 * within one chunk's time.
 */
import { runChunk } from '../kernel/run-chunk.js';
import type { SimulationPlan } from '../plan/simulation-plan.js';
import { ChunkFailure } from './chunk-failure.js';
import type { ChunkRange } from './chunking.js';
import { injectFault } from './injected-fault.js';
import { createPool } from './worker-pool.js';

export async function runChunks(
  plan: SimulationPlan,
  seed: number,
  chunks: readonly ChunkRange[],
  threads: number,
  onChunk: (c: ChunkRange, series: Float64Array) => void,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  if (threads === 1 || chunks.length === 1) {
    for (const c of chunks) {
      let series: Float64Array;
      try {
        injectFault(c.chunk, false);
        series = runChunk({ plan, seed, chunk: c.chunk, paths: c.paths }).series;
      } catch (e) {
        throw new ChunkFailure(c, e);
      }
      onChunk(c, series);
      if (signal) {
        await new Promise((resolve) => setImmediate(resolve));
        signal.throwIfAborted();
      }
    }
    return;
  }
  const pool = createPool(Math.min(threads, chunks.length));
  // A worker that dies while idle is reported as an 'error' event, which would crash the process
  // unheard; the tasks it leaves unfinished reject on their own.
  pool.on('error', () => {});
  const stop = () => void pool.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(
      chunks.map(async (c) => {
        let series: Float64Array;
        try {
          series = (await pool.run({ plan, seed, chunk: c.chunk, paths: c.paths })) as Float64Array;
        } catch (e) {
          signal?.throwIfAborted();
          throw new ChunkFailure(c, e);
        }
        signal?.throwIfAborted();
        onChunk(c, series);
      }),
    );
  } finally {
    signal?.removeEventListener('abort', stop);
    await pool.destroy();
  }
}
