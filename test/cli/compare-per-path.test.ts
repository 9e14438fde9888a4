/**
 * pensim compare --per-path FILE.parquet: one file per scenario (FILE-1, FILE-2, …), read back by
 * DuckDB: each scenario's outcomes path by path equal that scenario's own `pensim run --per-path`
 * on the same seed and paths (common random numbers), for US and Norwegian scenarios; the paired
 * P(A < B) equals DuckDB's count over the joined files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const TMP = mkdtempSync(join(tmpdir(), 'pensim-compare-pp-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const pensim = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

let db: DuckDBInstance;
let duck: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  duck = await db.connect();
});
afterAll(() => duck?.closeSync());
const rows = async (sql: string) => (await duck.runAndReadAll(sql)).getRows();

describe.each([
  ['US', 'scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json'],
  ['Norwegian', 'scenarios/hybrid-female.json', 'scenarios/hybrid-male.json'],
])('%s: compare --per-path', (_, a, b) => {
  it("writes one file per scenario, each equal to that scenario's own run, path by path", async () => {
    const base = join(TMP, `${_}.parquet`);
    const c = pensim(['compare', a, b, '--paths', '5000', '--seed', '3', '--threads', '2', '--format', 'json', '--quiet', '--per-path', base]);
    expect(c.status, c.stderr).toBe(0);
    const paired = (JSON.parse(c.stdout) as { paired: { probabilityALessThanB: number }[] }).paired[0]!;
    for (const [i, file] of [a, b].entries()) {
      const own = join(TMP, `${_}-own-${i}.parquet`);
      const r = pensim(['run', file, '--paths', '5000', '--seed', '3', '--threads', '1', '--quiet', '--format', 'json', '--per-path', own]);
      expect(r.status, r.stderr).toBe(0);
      const mine = join(TMP, `${_}-${i + 1}.parquet`);
      const diff = await rows(`select count(*) from read_parquet('${mine}') m join read_parquet('${own}') o using (path) where m.capitalAtRetirement <> o.capitalAtRetirement`);
      expect(Number(diff[0]![0])).toBe(0);
      expect(Number((await rows(`select count(*) from read_parquet('${mine}')`))[0]![0])).toBe(5000);
    }
    const less = await rows(`select count(*) from read_parquet('${join(TMP, `${_}-1.parquet`)}') x join read_parquet('${join(TMP, `${_}-2.parquet`)}') y using (path) where x.capitalAtRetirement < y.capitalAtRetirement`);
    expect(Number(less[0]![0]) / 5000).toBe(paired.probabilityALessThanB);
  });
});

it('an unknown extension exits 2 naming --per-path, before any work', () => {
  const r = pensim(['compare', 'scenarios/default.json', 'scenarios/default.json', '--per-path', join(TMP, 'x.xlsx')]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/--per-path: unknown file type/);
});
