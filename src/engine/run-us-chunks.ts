/**
 * Runs the chunks of a US plan inline (one thread, or a single chunk: no pool start-up) or on a
 * Piscina pool of US workers (workers/us-chunk.worker.ts), handing each chunk's series to
 * `onChunk` as it finishes, in any order: the caller places it by the chunk's first path, so the
 * result does not depend on the thread count. A failing chunk rejects with a ChunkFailure naming
 * it; an abort destroys the pool at once. The pool is always destroyed before this settles.
 */
import { runUsChunk } from '../kernel/run-us-chunk.js';
import type { UsSimulationPlan } from '../plan/us-simulation-plan.js';
import { ChunkFailure } from './chunk-failure.js';
import type { ChunkRange } from './chunking.js';
import { createPool } from './worker-pool.js';

export async function runUsChunks(
  plan: UsSimulationPlan,
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
        series = runUsChunk({ plan, seed, chunk: c.chunk, paths: c.paths }).series;
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
  const pool = createPool(Math.min(threads, chunks.length), 'us-chunk.worker.js');
  // A worker that dies while idle is reported as an 'error' event; its unfinished tasks reject on their own.
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
