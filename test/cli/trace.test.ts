import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

interface Trace {
  rows: { phase: string; capitalStart: number; capitalEnd: number; payout: number }[];
  outputs: { capitalAtRetirement: number; payoutGross: number; payoutNet: number; replacementRatio: number };
}

describe('pensim trace', () => {
  it('reproduces each traced path\'s outcomes from the run\'s per-path output, exactly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pensim-trace-'));
    const csv = join(dir, 'paths.csv');
    // Two threads for the run, inline for the trace: the same draws either way.
    const run = pensim('run', 'scenarios/default.json', '--paths', '5000', '--seed', '4', '--threads', '2', '--per-path', csv, '--quiet', '--format', 'json');
    expect(run.status, run.stderr).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5001);
    for (const k of [0, 2047, 2048, 4999]) {
      const t = pensim('trace', 'scenarios/default.json', '--path', String(k), '--paths', '5000', '--seed', '4', '--format', 'json');
      expect(t.status, t.stderr).toBe(0);
      const trace = JSON.parse(t.stdout) as Trace;
      const [, capital, gross, net, ratio] = lines[k + 1]!.split(',').map(Number);
      expect([trace.outputs.capitalAtRetirement, trace.outputs.payoutGross, trace.outputs.payoutNet, trace.outputs.replacementRatio]).toEqual([capital, gross, net, ratio]);
      // The ledger is consistent: each year starts where the last ended, and the last saving
      // year ends on the capital at the payout start.
      trace.rows.slice(1).forEach((r, i) => expect(r.capitalStart).toBe(trace.rows[i]!.capitalEnd));
      expect(trace.rows.filter((r) => r.phase === 'saving').at(-1)!.capitalEnd).toBe(capital);
      expect(trace.rows.find((r) => r.phase === 'payout')!.payout).toBe(gross);
    }
  });

  it('refuses a path outside the run', () => {
    const t = pensim('trace', 'scenarios/default.json', '--path', '20000');
    expect(t.status).toBe(2);
    expect(t.stderr).toMatch(/--path: must be a path number from 0 to 19999/);
  });
});
