/**
 * Worker faults, injected through PENSIM_INJECT_FAULT (engine/injected-fault.ts): a chunk that
 * throws, or a worker thread that exits mid-run, ends the run with a ChunkFailure naming the chunk;
 * the pool is destroyed (no worker thread is left); the CLI exits 1 with that message and leaves
 * no output file (nor a temporary sibling), and the process ends on its own.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ChunkFailure } from '../../src/engine/chunk-failure.js';
import { FAULT_VARIABLE } from '../../src/engine/injected-fault.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { DEFAULT_SCENARIO, startCli, threadCount, threadsSettledTo } from './cli-process.js';

const TMP = mkdtempSync(join(tmpdir(), 'pensim-fault-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
afterEach(() => {
  delete process.env[FAULT_VARIABLE];
});

describe('a failing chunk through the library', () => {
  for (const [fault, threads] of [['throw:3', 2], ['exit:3', 2], ['throw:3', 1]] as const) {
    it(`${fault} on ${threads} thread(s): rejects with a ChunkFailure naming chunk 3, and no worker is left`, async () => {
      const scenario = await loadScenario(DEFAULT_SCENARIO);
      const before = threadCount();
      process.env[FAULT_VARIABLE] = fault;
      const run = simulate(scenario, { paths: 10 * 2048, threads });
      await expect(run).rejects.toBeInstanceOf(ChunkFailure);
      await expect(run).rejects.toThrow(/^chunk 3 \(paths 6144 to 8191\) failed: /);
      expect(await threadsSettledTo(before)).toBeLessThanOrEqual(before);
    });
  }

  it('without the fault the same run succeeds (the injection is what fails it)', async () => {
    const scenario = await loadScenario(DEFAULT_SCENARIO);
    const result = await simulate(scenario, { paths: 10 * 2048, threads: 2 });
    expect(result.paths).toBe(10 * 2048);
  });
});

describe('a failing chunk through the CLI', () => {
  for (const fault of ['throw:3', 'exit:3']) {
    it(`${fault}: exit 1, the chunk named, no output file, no hung process`, async () => {
      const out = join(TMP, `out-${fault.replace(':', '-')}.json`);
      const { exited } = startCli(['run', DEFAULT_SCENARIO, '--paths', '40000', '--threads', '2', '--format', 'json', '--out', out, '--quiet'], {
        [FAULT_VARIABLE]: fault,
      });
      const r = await exited;
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^pensim: the run failed and no output was written: chunk 3 \(paths 6144 to 8191\) failed: /);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(TMP).filter((f) => f.startsWith('out-'))).toEqual([]);
    });
  }
});
