/**
 * One worker pool for a command that runs many simulations (a sweep's cells, solve's steps): its
 * workers start and warm up once rather than once a run (each own pool's worker loads its modules
 * and warms its JIT again, ~0.35 s of CPU). It is a shared pool (engine/worker-pool.ts): each task
 * carries its run's job, and the calling thread merges. None with one thread or a single run, and
 * a pool the caller brings (the workbench's) is used as it is.
 */
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { createSharedPool, destroyPool } from './worker-pool.js';

export async function withRunPool<T>(threads: number | undefined, runs: number, given: Piscina | undefined, body: (pool: () => Piscina | undefined) => Promise<T>): Promise<T> {
  if (given) return body(() => given);
  const t = threads ?? availableParallelism();
  if (!(t > 1) || runs <= 1) return body(() => undefined);
  // Made on the first run, so that a command refused before any run starts no threads.
  let pool: Piscina | undefined;
  try {
    return await body(() => (pool ??= createSharedPool(t)));
  } finally {
    if (pool) await destroyPool(pool);
  }
}
