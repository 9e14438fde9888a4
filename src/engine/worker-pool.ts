/**
 * The Piscina pool that runs chunks on worker threads. The worker module is the compiled
 * dist/workers/chunk.worker.js; from TypeScript sources (tests) the same compiled file is used,
 * which is why `npm test` builds first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/** The compiled worker module. */
export function workerFile(name = 'chunk.worker.js'): string {
  const fromDist = new URL(`../../workers/${name}`, import.meta.url);
  const fromSource = new URL(`../../dist/workers/${name}`, import.meta.url);
  const file = fileURLToPath(import.meta.url.endsWith('.ts') ? fromSource : fromDist);
  if (!existsSync(file)) throw new Error(`worker module ${file} is missing: run "npm run build"`);
  return file;
}

/** A pool of `threads` workers, each handed `workerData` once when it starts (the run's job). */
export function createPool(threads: number, workerData: unknown): Piscina {
  return new Piscina({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 1_000, workerData, concurrentTasksPerWorker: 2 });
}

/**
 * A pool shared by many runs (the workbench's server): no job in workerData, each task carries its
 * job (a worker keeps the last one by its id), and runs never destroy it. Created once, closed with
 * the server.
 */
export function createSharedPool(threads: number): Piscina {
  return new Piscina({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 60_000, workerData: { job: null } });
}
