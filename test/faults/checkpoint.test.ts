/**
 * --checkpoint: a run interrupted part-way and resumed from its checkpoint gives exactly the result
 * of an uninterrupted run (byte for byte as JSON). Through the library (abort after some chunks),
 * and through the built CLI (SIGINT, then the same command again). Exact-percentile runs and a
 * checkpoint of another run are refused with a UserError naming --checkpoint.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGNAL_READY_LINE } from '../../src/cli/signals.js';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_FORMAT, simulateWithCheckpoint, type CheckpointFile } from '../../src/engine/checkpoint.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { UserError } from '../../src/base/user-error.js';
import { DEFAULT_SCENARIO, sleep, startCli } from './cli-process.js';

const TMP = mkdtempSync(join(tmpdir(), 'pensim-checkpoint-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const PATHS = 40 * 2048 + 100; // 41 chunks, the last one short
const savedChunks = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as CheckpointFile).state.chunks.length;

describe('checkpoint and resume through the library', () => {
  for (const threads of [1, 2]) {
    it(`aborted after 12 chunks, resumed: identical to an uninterrupted run (${threads} thread(s))`, async () => {
      const scenario = await loadScenario(DEFAULT_SCENARIO);
      const base = { paths: PATHS, seed: 11, threads, percentileMethod: 'sketch' as const };
      const whole = JSON.stringify(await simulate(scenario, base));
      const file = join(TMP, `lib-${threads}.json`);
      const controller = new AbortController();
      let chunks = 0;
      const first = simulateWithCheckpoint(scenario, file, {
        ...base,
        signal: controller.signal,
        saveEveryMs: 0,
        onProgress: () => ++chunks === 12 && controller.abort(new Error('stop here')),
      });
      await expect(first).rejects.toThrow('stop here');
      const saved = savedChunks(file);
      expect(saved).toBeGreaterThanOrEqual(12);
      expect(saved).toBeLessThan(41);
      let resumedChunks = 0;
      const resumed = await simulateWithCheckpoint(scenario, file, { ...base, onProgress: () => resumedChunks++ });
      expect(resumedChunks).toBe(41 - saved); // only the missing chunks ran
      expect(JSON.stringify(resumed)).toBe(whole);
      expect(savedChunks(file)).toBe(41);
    });
  }

  it('refuses exact percentiles, and a checkpoint of another run', async () => {
    const scenario = await loadScenario(DEFAULT_SCENARIO);
    const file = join(TMP, 'other.json');
    await expect(simulateWithCheckpoint(scenario, file, { paths: 5000, threads: 1, percentileMethod: 'exact' })).rejects.toThrow(
      /--checkpoint: checkpoints need the sketch percentile method/,
    );
    await simulateWithCheckpoint(scenario, file, { paths: 5000, seed: 1, threads: 1, percentileMethod: 'sketch' });
    const other = simulateWithCheckpoint(scenario, file, { paths: 5000, seed: 2, threads: 1, percentileMethod: 'sketch' });
    await expect(other).rejects.toBeInstanceOf(UserError);
    await expect(other).rejects.toThrow(/--checkpoint: is a checkpoint of another run \(its seed differ/);
    writeFileSync(file, '{"format":"something else"}');
    await expect(simulateWithCheckpoint(scenario, file, { paths: 5000, threads: 1, percentileMethod: 'sketch' })).rejects.toThrow(
      `is not a pensim checkpoint (expected format "${CHECKPOINT_FORMAT}")`,
    );
  });
});

describe('checkpoint and resume through the CLI', () => {
  it('SIGINT part-way, then the same command: byte-identical to an uninterrupted run; the checkpoint is removed', async () => {
    const args = ['run', DEFAULT_SCENARIO, '--paths', '400000', '--seed', '5', '--threads', '2', '--format', 'json', '--quiet'];
    const wholeOut = join(TMP, 'whole.json');
    const whole = await startCli([...args, '--out', wholeOut]).exited;
    expect(whole.code).toBe(0);
    const out = join(TMP, 'resumed.json');
    const checkpoint = join(TMP, 'run.checkpoint');
    const first = startCli([...args, '--out', out, '--checkpoint', checkpoint], { PENSIM_SIGNAL_READY: '1' });
    // Signalled only once its handlers are installed (before, a SIGINT would kill it outright) and a checkpoint exists.
    await first.saidOnStderr(SIGNAL_READY_LINE);
    while (!existsSync(checkpoint) && first.child.exitCode === null) await sleep(20);
    first.child.kill('SIGINT');
    const stopped = await first.exited;
    expect(stopped.code).toBe(130);
    expect(existsSync(out)).toBe(false);
    const saved = savedChunks(checkpoint);
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(Math.ceil(400000 / 2048));
    const second = await startCli([...args, '--out', out, '--checkpoint', checkpoint]).exited;
    expect(second.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(wholeOut, 'utf8'));
    expect(existsSync(checkpoint)).toBe(false);
  });
});
