/**
 * Runs a list of chunks inline (one thread, or a single chunk: no pool start-up) or on a Piscina
 * pool, handing each chunk's output to `onChunk` as it finishes (in any order: the collector
 * places it by chunk index).
 */
import { runChunk } from '../kernel/run-chunk.js';
import type { SimulationPlan } from '../plan/simulation-plan.js';
import type { ChunkRange } from './chunking.js';
import { createPool } from './worker-pool.js';

export async function runChunks(
  plan: SimulationPlan,
  seed: number,
  chunks: readonly ChunkRange[],
  threads: number,
  onChunk: (c: ChunkRange, series: Float64Array) => void,
): Promise<void> {
  if (threads === 1 || chunks.length === 1) {
    for (const c of chunks) onChunk(c, runChunk({ plan, seed, chunk: c.chunk, paths: c.paths }).series);
    return;
  }
  const pool = createPool(Math.min(threads, chunks.length));
  try {
    await Promise.all(
      chunks.map(async (c) => onChunk(c, (await pool.run({ plan, seed, chunk: c.chunk, paths: c.paths })) as Float64Array)),
    );
  } finally {
    await pool.destroy();
  }
}
