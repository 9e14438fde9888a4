/**
 * Runs a list of chunks of a job (engine/chunk-job.ts) inline (one thread, or a single chunk: no
 * pool start-up) or on a Piscina pool in batches (engine/chunk-batch.ts), handing finished chunks
 * to the sink as they come (in any order: the collector places them by chunk index). Each chunk
 * is summarised where it ran; its values are in `sink.sketches` before the sink hears of it, and a
 * batch is handed over whole, so a checkpoint saved from the sink never holds half a batch. The
 * job goes to each worker once, with the pool.
 *
 * Faults: a chunk that throws or whose worker dies rejects the run with a ChunkFailure naming the
 * chunk; the pool is destroyed before runChunks settles, so no worker outlives the run.
 * Abort: when `signal` aborts (the CLI's SIGINT/SIGTERM), the pool is destroyed at once (running
 * workers are terminated mid-chunk) and runChunks rejects with the signal's reason. The inline
 * loop yields to the event loop between chunks when a signal is given, so a signal is seen there
 * within one chunk's time.
 */
import type { LogBucketSketch } from '../stats/log-bucket-sketch.js';
import { BATCH_DONE, BATCH_NOT_STARTED, type BatchResult, type BatchTask } from './chunk-batch.js';
import { jobBuffers, jobSeriesCount, jobShortfall, produceChunk, type ChunkJob } from './chunk-job.js';
import { ChunkFailure } from './chunk-failure.js';
import { summarizeChunk, type ChunkSummary } from './chunk-summary.js';
import type { ChunkRange } from './chunking.js';
import { guidedBatches } from './guided-batches.js';
import { injectFault } from './injected-fault.js';
import type { Piscina } from 'piscina';
import { createPool } from './worker-pool.js';

/** Run ids on shared pools: a worker keeps the job of the last id it saw. */
let nextJobId = 0;

/**
 * On a pool shared by many runs (the workbench): every batch goes to the pool with the job, the
 * calling thread (the server's) only merges, an abort cancels this run's tasks (Piscina ends a
 * worker that is running one and starts another), and the pool outlives the run.
 */
async function runOnShared(pool: Piscina, job: ChunkJob, seed: number, chunks: readonly ChunkRange[], sink: ChunkSink, signal?: AbortSignal): Promise<void> {
  const jobId = nextJobId++;
  await Promise.all(
    guidedBatches(chunks, pool.options.maxThreads).map(async (batch) => {
      const task: BatchTask = {
        job,
        jobId,
        seed,
        chunks: batch,
        sketch: sink.sketches !== null,
        keepSeries: sink.keepSeries,
        running: new Int32Array(new SharedArrayBuffer(4)).fill(BATCH_NOT_STARTED),
      };
      let result: BatchResult;
      try {
        result = (await pool.run(task, signal ? { signal } : {})) as BatchResult;
      } catch (e) {
        signal?.throwIfAborted();
        throw new ChunkFailure(batch.find((c) => c.chunk === Atomics.load(task.running, 0)) ?? batch[0]!, e);
      }
      signal?.throwIfAborted();
      result.sketches?.forEach((packed, s) => sink.sketches![s]!.mergePacked(packed));
      sink.onChunks(batch.map((c, i) => ({ c, summary: result.summaries[i]!, series: result.series?.[i] ?? null, lengths: result.lengths[i] ?? null })));
    }),
  );
}

export interface ChunkOutput {
  c: ChunkRange;
  summary: ChunkSummary;
  /** The chunk's columns when the sink keeps them, else null. */
  series: Float64Array | null;
  /** Column lengths where they vary, else null (all c.paths). */
  lengths: Int32Array | null;
}

export interface ChunkSink {
  /** One sketch per column that every value goes into (sketch method), or null. */
  sketches: LogBucketSketch[] | null;
  /** Whether each chunk's raw columns are wanted (exact percentiles, per-path output). */
  keepSeries: boolean;
  /** Finished chunks, already in `sketches`: record them all before anything is saved. */
  onChunks(done: ChunkOutput[]): void;
}

