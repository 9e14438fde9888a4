/**
 * One streaming engine for every plan kind: a Norwegian and a US scenario each give byte-identical
 * JSON on 1 and 3 threads for run, compare, sweep, shards + merge and a resumed checkpoint;
 * US shards merged in shuffled order equal the unsharded run; a US sweep's rows equal single runs
 * of its cells. Small path counts that still span several chunks and worker batches. The same
 * under the sobol sampler in its randomized blocks (random/randomized-blocks.ts), whose per-block
 * state (block means, block sketches, shortfall per block) travels from the workers and through
 * shard files and checkpoints.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The cases of the streaming-engine-*.test.ts files, which each take some of them (one file of all
 * of them ran a minute on one of the suite's two workers).
 */
import { simulateWithCheckpoint } from '../../src/engine/checkpoint.js';
import { CHUNK_SIZE } from '../../src/base/chunk-size.js';
import { compareScenarios } from '../../src/studies/compare.js';
import { loadAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { mergeShards, simulateShard } from '../../src/engine/shard.js';
import { checkAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { runSweep } from '../../src/studies/sweep.js';
import { sweepAxes, sweepCells } from '../../src/studies/sweep-grid.js';
import { sweepMetrics } from '../../src/studies/sweep-metrics.js';
import type { AnyScenario } from '../../src/plan/compiled-plan.js';
import type { Sampler } from '../../src/random/sampler.js';

const PATHS = 3 * CHUNK_SIZE + 17; // 4 chunks, the last one short: on 3 threads no worker has them all
// Inline against a pool of 3 on 2 cores (chunks reach the workers in an order the run does not
// choose): 2 and 4 threads added a third of the suite's time and no case 3 does not cover.
// The shards and the checkpoint on 3 threads against the run on 1.
const THREADS = [1, 3];
const KINDS: [string, string, string, Sampler, number[], number[]][] = [
  ['Norwegian', 'scenarios/hybrid-female.json', 'scenarios/hybrid-male.json', 'pseudo', THREADS, [3]],
  ['US', 'scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json', 'pseudo', THREADS, [3]],
  ['Norwegian, sobol in randomized blocks,', 'scenarios/hybrid-female.json', 'scenarios/hybrid-male.json', 'sobol', [1, 3], [3]],
  ['US, sobol in randomized blocks,', 'scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json', 'sobol', [1, 3], [3]],
  // Through retirement (issue 22): the payout years' own streams, life-table lifetimes, both distribution routes.
  ['US with a payout', 'scenarios/ksop-retirement.json', 'scenarios/401k-retirement.json', 'pseudo', [1, 3], [3]],
];

/** The run, compare and shard cases of the KINDS whose label is in `labels`. */
export function streamingCases(labels: readonly string[]): void {
// The calling file's own directory: this module is evaluated once per test worker (vitest's
// isolate: false), so a directory made at its top would be removed by the first file's afterAll.
const TMP = mkdtempSync(join(tmpdir(), 'pensim-stream-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
describe.each(KINDS.filter((k) => labels.includes(k[0])))('%s scenarios: the thread count changes no digit', (_, fileA, fileB, sampler, threadCounts, shardThreads) => {
  const withSampler = <T extends AnyScenario>(s: T): T => ({ ...s, simulation: { ...s.simulation, sampler } });
  const load = async () => (await Promise.all([loadAnyScenario(fileA), loadAnyScenario(fileB)])).map(withSampler);

  it.each(['exact', 'sketch'] as const)('run (%s percentiles)', async (method) => {
    const [a] = await load();
    const runs = await Promise.all(threadCounts.map(async (threads) => JSON.stringify(await simulate(a!, { paths: PATHS, seed: 5, threads, percentileMethod: method }))));
    for (const r of runs) expect(r).toBe(runs[0]);
  });

  it.each(['exact', 'sketch'] as const)('compare (%s figures)', async (method) => {
    const [a, b] = await load();
    const all: string[] = [];
    for (const threads of threadCounts) {
      all.push(JSON.stringify(await compareScenarios([a!, b!], { paths: PATHS, seed: 5, threads, gamma: 3, alpha: 0.05, percentiles: [5, 50, 95], percentileMethod: method })));
    }
    for (const r of all) expect(r).toBe(all[0]);
  });

  it('shards merged in shuffled order, and a resumed checkpoint, equal the unsharded run', async () => {
    const [a] = await load();
    const opts = { paths: PATHS, seed: 9, percentileMethod: 'sketch' as const };
    const whole = JSON.stringify(await simulate(a!, { ...opts, threads: 1 }));
    expect((JSON.parse(whole) as { intervals: { method: string } }).intervals.method).toBe(sampler === 'pseudo' ? 'order-statistic' : 'randomized-blocks');
    for (const threads of shardThreads) {
      const parts = await Promise.all([0, 1, 2].map((index) => simulateShard(a!, { index, count: 3 }, { ...opts, threads })));
      const files = [parts[2], parts[0], parts[1]].map((p, i) => ({ source: `part-${i}.json`, file: JSON.parse(JSON.stringify(p)) as unknown }));
      expect(JSON.stringify(mergeShards(files, checkAnyScenario))).toBe(whole);
      const file = join(TMP, `${fileA.replace(/\W/g, '-')}-${sampler}-${threads}.json`);
      const controller = new AbortController();
      let done = 0;
      const first = simulateWithCheckpoint(a!, file, { ...opts, threads, signal: controller.signal, saveEveryMs: 0, onProgress: () => ++done === 2 && controller.abort(new Error('stop')) });
      await expect(first).rejects.toThrow('stop');
      expect(JSON.stringify(await simulateWithCheckpoint(a!, file, { ...opts, threads }))).toBe(whole);
    }
  });
});

}

/** The sweeps of both plan kinds on several thread counts. */
export function sweepCases(): void {
describe('sweeps of any plan kind', () => {
  const sweep = async (base: AnyScenario, grid: string[], metrics: string[], threads: number) => {
    const axes = sweepAxes(base, grid);
    return runSweep(base, axes, sweepCells(base, axes), sweepMetrics(metrics, base), { paths: 3 * CHUNK_SIZE, seed: 3, threads, percentileMethod: 'sketch' });
  };

  it('a US sweep over idiosyncratic volatility × deferral stock share: rows equal single runs of the cells, on any thread count', async () => {
    const base = await loadAnyScenario('scenarios/ksop-concentrated.json');
    const grid = ['employerStock.idiosyncraticVolatility=0.2,0.5', 'plan.deferralStockShare=0,0.6'];
    const metrics = ['capitalAtRetirement.p5', 'capitalAtRetirement.p50', 'employerStockShare.mean', 'afterTaxBest.mean'];
    const one = await sweep(base, grid, metrics, 1);
    expect(one.rows).toHaveLength(4);
    const cells = sweepCells(base, sweepAxes(base, grid));
    for (const [i, cell] of cells.entries()) {
      const single = await simulate(cell.scenario, { paths: 3 * CHUNK_SIZE, seed: 3, threads: 1, percentileMethod: 'sketch' });
      expect(one.rows[i]!.values['capitalAtRetirement.p50']).toBe(single.metrics.capitalAtRetirement.percentiles.p50);
      expect(one.rows[i]!.values['employerStockShare.mean']).toBe((single.metrics as { employerStockShare: { mean: number } }).employerStockShare.mean);
    }
    // More company stock held: a larger share at retirement, whatever the volatility.
    expect(one.rows[1]!.values['employerStockShare.mean']!).toBeGreaterThan(one.rows[0]!.values['employerStockShare.mean']!);
    for (const threads of [2, 3]) expect(JSON.stringify(await sweep(base, grid, metrics, threads))).toBe(JSON.stringify(one));
  });

  it('a Norwegian sweep is the same on 1 and 4 threads', async () => {
    const base = await loadAnyScenario('scenarios/default.json');
    const grid = ['profile.weights.equity=0.2,0.8'];
    const metrics = ['capitalAtRetirement.p50', 'replacementRatio.mean'];
    expect(JSON.stringify(await sweep(base, grid, metrics, 4))).toBe(JSON.stringify(await sweep(base, grid, metrics, 1)));
  });
});
}
