/**
 * A batch: consecutive chunks one worker runs in one task. The worker produces each chunk's
 * columns (engine/chunk-job.ts), summarises each chunk (engine/chunk-summary.ts) and adds all the
 * batch's values to one set of sketches, which it returns packed: the coordinating thread merges
 * one sketch set per batch instead of inserting every value of every path. Raw columns come back
 * only when the run needs them (exact percentiles, per-path output). `running` (shared memory)
 * names the chunk the worker is on, so a worker that dies mid-batch is reported with the chunk it
 * was running. The job itself is not in the task: a worker gets it once (workers/chunk.worker.ts).
 */
import { sketchArena } from '../wasm/sketch-arena.js';
import { LogBucketSketch, type PackedSketch } from '../stats/log-bucket-sketch.js';
import { jobBlocks, jobBuffers, type JobBuffers, releaseJobBuffers, jobSeriesCount, jobShortfall, jobSketched, produceChunk, type ChunkJob } from './chunk-job.js';
import type { ChunkRange } from './chunking.js';
import { summarizeChunks, type ChunkSummary } from './chunk-summary.js';

/** `running` before a batch starts, and after it is done. */
export const BATCH_NOT_STARTED = -1;
export const BATCH_DONE = -2;

export interface BatchTask {
  /** On a shared pool (engine/worker-pool.ts createSharedPool), the job and its id; else the worker's workerData holds the job. */
  job?: ChunkJob;
  jobId?: number;
  seed: number;
  chunks: ChunkRange[];
  /** Build sketches (sketch method). */
  sketch: boolean;
  /** Return each chunk's raw columns too. */
  keepSeries: boolean;
  /** Int32Array on a SharedArrayBuffer: [0] is the chunk being run (BATCH_NOT_STARTED before, BATCH_DONE after). */
  running: Int32Array;
}

export interface BatchResult {
  summaries: ChunkSummary[];
  /** Each chunk's columns when keepSeries, else null. */
  series: Float64Array[] | null;
  /** Each chunk's column lengths where they vary (a comparison's ratios), else null. */
  lengths: (Int32Array | null)[];
  /** One packed sketch per column (R per column with randomized blocks) when sketch, else null. */
  sketches: PackedSketch[] | null;
}

/**
 * This thread's buffers and sketches, reused from batch to batch: fresh megabytes per chunk cost
 * page faults, and freeing them costs every thread of the process a TLB shootdown (dear in a
 * virtual machine).
 */
const reused = { buffers: [] as JobBuffers[], sketches: [] as LogBucketSketch[], job: null as ChunkJob | null };

/**
 * Chunks produced before their values go into the sketches, series by series
 * (engine/chunk-summary.ts summarizeChunks): 4 chunks of a Norwegian run hold ~7 MB of columns.
 */
export const REDUCE_GROUP = 4;

/**
 * This thread's buffers for a group of chunks of `job`, kept for its next group (a worker's batches,
 * or the calling thread's groups, engine/run-chunks.ts). New for a new job: a comparison's buffers
 * hold its layout. A group uses them and is done with them before anything else runs on the thread.
 */
export function groupBuffers(job: ChunkJob): JobBuffers[] {
  if (reused.job !== job) {
    reused.job = job;
    reused.buffers.forEach(releaseJobBuffers);
    reused.buffers = Array.from({ length: REDUCE_GROUP }, jobBuffers);
  }
  return reused.buffers;
}

export function runBatch(job: ChunkJob, task: BatchTask, beforeChunk: (chunk: number) => void = () => {}): BatchResult {
  const buffers = groupBuffers(job);
  const nSeries = jobSeriesCount(job);
  const shortfall = jobShortfall(job);
  const sketched = jobSketched(job);
  const split = jobBlocks(job);
  // One sketch per column, or R per column with randomized blocks (engine/chunk-summary.ts).
  const sketches = task.sketch ? threadSketches(nSeries * (split?.blocks.count ?? 1)) : null;
  const summaries: ChunkSummary[] = [];
  const series: Float64Array[] = [];
  const lengths: (Int32Array | null)[] = [];
  for (let g = 0; g < task.chunks.length; g += REDUCE_GROUP) {
    const group = task.chunks.slice(g, g + REDUCE_GROUP);
    const outs = group.map((c, i) => {
      Atomics.store(task.running, 0, c.chunk);
      beforeChunk(c.chunk);
      return { ...produceChunk(job, task.seed, c.chunk, c.paths, buffers[i]!, task.keepSeries), paths: c.paths };
    });
    summaries.push(...summarizeChunks(nSeries, shortfall, outs, sketches, sketched, split));
    for (const out of outs) {
      lengths.push(out.lengths ?? null);
      if (task.keepSeries) series.push(out.series);
    }
  }
  // Done: a worker that dies now (on its next batch) must not have this one blamed.
  Atomics.store(task.running, 0, BATCH_DONE);
  return { summaries, series: task.keepSeries ? series : null, lengths, sketches: sketches && sketches.map((s) => s.pack()) };
}

/** This thread's first `nSketches` sketches, emptied: in its sketch arena when there is one. */
function threadSketches(nSketches: number): LogBucketSketch[] {
  while (reused.sketches.length < nSketches) reused.sketches.push(new LogBucketSketch(sketchArena()));
  const sketches = reused.sketches.slice(0, nSketches);
  // Emptied first, not after: a batch that threw may have left counts behind.
  sketches.forEach((s) => s.clear());
  return sketches;
}

/** The buffers a result can move to the other thread instead of copying. */
export function transferables(result: BatchResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = result.summaries.map((s) => s.moments.buffer as ArrayBuffer);
  for (const s of result.summaries) {
    if (s.blockMeans) out.push(s.blockMeans.buffer as ArrayBuffer);
    if (s.shortfallBlocks) out.push(s.shortfallBlocks.buffer as ArrayBuffer);
  }
  for (const s of result.series ?? []) out.push(s.buffer as ArrayBuffer);
  for (const l of result.lengths) if (l) out.push(l.buffer as ArrayBuffer);
  for (const s of result.sketches ?? []) {
    out.push(s.counts.buffer as ArrayBuffer, s.slots.buffer as ArrayBuffer);
    if (s.keys) out.push(s.keys.buffer as ArrayBuffer);
  }
  return out;
}
