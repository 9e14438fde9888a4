/** Piscina worker for US plans: runs one chunk with the US kernel and moves its output buffer back (no copy). */
import { move } from 'piscina';
import { runUsChunk, type UsChunkTask } from '../src/kernel/run-us-chunk.js';

export default function usChunkWorker(task: UsChunkTask): Float64Array {
  return move(runUsChunk(task).series) as Float64Array;
}
