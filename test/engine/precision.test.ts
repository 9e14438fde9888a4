/**
 * Run to precision (studies/simulate-to-precision.ts): blocks of whole chunks in a fixed order until
 * every headline figure's 95 % half-width is within the tolerance. The result is the plain run of
 * the same path count (byte for byte, the precision block aside), on any thread count; a cap stops
 * it and says so; bad flags exit 2.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { MAX_GROWTH, nextStep, SAFETY, simulateToPrecision } from '../../src/studies/simulate-to-precision.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');

describe('simulateToPrecision', () => {
  it('stops when every headline half-width is within 4 %, and equals the plain run of that many paths, on 1 and 2 threads', async () => {
    const s = await loadAnyScenario('scenarios/default.json');
    const one = await simulateToPrecision(s, { precision: 0.04, maxPaths: 2_000_000, threads: 1, percentileMethod: 'sketch' });
    const p = one.precision;
    expect(p.met).toBe(true);
    expect(p.stoppedByCap).toBe(false);
    expect(p.reached).toBeLessThanOrEqual(0.04);
    // Amounts within 4 % of themselves; the shortfall probability within ±0.25 pp (the default), not a share of itself.
    for (const f of p.figures) expect(f.halfWidth).toBeLessThanOrEqual(f.rule === 'relative' ? 0.04 * Math.abs(f.value) : 0.0025);
    expect(p.figures.find((f) => f.name === 'shortfall')).toMatchObject({ rule: 'absolute', allowed: 0.0025 });
    expect(p.reachedPp).toBeLessThanOrEqual(0.25);
    expect(p.figures.map((f) => f.name)).toEqual(expect.arrayContaining(['capitalAtRetirement.mean', 'capitalAtRetirement.p5', 'payoutGross.p95', 'shortfall']));
    // Blocks are whole chunks: the path count is a multiple of 2 048, and at least the first block.
    expect(p.paths % 2048).toBe(0);
    expect(p.paths).toBeGreaterThanOrEqual(16 * 2048);
    const { precision: _, ...result } = one;
    const plain = await simulate(s, { paths: p.paths, threads: 1, percentileMethod: 'sketch' });
    expect(JSON.stringify(result)).toBe(JSON.stringify(plain));
    const two = await simulateToPrecision(s, { precision: 0.04, maxPaths: 2_000_000, threads: 2, percentileMethod: 'sketch' });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('exact percentiles: each round reads the paths run so far (the plain run of that many paths), not the first round\'s', async () => {
    const s = await loadAnyScenario('scenarios/bench-reference.json');
    const r = await simulateToPrecision(s, { precision: 0.003, maxPaths: 98_304, threads: 1, percentileMethod: 'exact' });
    expect(r.precision.paths).toBeGreaterThan(16 * 2048);
    const { precision: _, ...result } = r;
    expect(JSON.stringify(result)).toBe(JSON.stringify(await simulate(s, { paths: r.precision.paths, threads: 1, percentileMethod: 'exact' })));
  });

  it('under sobol its half-widths are those of the randomized blocks (t × stderr for the mean), and it equals the plain run on 1 and 2 threads', async () => {
    const base = await loadAnyScenario('scenarios/sobol-reference.json');
    const one = await simulateToPrecision(base, { precision: 0.01, maxPaths: 400_000, threads: 1, percentileMethod: 'sketch' });
    expect(one.intervals.method).toBe('randomized-blocks');
    const mean = one.precision.figures.find((f) => f.name === 'capitalAtRetirement.mean')!;
    expect(mean.halfWidth).toBe(one.intervals.multiplier * one.metrics.capitalAtRetirement.stderr);
    const p50 = one.precision.figures.find((f) => f.name === 'capitalAtRetirement.p50')!;
    const [lo, hi] = one.metrics.capitalAtRetirement.ci95!.p50!;
    expect(p50.halfWidth).toBe((hi - lo) / 2);
    const { precision: _, ...result } = one;
    expect(JSON.stringify(result)).toBe(JSON.stringify(await simulate(base, { paths: one.precision.paths, threads: 1, percentileMethod: 'sketch' })));
    expect(JSON.stringify(await simulateToPrecision(base, { precision: 0.01, maxPaths: 400_000, threads: 2, percentileMethod: 'sketch' }))).toBe(JSON.stringify(one));
  });

  it('a cap below what the precision needs stops the run there and says so (a US plan)', async () => {
    const s = await loadAnyScenario('scenarios/401k-diversified.json');
    const r = await simulateToPrecision(s, { precision: 0.001, maxPaths: 40_000, threads: 1 });
    expect(r.precision.met).toBe(false);
    expect(r.precision.stoppedByCap).toBe(true);
    expect(r.paths).toBe(40_000);
    expect(r.precision.reached).toBeGreaterThan(0.001);
  });
});

describe('steps that grow by the estimated need', () => {
  it('nextStep: n · ratio² · 1.1 in whole chunks, at least one chunk more, at most 8 times the chunks so far', () => {
    expect(SAFETY).toBe(1.1);
    expect(MAX_GROWTH).toBe(8);
    // The doc's example: 32 768 paths at twice the allowed half-width: 32 768 · 4 · 1.1 / 2 048 = 70.4, so 71 chunks.
    expect(nextStep(32_768, 16, 2, 10_000)).toBe(71);
    // Just above: 32 768 · 1.0201 · 1.1 / 2 048 = 17.95, so 18 chunks (not 32).
    expect(nextStep(32_768, 16, 1.01, 10_000)).toBe(18);
    // Far off, or a half-width with nothing to compare it to: 8 times the chunks so far; never past the cap.
    expect(nextStep(32_768, 16, 100, 10_000)).toBe(128);
    expect(nextStep(32_768, 16, Infinity, 10_000)).toBe(128);
    expect(nextStep(32_768, 16, 2, 40)).toBe(40);
    // An estimated need below what has run: one chunk more.
    expect(nextStep(32_768, 16, 0.9, 10_000)).toBe(17);
  });

  it('stops within 1.5 times the paths the first step says are needed, on both sides (pseudo: independent paths)', async () => {
    const s = await loadAnyScenario('scenarios/bench-reference.json');
    const target = 0.005;
    const r = await simulateToPrecision(s, { precision: target, maxPaths: 4_000_000, threads: 1, percentileMethod: 'sketch' });
    expect(r.precision.met).toBe(true);
    // The need, from a plain run of the first step's 32 768 paths, its own intervals: each headline
    // amount's half-width (1.96 SE for a mean, half the order-statistic interval for a percentile)
    // over 0.5 % of it; a half-width falls as 1/√n, so n = 32 768 · (worst ratio)².
    const first = await simulate(s, { paths: 32_768, threads: 1, percentileMethod: 'sketch' });
    const ratios: number[] = [];
    for (const m of [first.metrics.capitalAtRetirement, first.metrics.payoutGross]) {
      ratios.push((1.96 * m.stderr) / (target * m.mean));
      for (const k of ['p5', 'p50', 'p95']) ratios.push((m.ci95![k]![1] - m.ci95![k]![0]) / 2 / (target * m.percentiles[k]!));
    }
    const needed = 32_768 * Math.max(...ratios) ** 2;
    expect(needed).toBeGreaterThan(2 * 32_768);
    // The factor: the 1.1 aimed past the need, a chunk of rounding, and the noise of the half-width
    // estimates (a few % for order-statistic intervals at these sizes) in each direction. Doubling
    // (the rule before) would have stopped at 32 768 · 2^k: up to twice the need.
    expect(r.precision.paths).toBeLessThanOrEqual(1.5 * needed);
    expect(r.precision.paths).toBeGreaterThanOrEqual(needed / 1.5);
    expect(r.precision.steps.at(-1)).toBe(r.precision.paths);
    expect(r.precision.steps[0]).toBe(32_768);
  });
});

describe('pensim run --precision', () => {
  const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, 'run', ...args], { cwd: root, encoding: 'utf8' });
  it('prints what it reached under the table', () => {
    const r = pensim('scenarios/default.json', '--precision', '4%', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Run to precision: every headline figure's 95 % half-width is within 4\.00 % after \d+ paths/m);
  });
  it.each([
    [['--precision', '0'], /--precision: must be a relative half-width between 0 and 100 %/],
    [['--precision', 'abc'], /--precision: must be a relative half-width/],
    [['--precision', '1%', '--paths', '5000'], /--precision: cannot be combined with --paths/],
    [['--max-paths', '100000'], /--max-paths: is the cap of a run to precision: give --precision too/],
    [['--precision-pp', '0.5'], /--precision-pp: is part of a run to precision: give --precision too/],
    [['--precision', '1%', '--precision-pp', '0'], /--precision-pp: must be a half-width in percentage points/],
    [['--precision', '1%', '--precision-pp', '60'], /--precision-pp: must be a half-width in percentage points/],
  ])('%j exits 2 naming the flag', (args, message) => {
    const r = pensim('scenarios/default.json', ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
