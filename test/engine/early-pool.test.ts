/**
 * A pool started before the scenario is read (engine/worker-pool.ts createEarlyPool, what
 * `pensim run` does): runs on it give the digits of inline runs, the calling thread computes too
 * (its chunks are not all sent to the workers), a run to precision uses it for every step, and it
 * outlives its runs until the command destroys it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createEarlyPool, destroyPool, isEarlyPool } from '../../src/engine/worker-pool.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { simulateToPrecision } from '../../src/studies/simulate-to-precision.js';

const pool = createEarlyPool(1);
afterAll(async () => destroyPool(pool));

describe('an early pool', () => {
  it('gives the JSON of an inline run, under pseudo and sobol, and stays up for a run to precision after', async () => {
    expect(isEarlyPool(pool)).toBe(true);
    const s = await loadAnyScenario('scenarios/default.json');
    const o = { paths: 9 * 2048 + 5, seed: 4, percentileMethod: 'sketch' as const };
    const before = pool.completed;
    const onPool = await simulate(s, { ...o, threads: 2, pool });
    expect(JSON.stringify(onPool)).toBe(JSON.stringify(await simulate(s, { ...o, threads: 1 })));
    // The worker ran some batches, and the calling thread the rest (not every batch went to the pool).
    const ran = pool.completed - before;
    expect(ran).toBeGreaterThan(0);
    const sobol = { ...s, simulation: { ...s.simulation, sampler: 'sobol' as const } };
    expect(JSON.stringify(await simulate(sobol, { ...o, threads: 2, pool }))).toBe(JSON.stringify(await simulate(sobol, { ...o, threads: 1 })));
    const reference = await loadAnyScenario('scenarios/bench-reference.json');
    const p = { precision: 0.005, maxPaths: 400_000, percentileMethod: 'sketch' as const };
    const steps = await simulateToPrecision(reference, { ...p, threads: 2, pool });
    expect(steps.precision.steps.length).toBeGreaterThan(1);
    expect(JSON.stringify(steps)).toBe(JSON.stringify(await simulateToPrecision(reference, { ...p, threads: 1 })));
    expect(pool.threads.length).toBe(1);
  });
});
