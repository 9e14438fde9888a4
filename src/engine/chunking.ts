/**
 * Fixed-size chunks of paths (base/chunk-size.ts): the ranges a run is cut into.
 */
import { CHUNK_SIZE } from '../base/chunk-size.js';

export interface ChunkRange {
  chunk: number;
  first: number;
  paths: number;
}

export function chunkRanges(totalPaths: number, size = CHUNK_SIZE): ChunkRange[] {
  const out: ChunkRange[] = [];
  for (let first = 0, chunk = 0; first < totalPaths; first += size, chunk++) {
    out.push({ chunk, first, paths: Math.min(size, totalPaths - first) });
  }
  return out;
}
