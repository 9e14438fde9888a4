/**
 * A worker pool shared by many runs (the workbench's): runs on it give the digits of a run on its
 * own pool or inline, two runs at once on one pool do not mix, an aborted run leaves the pool
 * serving the next, and the pool outlives them all.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/studies/compare.js';
import { loadAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { createSharedPool } from '../../src/engine/worker-pool.js';

const pool = createSharedPool(2);
afterAll(async () => pool.destroy());

describe('a shared worker pool', () => {
  it('gives the same JSON as inline, for two different runs at once, and after an aborted one', async () => {
    const no = await loadAnyScenario('scenarios/default.json');
    const us = await loadAnyScenario('scenarios/ksop-concentrated.json');
    const o = { paths: 5 * 2048 + 3, seed: 8, percentileMethod: 'sketch' as const };
    const [a, b] = await Promise.all([simulate(no, { ...o, pool }), simulate(us, { ...o, pool })]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(await simulate(no, { ...o, threads: 1 })));
    expect(JSON.stringify(b)).toBe(JSON.stringify(await simulate(us, { ...o, threads: 1 })));
    const controller = new AbortController();
    const stopped = simulate(no, { paths: 400_000, seed: 1, pool, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped')), 50);
    await expect(stopped).rejects.toThrow(/stopped/);
    expect(JSON.stringify(await simulate(no, { ...o, pool }))).toBe(JSON.stringify(a));
    const other = await loadAnyScenario('scenarios/401k-diversified.json');
    const c = { paths: 3000, seed: 2, gamma: 3, alpha: 0.05, percentiles: [50] };
    expect(JSON.stringify(await compareScenarios([us, other], { ...c, pool }))).toBe(JSON.stringify(await compareScenarios([us, other], { ...c, threads: 1 })));
  });
});
