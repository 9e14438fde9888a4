/**
 * Piscina worker: runs one batch of chunks of the run's job and moves its buffers back (no copy).
 * The job (the compiled plan or plans) arrives once, as the pool's workerData; on a pool shared by
 * many runs (the workbench) it comes with each task instead.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { runBatch, transferables, type BatchTask } from '../src/engine/chunk-batch.js';
import type { ChunkJob } from '../src/engine/chunk-job.js';
import { injectFault } from '../src/engine/injected-fault.js';

const data = workerData as { job: ChunkJob | null; loaded?: Int32Array };
const own = data.job;
// Loaded: the pool may now end this worker safely (engine/worker-pool.ts destroyPool). Said in a
// microtask, once the require() of this module has returned: piscina require()s it (in a promise
// callback), and Node 20 links a facade for it after this body has run; a worker terminated in
// that moment takes the whole process down. Not on a later turn: an idle worker blocks in
// Atomics.wait, so a timer or setImmediate would not run until its first task.
if (data.loaded) queueMicrotask(() => Atomics.add(data.loaded!, 0, 1));
/** On a shared pool each task carries its job: the same object for every task of one run, so the worker's buffers are reused. */
let last: { id: number; job: ChunkJob } | null = null;

export default function chunkWorker(task: BatchTask): unknown {
  if (task.job && task.jobId !== undefined && last?.id !== task.jobId) last = { id: task.jobId, job: task.job };
  const job = task.job ? last!.job : own!;
  const result = runBatch(job, task, (chunk) => injectFault(chunk, true));
  return move({ [transferableSymbol]: transferables(result), [valueSymbol]: result });
}
