/**
 * A chunk that failed to run: a worker threw, died, or ran out of memory. It names the chunk and
 * its paths, keeps the original error as its cause, and means the whole run failed (the pool is
 * destroyed and no result is built). It is not a UserError: the input was valid, the run was not.
 */
import type { ChunkRange } from './chunking.js';

export class ChunkFailure extends Error {
  readonly chunk: number;

  /** collateral: the batch was only lost with a worker that died on another batch (it names no chunk at fault). */
  constructor(range: ChunkRange, cause: unknown, readonly collateral = false) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`chunk ${range.chunk} (paths ${range.first} to ${range.first + range.paths - 1}) failed: ${why}`, { cause });
    this.name = 'ChunkFailure';
    this.chunk = range.chunk;
  }
}
