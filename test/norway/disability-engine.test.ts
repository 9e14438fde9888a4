/**
 * Disability through the engine (issue 24 acceptance): the thread count, shards merged in any order
 * and a resumed checkpoint change no byte; incidence 0 changes no figure the run had without the
 * section (the disability stream is its own, so markets, wages and lifetimes are the same draws).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../src/base/chunk-size.js';
import { simulateWithCheckpoint } from '../../src/engine/checkpoint.js';
import { mergeShards, simulateShard } from '../../src/engine/shard.js';
import { simulate } from '../../src/engine/simulate.js';
import { checkAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { scenarioFrom } from './helpers.js';

const TMP = mkdtempSync(join(tmpdir(), 'pensim-dis-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const PATHS = 4 * CHUNK_SIZE + 9; // 5 chunks, the last one short
const s = scenarioFrom('otp-with-disability.json', { disability: { recovery: 0.1 } });

// The same with a drawn degree (its own stream) and the groups' fans (derived columns).
const drawn = scenarioFrom('otp-with-disability.json', { disability: { recovery: 0.1, degree: { kind: 'nav-2022' }, groupFans: true } });

describe.each([
  ['the waiver, a disability pension, recovery', s],
  ["with NAV's drawn degree and the groups' fans", drawn],
] as const)('disability (%s): the engine changes no byte', (_name, s) => {
  it.each(['exact', 'sketch'] as const)('run on 1, 2 and 3 threads (%s percentiles)', async (method) => {
    const runs = await Promise.all([1, 2, 3].map(async (threads) => JSON.stringify(await simulate(s, { paths: PATHS, seed: 7, threads, percentileMethod: method }))));
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
    expect(JSON.parse(runs[0]!).disability.disabled.paths).toBeGreaterThan(0);
  });

  it('shards merged in shuffled order, and a resumed checkpoint, equal the unsharded run', async () => {
    const opts = { paths: PATHS, seed: 9, percentileMethod: 'sketch' as const };
    const whole = JSON.stringify(await simulate(s, { ...opts, threads: 1 }));
    const parts = await Promise.all([0, 1, 2].map((index) => simulateShard(s, { index, count: 3 }, { ...opts, threads: 2 })));
    const files = [parts[2], parts[0], parts[1]].map((p, i) => ({ source: `part-${i}.json`, file: JSON.parse(JSON.stringify(p)) as unknown }));
    expect(JSON.stringify(mergeShards(files, checkAnyScenario))).toBe(whole);
    const file = join(TMP, `checkpoint-${s === drawn ? 'drawn' : 'base'}.json`);
    const controller = new AbortController();
    let done = 0;
    const first = simulateWithCheckpoint(s, file, { ...opts, threads: 2, signal: controller.signal, saveEveryMs: 0, onProgress: () => ++done === 2 && controller.abort(new Error('stop')) });
    await expect(first).rejects.toThrow('stop');
    expect(JSON.stringify(await simulateWithCheckpoint(s, file, { ...opts, threads: 2 }))).toBe(whole);
  });
});

describe('disability: incidence 0', () => {

  it('incidence 0: every figure of the run without the section, to the byte', async () => {
    const without = scenarioFrom('otp-with-disability.json', { disability: undefined });
    const zero = scenarioFrom('otp-with-disability.json', { disability: { incidence: { kind: 'constant', rate: 0, scale: undefined } } });
    const opts = { paths: PATHS, seed: 3, threads: 2, percentileMethod: 'exact' as const };
    const a = JSON.parse(JSON.stringify(await simulate(without, opts))) as Record<string, Record<string, unknown>>;
    const b = JSON.parse(JSON.stringify(await simulate(zero, opts))) as Record<string, Record<string, unknown>>;
    expect(b.disability!.probability).toBe(0);
    for (const k of ['disabledBefore67', 'disabilityIncome', 'disabilityIncomeRatio', 'waiverGain']) delete b.metrics![k];
    delete b.disability;
    delete a.scenario!.hash;
    delete b.scenario!.hash;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe("the groups' fans", () => {
  // With groupFans the run's own capital and payout fans are read from the merge of the two groups'
  // sketches (engine/chunk-job.ts jobSketchAliases): they must equal the fans a run without the
  // groups' fans sketches from every path, to the bit, on any thread count.
  it("leave the run's fans of all paths as they are without them (sketch, 1 and 2 threads)", async () => {
    const plain = scenarioFrom('otp-with-disability.json', { disability: { recovery: 0.1 } });
    const fans = scenarioFrom('otp-with-disability.json', { disability: { recovery: 0.1, groupFans: true } });
    const opts = { paths: PATHS, seed: 5, percentileMethod: 'sketch' as const };
    for (const threads of [1, 2]) {
      const a = (await simulate(plain, { ...opts, threads })) as unknown as Record<string, unknown>;
      const b = (await simulate(fans, { ...opts, threads })) as unknown as Record<string, unknown>;
      expect(JSON.stringify(b.fan)).toBe(JSON.stringify(a.fan));
      expect(JSON.stringify(b.payoutFan)).toBe(JSON.stringify(a.payoutFan));
      expect(JSON.stringify(b.metrics)).toBe(JSON.stringify(a.metrics));
    }
  });
});

describe('disability in sweeps', () => {
  it("a sweep's group metrics are the single runs' figures; a metric the group lacks is refused naming --metrics", async () => {
    const { runSweep } = await import('../../src/studies/sweep.js');
    const { sweepAxes, sweepCells } = await import('../../src/studies/sweep-grid.js');
    const { sweepMetrics } = await import('../../src/studies/sweep-metrics.js');
    const axes = sweepAxes(s, ['disability.incidence.scale=0.5,1']);
    const names = ['disabledBefore67.mean', 'disabled.waiverGain.mean', 'notDisabled.capitalAtRetirement.p50'];
    const opts = { paths: CHUNK_SIZE, seed: 4, threads: 1, percentileMethod: 'sketch' as const };
    const out = await runSweep(s, axes, sweepCells(s, axes), sweepMetrics(names, s), opts);
    for (const [i, cell] of sweepCells(s, axes).entries()) {
      const r = (await simulate(cell.scenario, opts)) as import('../../src/result/simulation-result.js').SimulationResult;
      expect(out.rows[i]!.values['disabledBefore67.mean']).toBe(r.disability!.probability);
      expect(out.rows[i]!.values['disabled.waiverGain.mean']).toBe(r.disability!.disabled!.metrics.waiverGain!.mean);
      expect(out.rows[i]!.values['notDisabled.capitalAtRetirement.p50']).toBe(r.disability!.others!.metrics.capitalAtRetirement!.percentiles.p50);
    }
    expect(out.rows[1]!.values['disabledBefore67.mean']!).toBeGreaterThan(out.rows[0]!.values['disabledBefore67.mean']!);
    expect(() => sweepMetrics(['notDisabled.waiverGain.mean'], s)).toThrow(/--metrics.*the notDisabled group's metrics are/);
  });
});
