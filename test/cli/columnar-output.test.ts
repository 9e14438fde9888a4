/**
 * Per-path outcomes and sweeps as Arrow IPC and Parquet files from the built CLI, read back by a
 * real engine: DuckDB (@duckdb/node-api) reads the Parquet file; the Arrow file is read with
 * apache-arrow's own reader (DuckDB reads Arrow IPC only through its `arrow` extension, which it
 * downloads on first use: impossible offline) and must equal the Parquet file row by row.
 * DuckDB's quantile_cont (linear interpolation, type 7) and avg over the per-path columns equal the
 * run's exact percentiles and means to 1e-12 relative; rows are in path order; the metadata is
 * there; a sweep file has one row per cell equal to the CLI's CSV; a run interrupted by SIGINT
 * leaves neither the file nor a temporary one; bad input exits 2 with a message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, startCli } from '../faults/cli-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const TMP = mkdtempSync(join(tmpdir(), 'pensim-columnar-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function pensim(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
}

const relClose = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(a), Math.abs(b), 1e-300));

interface Metric {
  mean: number;
  percentiles: Record<string, number>;
}

let db: DuckDBInstance;
let duck: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  duck = await db.connect();
});
afterAll(() => duck?.closeSync());

const query = async (sql: string) => (await duck.runAndReadAll(sql)).getRows();

describe('run --per-path FILE.parquet / FILE.arrow (lifetime and folketrygd series too)', () => {
  // 9 000 paths = 5 chunks on 2 threads: chunks may finish out of order and must still be written in order.
  const RUN = ['run', 'scenarios/total-pension-with-folketrygd.json', '--paths', '9000', '--seed', '5', '--threads', '2', '--percentile-method', 'exact', '--quiet', '--format', 'json'];
  const parquet = join(TMP, 'paths.parquet');
  const arrow = join(TMP, 'paths.arrow');
  const csv = join(TMP, 'paths.csv');
  let json: { percentiles: number[]; metrics: Record<string, Metric>; seed: number; scenario: { hash: string }; pensim: string };
  let table: Table;

  beforeAll(() => {
    const outs = [parquet, arrow, csv].map((file) => pensim([...RUN, '--per-path', file]));
    for (const r of outs) expect(r.status, r.stderr).toBe(0);
    expect(outs[1]!.stdout).toBe(outs[0]!.stdout); // the per-path file does not change the run
    json = JSON.parse(outs[0]!.stdout);
    table = tableFromIPC(readFileSync(arrow));
  });

  const SERIES = ['capitalAtRetirement', 'payoutGross', 'payoutNet', 'replacementRatio', 'ageAtDeath', 'outlivedPayout', 'inheritance', 'heirsChildren', 'heirsSpouse', 'heirsEstate', 'folketrygdPension', 'totalPension', 'totalReplacementRatio'];

  it('has a typed column per JSON metric, named as in the JSON, one row per path in path order', async () => {
    expect(Object.keys(json.metrics).sort()).toEqual([...SERIES].sort());
    expect(await query(`select name, type from parquet_schema('${parquet}') where name <> 'root'`)).toEqual([['path', 'INT32'], ...SERIES.map((s) => [s, 'DOUBLE'])]);
    expect(await query(`select count(*), min(path), max(path), bool_and(path = rn - 1) from (select path, row_number() over () as rn from '${parquet}')`)).toEqual([[9000n, 0, 8999, true]]);
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(['path:Int32', ...SERIES.map((s) => `${s}:Float64`)]);
    expect(table.numRows).toBe(9000);
  });

  it("DuckDB's quantile_cont and avg equal the run's exact percentiles and means", async () => {
    for (const s of SERIES) {
      const ps = json.percentiles;
      const [row] = await query(`select avg(${s}), ${ps.map((p) => `quantile_cont(${s}, ${p / 100})`).join(', ')} from '${parquet}'`);
      relClose(row![0] as number, json.metrics[s]!.mean);
      ps.forEach((p, i) => relClose(row![i + 1] as number, json.metrics[s]!.percentiles[`p${p}`]!));
    }
  });

  it('the Arrow file equals the Parquet file, and both equal the CSV, value for value', async () => {
    const rows = await query(`select * from '${parquet}'`);
    const names = table.schema.fields.map((f) => f.name);
    names.forEach((n, c) => expect(Array.from(table.getChild(n)!.toArray() as ArrayLike<number>)).toEqual(rows.map((r) => r[c])));
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('path,capitalAtRetirement,payoutGross,payoutNet,replacementRatio');
    expect(lines.slice(1).map((line) => line.split(',').map(Number))).toEqual(rows.map((r) => r.slice(0, 5)));
  });

  it('carries the version, seed, scenario hash, currency and amount basis', async () => {
    const kv = Object.fromEntries((await query(`select decode(key), decode(value) from parquet_kv_metadata('${parquet}')`)) as [string, string][]);
    const expected = {
      pensim: json.pensim,
      seed: '5',
      paths: '9000',
      'scenario.name': 'Total pension: OTP 5 % plus folketrygd, lifetime risk and heirs',
      'scenario.hash': json.scenario.hash,
      currency: 'NOK',
      'amounts.basis': 'nominal',
      sampler: 'pseudo',
    };
    expect(kv).toEqual(expected);
    expect(Object.fromEntries(table.schema.metadata)).toEqual(expected);
    expect(await query(`select created_by from parquet_file_metadata('${parquet}')`)).toEqual([[`pensim ${json.pensim}`]]);
  });
});

describe('sweep --format parquet / arrow', () => {
  const SWEEP = ['sweep', 'scenarios/default.json', '--grid', 'profile.weights.equity=0.2,0.8', '--grid', 'profile.fees.managementRate=0.002,0.005,0.008', '--metrics', 'capitalAtRetirement.p50,capitalAtRetirement.mean,replacementRatio.p5', '--paths', '800', '--threads', '1', '--quiet'];

  it('one row per cell, equal to the CSV, with the metadata', async () => {
    const parquet = join(TMP, 'sweep.parquet');
    const arrow = join(TMP, 'sweep.arrow');
    const csv = pensim([...SWEEP, '--format', 'csv']);
    expect(csv.status, csv.stderr).toBe(0);
    for (const [format, file] of [['parquet', parquet], ['arrow', arrow]]) {
      const r = pensim([...SWEEP, '--format', format!, '--out', file!]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
    }
    const lines = csv.stdout.trim().split('\n');
    const header = lines[0]!.split(',');
    const expected = lines.slice(1).map((l) => l.split(',').map(Number));
    expect(expected).toHaveLength(6);
    const rows = await query(`select * from '${parquet}'`);
    expect((await query(`select name from parquet_schema('${parquet}') where name <> 'root'`)).map((r) => r[0])).toEqual(header);
    expect(rows).toEqual(expected);
    const t = tableFromIPC(readFileSync(arrow));
    expect(t.schema.fields.map((f) => f.name)).toEqual(header);
    expect(t.toArray().map((row) => header.map((h) => row[h]))).toEqual(expected);
    const kv = Object.fromEntries((await query(`select decode(key), decode(value) from parquet_kv_metadata('${parquet}')`)) as [string, string][]);
    expect(kv).toMatchObject({ seed: '2026', paths: '800', currency: 'NOK', 'amounts.basis': 'nominal' });
    expect(kv['scenario.hash']).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('an interrupted write leaves no file', () => {
  it('SIGINT during a run with --per-path FILE.parquet: exit 130, neither the file nor its temporary file', async () => {
    const dir = mkdtempSync(join(TMP, 'sigint-'));
    const file = join(dir, 'paths.parquet');
    const { child, exited } = startCli(['run', 'scenarios/default.json', '--paths', '5000000', '--threads', '1', '--quiet', '--per-path', file]);
    // The temporary file is opened before the first chunk: wait for it, then for some rows.
    for (let i = 0; i < 100 && readdirSync(dir).length === 0; i++) await sleep(50);
    expect(readdirSync(dir)).toEqual([`paths.parquet.${child.pid}.tmp`]);
    await sleep(800);
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    const r = await exited;
    expect(r.code).toBe(130);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('bad input exits 2 with a message', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown --per-path extension', ['run', 'scenarios/default.json', '--paths', '10', '--per-path', join(TMP, 'x.xlsx')], /--per-path: unknown file type "\.xlsx": give a file ending in \.csv, \.arrow \(or \.feather\) or \.parquet/],
    ['a sweep file without --out', ['sweep', 'scenarios/default.json', '--grid', 'profile.weights.equity=0.2,0.8', '--format', 'parquet'], /--out: parquet is a binary file: give --out FILE/],
    ['a sweep file whose name does not match its format', ['sweep', 'scenarios/default.json', '--grid', 'profile.weights.equity=0.2,0.8', '--format', 'arrow', '--out', join(TMP, 'x.parquet')], /--out: .*x\.parquet does not end in \.arrow/],
    ['a sweep --out with an unknown extension', ['sweep', 'scenarios/default.json', '--grid', 'profile.weights.equity=0.2,0.8', '--format', 'arrow', '--out', join(TMP, 'x.txt')], /--out: unknown file type "\.txt"/],
    ['a metric the plan does not have', ['sweep', 'scenarios/default.json', '--grid', 'profile.weights.equity=0.2,0.8', '--metrics', 'totalPension.p50'], /--metrics: "totalPension\.p50": this scenario's plan has no "totalPension": it needs a folketrygd block/],
    ['a heatmap of a 3-D grid', ['sweep', 'scenarios/default.json', '--grid', 'profile.weights.equity=0.2,0.8', '--grid', 'profile.fees.managementRate=0.002,0.008', '--grid', 'person.salary=500000,700000', '--format', 'html'], /--format html draws a 2-D sweep as a heatmap .* this grid has 3 axes \(profile\.weights\.equity, profile\.fees\.managementRate, person\.salary\): a heatmap needs exactly two/],
    ['a chart metric not among --metrics', ['sweep', 'scenarios/default.json', '--grid', 'profile.weights.equity=0.2,0.8', '--format', 'svg', '--chart-metric', 'payoutNet.p5'], /--chart-metric: "payoutNet\.p5" is not among the sweep's metrics/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = pensim(args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});
