/**
 * Runs a list of chunks of a job (engine/chunk-job.ts) inline (one thread, or a single chunk: no
 * pool start-up) or on a Piscina pool in batches (engine/chunk-batch.ts), handing finished chunks
 * to the sink as they come (in any order: the collector places them by chunk index). Each chunk
 * is summarised where it ran; its values are in `sink.sketches` before the sink hears of it, and a
 * batch is handed over whole, so a checkpoint saved from the sink never holds half a batch.
 *
 * On a pool of its own (`--threads T`) the calling thread is one of the T: it runs batches itself,
 * a chunk at a time, yielding between chunks so the workers' results are taken in, while T − 1
 * workers (the job given to each once, with the pool) run the rest; it starts at once, while the
 * workers start, and no third thread competes for the cores. Batches are taken in order from one
 * list by whoever is free. On a pool shared by many runs (the workbench) every batch goes to the
 * pool with its job, and the calling thread (the server's) only merges.
 *
 * Faults: a chunk that throws or whose worker dies rejects the run with a ChunkFailure naming the
 * chunk; a batch lost with a dead worker that was not running it (queued, or done but not yet
 * delivered) does not name the run's failure. An own pool is destroyed before runChunks settles,
 * so no worker outlives the run. Abort: when `signal` aborts (the CLI's SIGINT/SIGTERM), an own pool
 * is destroyed at once (running workers are terminated mid-chunk), a shared pool cancels this run's
 * tasks, and runChunks rejects with the signal's reason; the calling thread sees the signal
 * between chunks.
 */
import type { Piscina } from 'piscina';
import { LogBucketSketch } from '../stats/log-bucket-sketch.js';
import { sketchArena } from '../wasm/sketch-arena.js';
import { BATCH_NOT_STARTED, groupBuffers, REDUCE_GROUP, type BatchResult, type BatchTask } from './chunk-batch.js';
import { jobBlocks, jobSeriesCount, jobShortfall, jobSketched, produceChunk, type ChunkJob } from './chunk-job.js';
import { ChunkFailure } from './chunk-failure.js';
import { summarizeChunks, type ChunkSummary } from './chunk-summary.js';
import type { ChunkRange } from './chunking.js';
import { guidedBatches, MAX_BATCH, maxBatch } from './guided-batches.js';
import { injectFault } from './injected-fault.js';
import { createPool, destroyPool, isEarlyPool } from './worker-pool.js';

export interface ChunkOutput {
  c: ChunkRange;
  summary: ChunkSummary;
  /** The chunk's columns when the sink keeps them, else null. */
  series: Float64Array | null;
  /** Column lengths where they vary, else null (all c.paths). */
  lengths: Int32Array | null;
}

export interface ChunkSink {
  /** One sketch per column that every value goes into (R per column with randomized blocks: engine/chunk-summary.ts), or null (exact method). */
  sketches: LogBucketSketch[] | null;
  /** Whether each chunk's raw columns are wanted (exact percentiles, per-path output). */
  keepSeries: boolean;
  /** Finished chunks, already in `sketches`: record them all before anything is saved. */
  onChunks(done: ChunkOutput[]): void;
}

/** Run ids on shared pools: a worker keeps the job of the last id it saw. */
let nextJobId = 0;

