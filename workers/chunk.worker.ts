/**
 * Piscina worker: runs one batch of chunks of the run's job and moves its buffers back (no copy).
 * The job (the compiled plan or plans) arrives once, as the pool's workerData.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { runBatch, transferables, type BatchTask } from '../src/engine/chunk-batch.js';
import type { ChunkJob } from '../src/engine/chunk-job.js';
import { injectFault } from '../src/engine/injected-fault.js';

const job = (workerData as { job: ChunkJob }).job;

export default function chunkWorker(task: BatchTask): unknown {
  const result = runBatch(job, task, (chunk) => injectFault(chunk, true));
  return move({ [transferableSymbol]: transferables(result), [valueSymbol]: result });
}
