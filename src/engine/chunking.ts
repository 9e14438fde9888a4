/**
 * Fixed-size chunks of paths. The size is a constant, never derived from the thread count, so
 * chunk c always holds paths [c·CHUNK_SIZE, …) and draws from the stream seeded by (seed, c).
 */
export const CHUNK_SIZE = 2048;

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
