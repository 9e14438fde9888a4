import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built CLI (npm test builds first), as a user runs it.
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

describe('pensim run / project / validate', () => {
  it('the same seed gives byte-identical JSON with --threads 1 and 2; --out writes it', () => {
    const a = pensim('run', 'scenarios/default.json', '--paths', '5000', '--seed', '3', '--threads', '1', '--format', 'json', '--quiet');
    const dir = mkdtempSync(join(tmpdir(), 'pensim-run-'));
    const out = join(dir, 'r.json');
    const b = pensim('run', 'scenarios/default.json', '--paths', '5000', '--seed', '3', '--threads', '2', '--format', 'json', '--out', out, '--quiet');
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(b.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(a.stdout);
    const r = JSON.parse(a.stdout) as { seed: number; paths: number; pensim: string; fan: { ages: number[] } };
    expect([r.seed, r.paths]).toEqual([3, 5000]);
    expect(r.fan.ages[0]).toBe(36);
  });

  it('csv has one row per series and age with a column per percentile', () => {
    const r = pensim('run', 'scenarios/default.json', '--paths', '500', '--format', 'csv', '--quiet');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('series,age,p5,p10,p25,p50,p75,p90,p95');
    // Capital at ages 36..77 (42 rows), gross and net payout at 67..76 (10 rows each).
    expect(lines).toHaveLength(1 + 42 + 10 + 10);
  });

  it('the table shows the headline metrics', () => {
    const r = pensim('run', 'scenarios/golden-smartepenger.json', '--paths', '200', '--quiet');
    expect(r.status).toBe(0);
    // GOLDEN.md G1, 30 years: capital 3 112 899, payout 383 792, net 239 793 (zero volatility).
    expect(r.stdout).toMatch(/Capital at payout start \(NOK\)\s+3 112 899\s+3 112 899/);
    expect(r.stdout).toMatch(/First yearly payout, gross \(NOK\)\s+383 792/);
    expect(r.stdout).toMatch(/First yearly payout, net \(NOK\)\s+239 793/);
  });

  it('project prints the ledger and reproduces GOLDEN.md G1 (30 years) in whole kroner', () => {
    const r = pensim('project', 'scenarios/golden-smartepenger.json', '--format', 'json');
    expect(r.status).toBe(0);
    const l = JSON.parse(r.stdout) as { summary: Record<string, number>; rows: { phase: string }[] };
    expect(Math.round(l.summary.capitalAtRetirement!)).toBe(3_112_899);
    expect(Math.round(l.summary.firstPayoutGross!)).toBe(383_792);
    expect(l.rows.filter((row) => row.phase === 'saving')).toHaveLength(30);
    const table = pensim('project', 'scenarios/golden-smartepenger.json');
    expect(table.stdout).toContain('Capital at payout start: 3 112 899 NOK');
  });

  // One test per scenario: each has the whole timeout (the loop of 25 exceeded one test's under load).
  const files = readdirSync(join(root, 'scenarios')).filter((f) => /\.(json|ya?ml)$/.test(f));
  it('the bundled scenarios are there', () => expect(files.length).toBeGreaterThanOrEqual(5));
  // `run` validates first (a scenario it refuses exits 2): the validate command has tests of its own.
  it.each(files)('bundled scenario %s validates and runs', (f) => {
    const r = pensim('run', join('scenarios', f), '--paths', '300', '--format', 'json', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { metrics: { capitalAtRetirement: { mean: number } } };
    expect(Number.isFinite(result.metrics.capitalAtRetirement.mean)).toBe(true);
  });
});
