/**
 * Resource limits (engine/limits.ts, load-scenario.ts, sweep-grid.ts): a run above MAX_PATH_YEARS,
 * exact percentiles above MAX_EXACT_BYTES, a sweep grid above MAX_CELLS or above MAX_PATH_YEARS in
 * total, and a scenario file above MAX_SCENARIO_BYTES are refused before any work, naming the
 * limit; --allow-large (allowLarge) lifts the run and grid limits.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRunSize, MAX_EXACT_BYTES, MAX_PATH_YEARS } from '../../src/engine/limits.js';
import { loadScenario, MAX_SCENARIO_BYTES } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { MAX_CELLS, sweepAxes } from '../../src/studies/sweep-grid.js';
import { UserError } from '../../src/base/user-error.js';
import { CLI, DEFAULT_SCENARIO } from './cli-process.js';

const TMP = mkdtempSync(join(tmpdir(), 'pensim-limits-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const pensim = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });

describe('run size', () => {
  it('paths × years above MAX_PATH_YEARS is refused up front (a UserError naming the limit), and allowed with allowLarge', async () => {
    const scenario = await loadScenario(DEFAULT_SCENARIO); // 41 simulated years (36 to 77)
    const started = performance.now();
    const run = simulate(scenario, { paths: 100_000_000, threads: 2 });
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow(/paths: 100000000 paths × 41 years = 4\.10e\+9 path-years is above the limit of 1e\+9 path-years \(MAX_PATH_YEARS\).*--allow-large/);
    expect(performance.now() - started).toBeLessThan(5_000); // refused, not run (the run would take an hour)
    expect(() => checkRunSize({ paths: 100_000_000, years: 41, series: 70, method: 'sketch' }, true)).not.toThrow();
    expect(() => checkRunSize({ paths: Math.floor(MAX_PATH_YEARS / 41), years: 41, series: 70, method: 'sketch' })).not.toThrow();
  });

  it('exact percentiles above MAX_EXACT_BYTES are refused, naming the memory and the sketch alternative', async () => {
    const scenario = await loadScenario(DEFAULT_SCENARIO);
    const run = simulate(scenario, { paths: 5_000_000, threads: 2, percentileMethod: 'exact' });
    await expect(run).rejects.toThrow(/percentileMethod: exact percentiles of 5000000 paths keep \d+ MiB .*above the limit of 1024 MiB \(MAX_EXACT_BYTES\); use --percentile-method sketch/);
    expect(() => checkRunSize({ paths: MAX_EXACT_BYTES / 8 / 64 + 1, years: 40, series: 64, method: 'exact' })).toThrow(UserError);
    expect(() => checkRunSize({ paths: MAX_EXACT_BYTES / 8 / 64, years: 40, series: 64, method: 'exact' })).not.toThrow();
  });

  it('the CLI: exit 2 naming the limit, no output', () => {
    const r = pensim('run', DEFAULT_SCENARIO, '--paths', '100000000', '--quiet');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^pensim: .*paths: .*MAX_PATH_YEARS.*--allow-large/);
  });
});

describe('sweep grid', () => {
  it(`above MAX_CELLS (${MAX_CELLS}) cells: refused naming the limit; --allow-large lifts it`, async () => {
    const base = await loadScenario(DEFAULT_SCENARIO);
    const values = Array.from({ length: 101 }, (_, i) => (0.02 + i * 0.0002).toFixed(4)).join(',');
    const fees = Array.from({ length: 100 }, (_, i) => (i * 0.0001).toFixed(4)).join(',');
    const grid = [`plan.contribution.rate=${values}`, `profile.fees.managementRate=${fees}`];
    expect(() => sweepAxes(base, grid)).toThrow(/--grid: the grid has 10100 cells, above the limit of 10000 \(MAX_CELLS\); give --allow-large/);
    expect(sweepAxes(base, grid, true)).toHaveLength(2);
    const r = pensim('sweep', DEFAULT_SCENARIO, '--grid', grid[0]!, '--grid', grid[1]!, '--quiet');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/MAX_CELLS/);
  });

  it('cells × paths × years above MAX_PATH_YEARS: refused before the first cell runs', () => {
    const started = performance.now();
    const r = pensim('sweep', DEFAULT_SCENARIO, '--grid', 'plan.contribution.rate=0.03,0.05,0.07', '--paths', '10000000', '--quiet');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pensim: .*3 cells × 10000000 paths × 41 years = 1\.23e\+9 path-years is above the limit .*MAX_PATH_YEARS/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('scenario file size', () => {
  it(`a file above MAX_SCENARIO_BYTES (${MAX_SCENARIO_BYTES}) is refused before it is read`, async () => {
    const big = JSON.parse(readFileSync(DEFAULT_SCENARIO, 'utf8')) as Record<string, unknown>;
    big.description = 'x'.repeat(MAX_SCENARIO_BYTES);
    const file = join(TMP, 'big.json');
    writeFileSync(file, JSON.stringify(big));
    await expect(loadScenario(file)).rejects.toThrow(/bytes; scenario files are limited to 1000000 bytes/);
    const r = pensim('run', file, '--quiet');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/limited to 1000000 bytes/);
  });
});
