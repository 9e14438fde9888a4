/**
 * Cuts a run's chunks into batches for the pool, guided-scheduling style: each batch takes about
 * a quarter of each worker's share of what is left, at most MAX_BATCH chunks, down to single
 * chunks at the end, so the workers finish together while the coordinating thread merges few
 * sketch sets. Batches depend on the thread count, results do not: sketch counts add exactly and
 * moments stay per chunk.
 */
import type { ChunkRange } from './chunking.js';

/** 16 chunks = 32 768 paths: a batch of a few hundred ms, and its raw series (if kept) ~28 MB. */
export const MAX_BATCH = 16;
/**
 * Without the raw series kept a batch holds only its sketch set, so it may be 4 times longer: a
 * quarter of the sketch sets to pack, clear and merge (about 3 % of a 1 M-path run of
 * bench-reference, bench/README.md). A sketch set's size does not grow with the batch.
 */
export const MAX_BATCH_SKETCH_ONLY = 64;

/** The longest batch of a run: shorter when each batch's raw series are kept (their memory grows with it). */
export function maxBatch(keepSeries: boolean): number {
  return keepSeries ? MAX_BATCH : MAX_BATCH_SKETCH_ONLY;
}

export function guidedBatches(chunks: readonly ChunkRange[], workers: number, max = MAX_BATCH): ChunkRange[][] {
  const out: ChunkRange[][] = [];
  for (let at = 0; at < chunks.length; ) {
    const size = Math.max(1, Math.min(max, Math.ceil((chunks.length - at) / (4 * workers))));
    out.push(chunks.slice(at, at + size));
    at += size;
  }
  return out;
}
