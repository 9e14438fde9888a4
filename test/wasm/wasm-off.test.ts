/**
 * The WebAssembly loops change no digit of a run: `pensim run` gives the same JSON with them
 * (the default) and without them (PENSIM_WASM=0, every loop in JS), on the year-major kernel
 * (bench-reference), the path-by-path kernel (uncertain pay) and a US plan, with sketched
 * percentiles so that the sketches' WebAssembly insertion is used, on 2 threads. Where the address space is too
 * small for a WebAssembly memory (ulimit -v), the run falls back to JS with the same JSON. That
 * the JS loops did run is read from the line each thread prints per module under
 * PENSIM_WASM_REPORT=1 (src/wasm/wasm-report.ts), not assumed from the environment.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'dist/bundle/cli/pensim.js';

// Sketched percentiles asked for, so a few chunks use the sketches (the exact limit is 100 000 paths).
const ARGS = ['--paths', '12000', '--percentile-method', 'sketch', '--threads', '2', '--seed', '4', '--format', 'json', '--quiet'];

/** The run's JSON, and what each thread said of its modules (PENSIM_WASM_REPORT=1, src/wasm/wasm-report.ts). */
function run(scenario: string, wasm: boolean): { stdout: string; modules: Map<string, Set<string>> } {
  const r = spawnSync(process.execPath, [CLI, 'run', `scenarios/${scenario}`, ...ARGS], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PENSIM_WASM: wasm ? '' : '0', PENSIM_WASM_REPORT: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  return { stdout: r.stdout, modules: reported(r.stderr) };
}

/** module → the ways it ran ('WebAssembly' or 'JS (why)'), over all threads. */
function reported(stderr: string): Map<string, Set<string>> {
  const modules = new Map<string, Set<string>>();
  for (const m of stderr.matchAll(/^pensim wasm: thread \d+: (\w+): (.*)$/gm)) {
    if (!modules.has(m[1]!)) modules.set(m[1]!, new Set());
    modules.get(m[1]!)!.add(m[2]!);
  }
  return modules;
}

describe('PENSIM_WASM=0 gives the same run, and its loops really run in JS', () => {
  // The year-major kernel and the US kernel draw their normals through the WebAssembly market; every run sketches.
  for (const [scenario, used] of [
    ['bench-reference.json', ['normals', 'sketch']],
    ['hybrid-in-g-uncertain-pay.json', ['sketch']],
    ['ksop-concentrated.json', ['normals', 'sketch']],
  ] as const) {
    it(scenario, () => {
      const on = run(scenario, true);
      expect(JSON.parse(on.stdout).percentileMethod).toBe('sketch');
      const off = run(scenario, false);
      expect(off.stdout).toBe(on.stdout);
      for (const module of used) {
        expect([...(on.modules.get(module) ?? [])], `${module} with WebAssembly`).toEqual(['WebAssembly']);
        expect([...(off.modules.get(module) ?? [])], `${module} with PENSIM_WASM=0`).toEqual(['JS (PENSIM_WASM=0)']);
      }
    });
  }
});

it('a 3 GB address-space limit (no room for a WebAssembly memory) leaves the run to JS, with the same JSON', () => {
  const limited = spawnSync('sh', ['-c', `ulimit -v 3000000 && exec "${process.execPath}" ${CLI} run scenarios/bench-reference.json ${ARGS.join(' ')}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PENSIM_WASM_REPORT: '1' },
  });
  expect(limited.status, limited.stderr).toBe(0);
  // The sketch's shared memory (4 GB reserved) cannot be had: its JS loop ran.
  expect([...(reported(limited.stderr).get('sketch') ?? [])]).toEqual(['JS (no room for its memory)']);
  expect(limited.stdout).toBe(run('bench-reference.json', true).stdout);
});
