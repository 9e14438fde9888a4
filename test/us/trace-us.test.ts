/**
 * `pensim trace` on a US plan: the traced path is exactly the run's path (same draws), and its
 * yearly ledger adds up to the run's per-path outputs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadUsScenario } from '../../src/scenario/load-us-scenario.js';
import { tracePath as traceUsPath } from '../../src/engine/trace-path.js';
import { usRun } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');

describe('traceUsPath', async () => {
  const scenario = await loadUsScenario(join(root, 'scenarios/ksop-enron-stress.json'));
  const paths = 3000;
  const run = (await usRun(scenario, { paths, seed: 4 }));

  // Paths in the first and a later chunk (2 048 paths a chunk), with and without a default.
  for (const path of [0, 5, 2047, 2048, 2999]) {
    it(`path ${path}: every year-end value is the run's capital at the next age; the sums are the run's`, async () => {
      const t = traceUsPath(scenario, path, { paths, seed: 4 });
      expect(t.rows).toHaveLength(run.plan.nYears);
      t.rows.forEach((r, y) => expect(r.fundsEnd + r.stockEnd).toBe(run.capitalByAge[y + 1]![path]));
      const total = (f: (r: (typeof t.rows)[number]) => number) => t.rows.reduce((s, r) => s + f(r), 0);
      expect(total((r) => r.deferral)).toBeCloseTo(run.values.deferrals[path]!, 6);
      expect(total((r) => r.match + r.nonelective)).toBeCloseTo(run.values.employerMoney[path]!, 6);
      expect(total((r) => r.forfeited)).toBeCloseTo(run.values.forfeited[path]!, 6);
      expect(t.rows.filter((r) => r.defaulted).length).toBe(run.values.defaulted[path]);
      expect(t.outputs.terminalWealth).toBe(run.values.terminalWealth[path]);
      // From the default's year end there is no stock, and from the next year no match in stock.
      const d = t.rows.findIndex((r) => r.defaulted);
      if (d >= 0) {
        t.rows.slice(d).forEach((r) => expect(r.stockEnd).toBe(0));
        t.rows.slice(d + 1).forEach((r) => expect(r.matchInStock).toBe(false));
      }
    });
  }

  it('some traced paths default and some lose the job with it (the Enron-like scenario)', async () => {
    const traces = Array.from({ length: 40 }, (_, p) => traceUsPath(scenario, p, { paths, seed: 4 }));
    expect(traces.some((t) => t.rows.some((r) => r.defaulted))).toBe(true);
    expect(traces.some((t) => t.rows.some((r) => r.jobLost && r.defaulted))).toBe(true);
  });
});

describe('pensim trace on a US scenario', () => {
  it('prints the ledger; JSON has the rows; a path beyond the run is exit 2', async () => {
    const table = spawnSync(process.execPath, [cli, 'trace', 'scenarios/ksop-concentrated.json', '--path', '3'], { cwd: root, encoding: 'utf8' });
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^Path 3 \(seed \d+\) of the us-ksop plan/);
    expect(table.stdout).toMatch(/At retirement: account /);
    const json = spawnSync(process.execPath, [cli, 'trace', 'scenarios/401k-diversified.json', '--path', '3', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const t = JSON.parse(json.stdout) as { plan: string; rows: { stockReturn: number | null }[] };
    expect(t.plan).toBe('us-401k');
    expect(t.rows.every((r) => r.stockReturn === null)).toBe(true);
    const bad = spawnSync(process.execPath, [cli, 'trace', 'scenarios/ksop-concentrated.json', '--path', '150', '--paths', '100'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--path: must be a path number from 0 to 99/);
  });
});
