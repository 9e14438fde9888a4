/**
 * Runs a list of chunks inline (one thread, or a single chunk: no pool start-up) or on a Piscina
 * pool in batches (engine/chunk-batch.ts), handing finished chunks to the sink as they come (in
 * any order: the collector places them by chunk index). Each chunk is summarised where it ran;
 * its values are in `sink.sketches` before the sink hears of it, and a batch is handed over
 * whole, so a checkpoint saved from the sink never holds half a batch.
 *
 * Faults: a chunk that throws or whose worker dies rejects the run with a ChunkFailure naming the
 * chunk; the pool is destroyed before runChunks settles, so no worker outlives the run.
 * Abort: when `signal` aborts (the CLI's SIGINT/SIGTERM), the pool is destroyed at once (running
 * workers are terminated mid-chunk) and runChunks rejects with the signal's reason. The inline
 * loop yields to the event loop between chunks when a signal is given, so a signal is seen there
 * within one chunk's time.
 */
import { runChunk } from '../kernel/run-chunk.js';
import { seriesCount, type SimulationPlan } from '../plan/simulation-plan.js';
import type { LogBucketSketch } from '../stats/log-bucket-sketch.js';
import type { BatchResult, BatchTask } from './chunk-batch.js';
import { ChunkFailure } from './chunk-failure.js';
import { summarizeChunk, type ChunkSummary } from './chunk-summary.js';
import type { ChunkRange } from './chunking.js';
import { guidedBatches } from './guided-batches.js';
import { injectFault } from './injected-fault.js';
import { createPool } from './worker-pool.js';

export interface ChunkOutput {
  c: ChunkRange;
  summary: ChunkSummary;
  /** The chunk's per-path series when the sink keeps them, else null. */
  series: Float64Array | null;
}

export interface ChunkSink {
  shortfallTarget: number | undefined;
  /** One sketch per series that every value goes into (sketch method), or null. */
  sketches: LogBucketSketch[] | null;
  /** Whether each chunk's raw series are wanted (exact percentiles, per-path output). */
  keepSeries: boolean;
  /** Finished chunks, already in `sketches`: record them all before anything is saved. */
  onChunks(done: ChunkOutput[]): void;
}

export async function runChunks(
  plan: SimulationPlan,
  seed: number,
  chunks: readonly ChunkRange[],
  threads: number,
  sink: ChunkSink,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  if (threads === 1 || chunks.length === 1) {
    // One series buffer for all chunks unless the sink keeps them (see ChunkTask.out).
    let out: Float64Array | undefined;
    for (const c of chunks) {
      let output: ChunkOutput;
      try {
        injectFault(c.chunk, false);
        if (!sink.keepSeries && out?.length !== seriesCount(plan) * c.paths) out = new Float64Array(seriesCount(plan) * c.paths);
        const series = runChunk({ plan, seed, chunk: c.chunk, paths: c.paths, out }).series;
        const summary = summarizeChunk(plan, sink.shortfallTarget, series, c.paths, sink.sketches);
        output = { c, summary, series: sink.keepSeries ? series : null };
      } catch (e) {
        throw new ChunkFailure(c, e);
      }
      sink.onChunks([output]);
      if (signal) {
        await new Promise((resolve) => setImmediate(resolve));
        signal.throwIfAborted();
      }
    }
    return;
  }
  const workers = Math.min(threads, chunks.length);
  const pool = createPool(workers);
  // A worker that dies while idle is reported as an 'error' event, which would crash the process
  // unheard; the tasks it leaves unfinished reject on their own.
  pool.on('error', () => {});
  const stop = () => void pool.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(
      guidedBatches(chunks, workers).map(async (batch) => {
        const running = new Int32Array(new SharedArrayBuffer(4)).fill(batch[0]!.chunk);
        const task: BatchTask = {
          plan, seed, chunks: batch, shortfallTarget: sink.shortfallTarget, sketch: sink.sketches !== null, keepSeries: sink.keepSeries, running,
        };
        let result: BatchResult;
        try {
          result = (await pool.run(task)) as BatchResult;
        } catch (e) {
          signal?.throwIfAborted();
          throw new ChunkFailure(batch.find((c) => c.chunk === Atomics.load(running, 0)) ?? batch[0]!, e);
        }
        signal?.throwIfAborted();
        // Merged in series order; counts add exactly, so the order of batches does not matter.
        result.sketches?.forEach((packed, s) => sink.sketches![s]!.mergePacked(packed));
        sink.onChunks(batch.map((c, i) => ({ c, summary: result.summaries[i]!, series: result.series?.[i] ?? null })));
      }),
    );
  } finally {
    signal?.removeEventListener('abort', stop);
    await pool.destroy();
  }
}
