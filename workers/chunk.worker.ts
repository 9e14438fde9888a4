/** Piscina worker: runs one batch of chunks and moves its buffers back (no copy). */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { runBatch, transferables, type BatchTask } from '../src/engine/chunk-batch.js';
import { injectFault } from '../src/engine/injected-fault.js';

export default function chunkWorker(task: BatchTask): unknown {
  const result = runBatch(task, (chunk) => injectFault(chunk, true));
  return move({ [transferableSymbol]: transferables(result), [valueSymbol]: result });
}
