/**
 * Soak: 80 small simulations back to back in one process through the library (SOAK_RUNS=200 for a
 * longer one), each on a pool of two worker threads (4 097 paths: three chunks, so the pool is
 * used). After the first 20 (warm-up: compiled code, caches) the retained memory after a full GC
 * (heap + array buffers) must not grow by more than the memory one run's collector holds (exact
 * values: 8 bytes a path and series, ~2 MB here): a leak of even a tenth of each run would retain
 * 60 × that tenth, six times the bound.
 * And no resource is left open, and the worker threads are gone (the OS thread count is back).
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { seriesCount } from '../../src/plan/simulation-plan.js';
import { DEFAULT_SCENARIO, threadCount, threadsSettledTo } from './cli-process.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const RUNS = Number(process.env.SOAK_RUNS ?? 80);
const WARM_UP = 20;
const PATHS = 2 * 2048 + 1;

/**
 * Memory held after a full GC, once the last run's worker threads have exited: a worker still
 * exiting (slow on a loaded machine) keeps its last messages alive, which is not a leak.
 */
async function retained(threads: number): Promise<number> {
  await threadsSettledTo(threads);
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('soak', () => {
  it(`${RUNS} simulations on 2 threads: no growth in retained memory, open resources or threads`, async () => {
    const scenario = await loadScenario(DEFAULT_SCENARIO);
    const perRun = PATHS * seriesCount(compilePlan(scenario)) * 8;
    const threadsBefore = threadCount();
    const resourcesBefore = process.getActiveResourcesInfo().length;
    let warm = 0;
    let medianSum = 0;
    for (let i = 0; i < RUNS; i++) {
      if (i === WARM_UP) warm = await retained(threadsBefore);
      const r = await simulate(scenario, { paths: PATHS, seed: i, threads: 2 });
      medianSum += r.metrics.capitalAtRetirement.percentiles.p50!;
    }
    const growth = (await retained(threadsBefore)) - warm;
    console.log(`soak: retained memory grew ${(growth / 2 ** 20).toFixed(2)} MiB over ${RUNS - WARM_UP} runs; bound ${(perRun / 2 ** 20).toFixed(2)} MiB`);
    expect(medianSum).toBeGreaterThan(0);
    expect(perRun).toBeGreaterThan(1e6);
    expect(growth).toBeLessThan(perRun);
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(resourcesBefore);
    expect(await threadsSettledTo(threadsBefore)).toBeLessThanOrEqual(threadsBefore);
  }, 300_000);
});
