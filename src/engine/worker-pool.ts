/**
 * The Piscina pool that runs chunks on worker threads. The worker module is the compiled
 * dist/workers/chunk.worker.js; from TypeScript sources (tests) the same compiled file is used,
 * which is why `npm test` builds first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/**
 * The compiled worker module. From the bundled CLI (dist/bundle/cli) the bundled worker beside it
 * (dist/bundle/workers, scripts/bundle-cli.mjs: one file to load instead of ~90 modules, a worker's
 * start-up), else dist/workers.
 */
export function workerFile(name = 'chunk.worker.js'): string {
  const fromBundle = new URL(`../workers/${name}`, import.meta.url);
  const fromDist = new URL(`../../workers/${name}`, import.meta.url);
  const fromSource = new URL(`../../dist/workers/${name}`, import.meta.url);
  const bundled = /[\\/]dist[\\/]bundle[\\/]cli[\\/]/.test(fileURLToPath(import.meta.url)) && existsSync(fileURLToPath(fromBundle));
  const file = fileURLToPath(bundled ? fromBundle : import.meta.url.endsWith('.ts') ? fromSource : fromDist);
  if (!existsSync(file)) throw new Error(`worker module ${file} is missing: run "npm run build"`);
  return file;
}

/**
 * Workers counted as they finish loading their module (workers/chunk.worker.ts adds 1): Node 20
 * dies with a fatal error when a worker is terminated while it is still instantiating an ES
 * module (piscina loads ours through require), so a pool is destroyed only once every worker it
 * created has loaded (destroyPool). A run that fails or is aborted in its first moments, while
 * the calling thread computes and the workers still start, would otherwise hit it.
 */
const loading = new WeakMap<Piscina, { loaded: Int32Array; created: number }>();

function tracked(pool: Piscina, loaded: Int32Array): Piscina {
  const state = { loaded, created: 0 };
  loading.set(pool, state);
  pool.on('workerCreate', () => state.created++);
  return pool;
}

/** A pool of `threads` workers, each handed `workerData` once when it starts (the run's job). */
export function createPool(threads: number, workerData: object): Piscina {
  const loaded = new Int32Array(new SharedArrayBuffer(4));
  return tracked(new Piscina({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 1_000, workerData: { ...workerData, loaded }, concurrentTasksPerWorker: 2 }), loaded);
}

/** Destroy a pool once every worker it created has loaded its module (at most 5 s: a worker that cannot load is ended anyway). */
export async function destroyPool(pool: Piscina): Promise<void> {
  const state = loading.get(pool);
  // pool.threads holds the workers started so far: a pool destroyed at once, before piscina's
  // 'workerCreate' events (a microtask after its constructor), has workers loading all the same.
  const created = () => Math.max(state?.created ?? 0, pool.threads.length);
  for (let waited = 0; state && Atomics.load(state.loaded, 0) < created() && waited < 5_000; waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await pool.destroy();
}

/**
 * A pool shared by many runs (the workbench's server): no job in workerData, each task carries its
 * job (a worker keeps the last one by its id), and runs never destroy it. Created once, closed with
 * the server.
 */
export function createSharedPool(threads: number): Piscina {
  const loaded = new Int32Array(new SharedArrayBuffer(4));
  return tracked(new Piscina({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 60_000, workerData: { job: null, loaded } }), loaded);
}

/** Pools started before their runs' jobs were known (createEarlyPool). */
const early = new WeakSet<Piscina>();

/**
 * A pool of `workers` workers for one command's runs, started before the scenario is read and
 * compiled, so the workers load their module (and the first of them its WebAssembly) while the
 * calling thread does that work: no job in workerData, each task carries its run's job (as on a
 * shared pool), but the calling thread computes batches too, as with a pool of its own
 * (engine/run-chunks.ts). The command destroys it (destroyPool) when its runs are done; a run to
 * precision's steps all use it, instead of a new pool (and a new warm-up) a step.
 */
export function createEarlyPool(workers: number): Piscina {
  const loaded = new Int32Array(new SharedArrayBuffer(4));
  // Two tasks in flight per worker, as on an own pool: a worker finds its next batch waiting.
  const pool = tracked(new Piscina({ filename: workerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 60_000, workerData: { job: null, loaded }, concurrentTasksPerWorker: 2 }), loaded);
  early.add(pool);
  return pool;
}

/** Whether `pool` came from createEarlyPool. */
export function isEarlyPool(pool: Piscina): boolean {
  return early.has(pool);
}
