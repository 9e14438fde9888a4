/**
 * Seeded uniform streams, one per (seed, chunk, purpose), from seedrandom's xor4096
 * (Brent's xorgens, period 2^4096 − 2^32). Paths are cut into fixed-size chunks that do not depend
 * on the thread count, so a chunk draws the same numbers on any thread: results are
 * thread-invariant. Separate purposes (market, wage) keep market draws independent of the plan:
 * two scenarios run with one seed see the same markets (common random numbers).
 */
import seedrandom from 'seedrandom';

export type Uniform = () => number;
export type StreamPurpose = 'market' | 'wage';

/** A uniform on [0, 1) with 32 random bits, reproducible from its key. */
export function chunkStream(seed: number, chunk: number, purpose: StreamPurpose): Uniform {
  return seedrandom.xor4096(`pensim/${seed}/${chunk}/${purpose}`);
}
