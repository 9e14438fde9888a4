/** Piscina worker: runs one chunk and moves its output buffer back (no copy). */
import { move } from 'piscina';
import { injectFault } from '../src/engine/injected-fault.js';
import { runChunk, type ChunkTask } from '../src/kernel/run-chunk.js';

export default function chunkWorker(task: ChunkTask): Float64Array {
  injectFault(task.chunk, true);
  return move(runChunk(task).series) as Float64Array;
}
