/**
 * Seeded random streams, one per (seed, chunk, purpose), from seedrandom's xor4096
 * (Brent's xorgens, period 2^4096 − 2^32). Paths are cut into fixed-size chunks that do not depend
 * on the thread count, so a chunk draws the same numbers on any thread: results are
 * thread-invariant. Separate purposes (market, wage) keep market draws independent of the plan:
 * two scenarios run with one seed see the same markets (common random numbers).
 */
import seedrandom from 'seedrandom';
import { Xor4096 } from './xor4096.js';

export interface RandomStream {
  /** Uniform on [0, 1) with 32 random bits. */
  (): number;
  /** A signed 32-bit integer, all bits random. */
  int32(): number;
}

export type StreamPurpose =
  | 'market'
  | 'wage'
  | 'mortality'
  /** Norwegian disability (src/plan/disability-track.ts): onset and recovery, so markets, wages and lifetimes are unchanged by it. */
  | 'disability'
  /** A drawn disability degree, one uniform a path: the onsets are the same draws with a fixed degree or a drawn one. */
  | 'disability-degree'
  /** Return models (src/market/market-path.ts): Student-t mixing, regime path, bootstrap years, inflation shocks. */
  | 'fat-tail'
  | 'regime'
  | 'bootstrap'
  | 'inflation'
  /** US plans (src/market/employer-stock.ts, src/kernel/run-us-chunk.ts): idiosyncratic shocks, their t mixing, default, leaving the job. */
  | 'employer-stock'
  | 'employer-stock-tail'
  | 'employer-default'
  | 'job'
  /** US payout years (src/kernel/us-payout-years.ts): their market, the company stock after the distribution, the age at death, the inflation model's shocks. */
  | 'payout-market'
  | 'payout-inflation'
  | 'payout-stock'
  | 'payout-stock-tail'
  | 'payout-default'
  | 'lifetime'
  /** The sobol sampler's scrambles (src/market/sobol-normals.ts): one per randomized block, the same in every chunk. */
  | 'sobol-scramble';

export function chunkStream(seed: number, chunk: number, purpose: StreamPurpose): RandomStream {
  return seedrandom.xor4096(streamKey(seed, chunk, purpose)) as unknown as RandomStream;
}

/** The same stream as chunkStream, as a class whose int32() the hot loops inline (random/xor4096.ts). */
export function chunkXor4096(seed: number, chunk: number, purpose: StreamPurpose): Xor4096 {
  return new Xor4096(streamKey(seed, chunk, purpose));
}

/** A stream of the whole run, the same in every chunk. */
export function runStream(seed: number, purpose: StreamPurpose): RandomStream {
  return seedrandom.xor4096(`pensim/${seed}/${purpose}`) as unknown as RandomStream;
}

/** A stream of one randomized block of the run (random/randomized-blocks.ts), the same in every chunk: the sobol sampler's scramble of block b. */
export function blockStream(seed: number, block: number, purpose: StreamPurpose): RandomStream {
  return seedrandom.xor4096(`pensim/${seed}/block/${block}/${purpose}`) as unknown as RandomStream;
}

function streamKey(seed: number, chunk: number, purpose: StreamPurpose): string {
  return `pensim/${seed}/${chunk}/${purpose}`;
}
