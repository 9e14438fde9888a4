/**
 * The WebAssembly loops change no digit of a run: `pensim run` gives the same JSON with them
 * (the default) and without them (PENSIM_WASM=0, every loop in JS), on the year-major kernel
 * (bench-reference), the path-by-path kernel (uncertain pay) and a US plan, above the exact-
 * percentile limit so that the sketches are used, on 2 threads. Where the address space is too
 * small for a WebAssembly memory (ulimit -v), the run falls back to JS with the same JSON.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'dist/src/cli/main.js';

const ARGS = ['--paths', '120000', '--threads', '2', '--seed', '4', '--format', 'json', '--quiet'];

function run(scenario: string, wasm: boolean): string {
  const r = spawnSync(process.execPath, [CLI, 'run', `scenarios/${scenario}`, ...ARGS], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PENSIM_WASM: wasm ? '' : '0' },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('PENSIM_WASM=0 gives the same run', () => {
  for (const scenario of ['bench-reference.json', 'hybrid-in-g-uncertain-pay.json', 'ksop-concentrated.json']) {
    it(scenario, () => {
      const on = run(scenario, true);
      expect(JSON.parse(on).percentileMethod).toBe('sketch');
      expect(run(scenario, false)).toBe(on);
    });
  }
});

it('a 3 GB address-space limit (no room for a WebAssembly memory) leaves the run to JS, with the same JSON', () => {
  const limited = spawnSync('sh', ['-c', `ulimit -v 3000000 && exec "${process.execPath}" ${CLI} run scenarios/bench-reference.json ${ARGS.join(' ')}`], { cwd: ROOT, encoding: 'utf8' });
  expect(limited.status, limited.stderr).toBe(0);
  expect(limited.stdout).toBe(run('bench-reference.json', true));
});
