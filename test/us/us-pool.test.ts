/**
 * US plans on the worker pool: the same numbers as the inline run, digit for digit, on any number
 * of threads (each chunk's paths land at their fixed offsets).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadUsScenario } from '../../src/scenario/load-us-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { usRun } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');

describe('US plans on the pool', () => {
  it('equal the inline run on 1, 2 and 3 threads (5 chunks, the last one partial), path by path', async () => {
    const scenario = await loadUsScenario(join(root, 'scenarios/ksop-enron-stress.json'));
    const inline = await usRun(scenario, { paths: 9000, seed: 3 });
    for (const threads of [1, 2, 3]) {
      const pooled = await usRun(scenario, { paths: 9000, seed: 3, threads });
      expect(JSON.stringify(pooled.result)).toBe(JSON.stringify(inline.result));
      expect(pooled.values).toEqual(inline.values);
      expect(pooled.capitalByAge).toEqual(inline.capitalByAge);
    }
  });

  it('an aborted run rejects and leaves no worker behind', async () => {
    const scenario = await loadUsScenario(join(root, 'scenarios/ksop-concentrated.json'));
    const controller = new AbortController();
    const run = simulate(scenario, { paths: 200_000, seed: 1, threads: 2, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped')), 50);
    await expect(run).rejects.toThrow(/stopped/);
  });
});

describe('pensim run on a US plan takes --threads', () => {
  it('the JSON is byte-identical on 1 and 2 threads', () => {
    const run = (threads: string) =>
      spawnSync(process.execPath, [cli, 'run', 'scenarios/ksop-concentrated.json', '--paths', '5000', '--threads', threads, '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const one = run('1');
    const two = run('2');
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