export async function runChunks(job: ChunkJob, seed: number, chunks: readonly ChunkRange[], threads: number, sink: ChunkSink, signal?: AbortSignal, shared?: Piscina): Promise<void> {
  signal?.throwIfAborted();
  if (shared) return runOnShared(shared, job, seed, chunks, sink, signal);
  const taskOf = (batch: ChunkRange[]): BatchTask => ({
    seed,
    chunks: batch,
    sketch: sink.sketches !== null,
    keepSeries: sink.keepSeries,
    running: new Int32Array(new SharedArrayBuffer(4)).fill(BATCH_NOT_STARTED),
  });
  const record = (batch: ChunkRange[], result: BatchResult) => {
    // Merged in column order; counts add exactly, so the order of batches does not matter.
    result.sketches?.forEach((packed, s) => sink.sketches![s]!.mergePacked(packed));
    sink.onChunks(batch.map((c, i) => ({ c, summary: result.summaries[i]!, series: result.series?.[i] ?? null, lengths: result.lengths[i] ?? null })));
  };
  if (threads === 1 || chunks.length === 1) {
    // Inline, the values go straight into the sink's sketches: nothing to pack or merge.
    const buffers = jobBuffers();
    const nSeries = jobSeriesCount(job);
    const shortfall = jobShortfall(job);
    for (const c of chunks) {
      let output: ChunkOutput;
      try {
        injectFault(c.chunk, false);
        const out = produceChunk(job, seed, c.chunk, c.paths, buffers, sink.keepSeries);
        const summary = summarizeChunk(nSeries, shortfall, out.series, c.paths, sink.sketches, out.lengths);
        output = { c, summary, series: sink.keepSeries ? out.series : null, lengths: out.lengths ?? null };
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
  // The calling thread is one of the `threads`: it runs batches itself (a chunk at a time, yielding
  // between chunks so the workers' results are taken in) while threads − 1 workers run the rest.
  // It starts at once, while the workers are still starting, and no third thread competes for
  // the cores. Batches are taken in order from one list by whoever is free.
  const workers = Math.min(threads, chunks.length) - 1;
  const batches = guidedBatches(chunks, workers + 1);
  let next = 0;
  const pool = createPool(workers, { job });
  // A worker that dies while idle is reported as an 'error' event, which would crash the process
  // unheard; the tasks it leaves unfinished reject on their own.
  pool.on('error', () => {});
  const failed = new AbortController();
  const stop = () => void pool.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  const onPool = async () => {
    while (next < batches.length && !failed.signal.aborted) {
      const batch = batches[next++]!;
      const task = taskOf(batch);
      let result: BatchResult;
      try {
        result = (await pool.run(task)) as BatchResult;
      } catch (e) {
        signal?.throwIfAborted();
        const at = Atomics.load(task.running, 0);
        // A batch queued behind the one whose worker died (never started), or done but not yet
        // delivered: let the batch that was running (it names the chunk at fault) fail the run first.
        if (at === BATCH_NOT_STARTED || at === BATCH_DONE) await new Promise((resolve) => setTimeout(resolve, 20));
        throw new ChunkFailure(batch.find((c) => c.chunk === at) ?? batch[0]!, e);
      }
      signal?.throwIfAborted();
      record(batch, result);
    }
  };
  const buffers = jobBuffers();
  const nSeries = jobSeriesCount(job);
  const shortfall = jobShortfall(job);
  const onCaller = async () => {
    while (next < batches.length && !failed.signal.aborted) {
      for (const c of batches[next++]!) {
        // Let the workers' messages in before each chunk (and see an abort).
        await new Promise((resolve) => setImmediate(resolve));
        signal?.throwIfAborted();
        if (failed.signal.aborted) return;
        let output: ChunkOutput;
        try {
          injectFault(c.chunk, false);
          const out = produceChunk(job, seed, c.chunk, c.paths, buffers, sink.keepSeries);
          const summary = summarizeChunk(nSeries, shortfall, out.series, c.paths, sink.sketches, out.lengths);
          output = { c, summary, series: sink.keepSeries ? out.series : null, lengths: out.lengths ?? null };
        } catch (e) {
          throw new ChunkFailure(c, e);
        }
        sink.onChunks([output]);
      }
    }
  };
  // Two tasks in flight per worker, so a worker finds its next batch waiting while this thread computes.
  const consumers = [onCaller(), ...Array.from({ length: 2 * workers }, () => onPool())].map((p) =>
    p.catch((e: unknown) => {
      failed.abort();
      throw e;
    }),
  );
  try {
    await Promise.all(consumers);
  } finally {
    signal?.removeEventListener('abort', stop);
    await pool.destroy();
  }
}
