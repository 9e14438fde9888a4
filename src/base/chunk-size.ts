/**
 * The number of paths in a chunk, a constant never derived from the thread count: chunk c always
 * holds paths [c·CHUNK_SIZE, …) and draws from the stream seeded by (seed, c), so results do not
 * depend on how chunks are spread over threads. Even, so antithetic pairs never straddle chunks.
 * In base/ because the kernels size their buffers by it and the engine cuts runs by it.
 */
export const CHUNK_SIZE = 2048;
