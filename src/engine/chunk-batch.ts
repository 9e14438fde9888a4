/**
 * A batch: consecutive chunks one worker runs in one task. The worker summarises each chunk
 * (engine/chunk-summary.ts) and adds all the batch's values to one set of sketches, which it
 * returns packed: the coordinating thread merges one sketch set per batch instead of inserting
 * every value of every path. Raw series come back only when the run needs them (exact
 * percentiles, per-path output). `running` (shared memory) names the chunk the worker is on, so
 * a worker that dies mid-batch is reported with the chunk it was running.
 */
import { runChunk } from '../kernel/run-chunk.js';
import { seriesCount, type SimulationPlan } from '../plan/simulation-plan.js';
import { LogBucketSketch, type PackedSketch } from '../stats/log-bucket-sketch.js';
import type { ChunkRange } from './chunking.js';
import { summarizeChunk, type ChunkSummary } from './chunk-summary.js';

export interface BatchTask {
  plan: SimulationPlan;
  seed: number;
  chunks: ChunkRange[];
  shortfallTarget: number | undefined;
  /** Build sketches (sketch method). */
  sketch: boolean;
  /** Return each chunk's raw series too. */
  keepSeries: boolean;
  /** Int32Array on a SharedArrayBuffer: [0] is set to the chunk being run. */
  running: Int32Array;
}

export interface BatchResult {
  summaries: ChunkSummary[];
  /** Each chunk's series when keepSeries, else null. */
  series: Float64Array[] | null;
  /** One packed sketch per series when sketch, else null. */
  sketches: PackedSketch[] | null;
}

/**
 * This thread's buffers, reused from batch to batch: fresh megabytes per chunk cost page faults,
 * and freeing them costs every thread of the process a TLB shootdown (dear in a virtual machine).
 */
const reused: { out: Float64Array | null; sketches: LogBucketSketch[] } = { out: null, sketches: [] };

export function runBatch(task: BatchTask, beforeChunk: (chunk: number) => void = () => {}): BatchResult {
  const { plan, seed, shortfallTarget } = task;
  const nSeries = seriesCount(plan);
  while (reused.sketches.length < nSeries) reused.sketches.push(new LogBucketSketch());
  const sketches = task.sketch ? reused.sketches.slice(0, nSeries) : null;
  // Emptied first, not after: a batch that threw may have left counts behind.
  sketches?.forEach((s) => s.clear());
  const summaries: ChunkSummary[] = [];
  const series: Float64Array[] = [];
  for (const c of task.chunks) {
    Atomics.store(task.running, 0, c.chunk);
    beforeChunk(c.chunk);
    // Kept series travel to the other thread, so only a buffer that stays here is reused.
    if (!task.keepSeries && reused.out?.length !== nSeries * c.paths) reused.out = new Float64Array(nSeries * c.paths);
    const out = runChunk({ plan, seed, chunk: c.chunk, paths: c.paths, ...(!task.keepSeries && { out: reused.out! }) }).series;
    summaries.push(summarizeChunk(plan, shortfallTarget, out, c.paths, sketches));
    if (task.keepSeries) series.push(out);
  }
  return { summaries, series: task.keepSeries ? series : null, sketches: sketches && sketches.map((s) => s.pack()) };
}

/** The buffers a result can move to the other thread instead of copying. */
export function transferables(result: BatchResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = result.summaries.map((s) => s.moments.buffer as ArrayBuffer);
  for (const s of result.series ?? []) out.push(s.buffer as ArrayBuffer);
  for (const s of result.sketches ?? []) out.push(s.counts.buffer as ArrayBuffer, s.slots.buffer as ArrayBuffer);
  return out;
}