export async function runChunks(job: ChunkJob, seed: number, chunks: readonly ChunkRange[], threads: number, sink: ChunkSink, signal?: AbortSignal, shared?: Piscina): Promise<void> {
  signal?.throwIfAborted();
  const inline = inlineRunner(job, seed, sink);
  try {
    // A pool started early for this command (engine/worker-pool.ts createEarlyPool) is run as an own
    // pool (the calling thread computes too) whose tasks carry their job, and is not destroyed here.
    const early = shared !== undefined && isEarlyPool(shared);
    if ((!shared || early) && (threads === 1 || chunks.length === 1)) {
      // Longer batches only for long runs: a checkpoint saves a batch at a time, so a run keeps 8 or more.
      const size = Math.min(maxBatch(sink.keepSeries), Math.max(MAX_BATCH, Math.ceil(chunks.length / 8)));
      for (const batch of groups(chunks, size)) {
        for (const group of groups(batch, REDUCE_GROUP)) {
          inline.run(group);
          if (signal) await nextTurn(signal);
        }
        inline.handOver();
        // The sink may have aborted the run (a progress callback) as it took the batch.
        signal?.throwIfAborted();
      }
      return;
    }
    const own = !shared || early;
    const workers = early ? Math.min(shared.options.maxThreads, chunks.length - 1) : shared ? shared.options.maxThreads : Math.min(threads, chunks.length) - 1;
    const batches = guidedBatches(chunks, own ? workers + 1 : workers, maxBatch(sink.keepSeries));
    const pool = shared ?? createPool(workers, { job });
    const perTask = shared ? { job, jobId: nextJobId++ } : {};
    let next = 0;
    const failed = new AbortController();
    const onPool = async () => {
      while (next < batches.length && !failed.signal.aborted) {
        const batch = batches[next++]!;
        const task: BatchTask = { ...perTask, seed, chunks: batch, sketch: sink.sketches !== null, keepSeries: sink.keepSeries, running: new Int32Array(new SharedArrayBuffer(4)).fill(BATCH_NOT_STARTED) };
        let result: BatchResult;
        try {
          result = (await pool.run(task, shared && signal ? { signal } : {})) as BatchResult;
        } catch (e) {
          signal?.throwIfAborted();
          const at = Atomics.load(task.running, 0);
          throw new ChunkFailure(batch.find((c) => c.chunk === at) ?? batch[0]!, e, at < 0);
        }
        signal?.throwIfAborted();
        // Merged in column order; counts add exactly, so the order of batches does not matter.
        result.sketches?.forEach((packed, s) => sink.sketches![s]!.mergePacked(packed));
        sink.onChunks(batch.map((c, i) => ({ c, summary: result.summaries[i]!, series: result.series?.[i] ?? null, lengths: result.lengths[i] ?? null })));
      }
    };
    const onCaller = async () => {
      while (next < batches.length && !failed.signal.aborted) {
        for (const group of groups(batches[next++]!, REDUCE_GROUP)) {
          // Let the workers' messages in before each group (and see an abort).
          await nextTurn(signal);
          if (failed.signal.aborted) return;
          inline.run(group);
        }
        inline.handOver();
        signal?.throwIfAborted();
      }
    };
    // A worker that dies while idle is reported as an 'error' event, which would crash the process
    // unheard; the tasks it leaves unfinished reject on their own.
    const quiet = () => {};
    pool.on('error', quiet);
    const stop = () => void destroyPool(pool);
    if (!shared) signal?.addEventListener('abort', stop, { once: true });
    // Two tasks in flight per worker of an own pool, so a worker finds its next batch waiting while this thread computes.
    const consumers = own ? [onCaller(), ...Array.from({ length: 2 * workers }, onPool)] : Array.from({ length: workers }, onPool);
    try {
      const settled = await Promise.all(consumers.map((p) => p.then(() => null, (e: unknown) => (failed.abort(), e))));
      const errors = settled.filter((e) => e !== null);
      // The chunk at fault names the failure, not a batch that was only lost with its worker.
      if (errors.length > 0) throw errors.find((e) => !(e instanceof ChunkFailure && e.collateral)) ?? errors[0];
    } finally {
      signal?.removeEventListener('abort', stop);
      if (shared) pool.off('error', quiet);
      else await destroyPool(pool);
    }
  } finally {
    inline.dispose();
  }
}

/**
 * Runs chunks on this thread, in groups of REDUCE_GROUP (engine/chunk-batch.ts), a batch at a
 * time as a worker does: the values go into this thread's own sketch set (in its sketch arena,
 * where WebAssembly counts them), which handOver() merges into the sink's sketches before the
 * sink hears of the batch's chunks.
 */
function inlineRunner(job: ChunkJob, seed: number, sink: ChunkSink): { run(group: readonly ChunkRange[]): void; handOver(): void; dispose(): void } {
  const nSeries = jobSeriesCount(job);
  const shortfall = jobShortfall(job);
  const sketched = jobSketched(job);
  const split = jobBlocks(job);
  let done: ChunkOutput[] = [];
  // The runner's own (not the thread's: two runs may interleave on one thread between groups), made on first use.
  let sketches: LogBucketSketch[] | null = null;
  return {
    run(group) {
      if (sink.sketches && !sketches) sketches = sink.sketches.map(() => new LogBucketSketch(sketchArena()));
      const outs = group.map((c, i) => {
        try {
          injectFault(c.chunk, false);
          return { ...produceChunk(job, seed, c.chunk, c.paths, groupBuffers(job)[i]!, sink.keepSeries), paths: c.paths };
        } catch (e) {
          throw new ChunkFailure(c, e);
        }
      });
      let summaries: ChunkSummary[];
      try {
        summaries = summarizeChunks(nSeries, shortfall, outs, sketches, sketched, split);
      } catch (e) {
        throw new ChunkFailure(group[0]!, e);
      }
      group.forEach((c, i) => done.push({ c, summary: summaries[i]!, series: sink.keepSeries ? outs[i]!.series : null, lengths: outs[i]!.lengths ?? null }));
    },
    handOver() {
      sketches?.forEach((sk, s) => {
        sink.sketches![s]!.merge(sk);
        sk.clear();
      });
      const batch = done;
      done = [];
      if (batch.length > 0) sink.onChunks(batch);
    },
    dispose() {
      sketches?.forEach((sk) => sk.release());
    },
  };
}

/** Consecutive groups of at most `size` of `chunks`. */
function groups<T>(chunks: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < chunks.length; i += size) out.push(chunks.slice(i, i + size));
  return out;
}

/** Yield to the event loop (worker results, signals), then throw if aborted. */
async function nextTurn(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
}
