/**
 * The columnar writers (Arrow IPC file, Parquet) and the in-order row buffer, as a library:
 * pieces handed over out of order come out in row order in batches; what is written reads back
 * exactly (Parquet through DuckDB, Arrow through apache-arrow's own reader) with its types and
 * key-value metadata; an aborted writer leaves neither the file nor its temporary sibling.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { ArrowFileWriter } from '../../src/report/arrow-file-writer.js';
import type { ColumnarWriter, ColumnSpec, ColumnValues } from '../../src/report/columnar-writer.js';
import { OrderedRows } from '../../src/report/ordered-rows.js';
import { ParquetFileWriter } from '../../src/report/parquet-file-writer.js';

const TMP = mkdtempSync(join(tmpdir(), 'pensim-columnar-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A writer that records what it is given. */
class Recording implements ColumnarWriter {
  readonly chunks: { first: number; columns: number[][] }[] = [];
  open(): void {}
  writeChunk(first: number, columns: readonly ColumnValues[]): void {
    this.chunks.push({ first, columns: columns.map((c) => Array.from(c as ArrayLike<number>)) });
  }
  close(): void {}
  abort(): void {}
}

const COLUMNS: ColumnSpec[] = [{ name: 'path', type: 'int32' }, { name: 'x', type: 'float64' }, { name: 'y', type: 'float64' }];
const META = { pensim: '0.1.0', seed: '7', 'amounts.basis': 'nominal' };

/** Rows 0..n-1 with x = i / 3 and y = -i², written in pieces of 7 rows handed over in reverse order. */
function writeReversed(writer: ColumnarWriter, n: number, batchRows: number): void {
  writer.open(COLUMNS, META);
  const rows = new OrderedRows(writer, 2, batchRows);
  const firsts = Array.from({ length: Math.ceil(n / 7) }, (_, k) => 7 * k).reverse();
  for (const first of firsts) {
    const len = Math.min(7, n - first);
    rows.add(first, [Float64Array.from({ length: len }, (_, i) => (first + i) / 3), Float64Array.from({ length: len }, (_, i) => -((first + i) ** 2))]);
  }
  rows.finish(n);
  writer.close();
}

describe('OrderedRows', () => {
  it('puts pieces back in order and cuts them into batches; early pieces wait only until their turn', () => {
    const w = new Recording();
    const rows = new OrderedRows(w, 1, 4);
    rows.add(3, [Float64Array.of(3, 4)]);
    rows.add(5, [Float64Array.of(5)]);
    expect(rows.waiting).toBe(2);
    expect(w.chunks).toEqual([]);
    rows.add(0, [Float64Array.of(0, 1, 2)]);
    expect(rows.waiting).toBe(0);
    rows.finish(6);
    expect(w.chunks).toEqual([
      { first: 0, columns: [[0, 1, 2, 3], [0, 1, 2, 3]] },
      { first: 4, columns: [[4, 5], [4, 5]] },
    ]);
  });

  it('refuses to finish with rows missing', () => {
    const rows = new OrderedRows(new Recording(), 1, 4);
    rows.add(2, [Float64Array.of(2)]);
    expect(() => rows.finish(3)).toThrow(/0 of 3 rows in order, 1 pieces waiting/);
  });
});

describe('Parquet and Arrow files read back', () => {
  const n = 100;

  it('Parquet: DuckDB reads every row in order, the types, and the metadata', async () => {
    const file = join(TMP, 'rows.parquet');
    writeReversed(new ParquetFileWriter(file, 'pensim test'), n, 32);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const rows = (await c.runAndReadAll(`select path, x, y from '${file}'`)).getRows();
    expect(rows).toEqual(Array.from({ length: n }, (_, i) => [i, i / 3, -(i ** 2)]));
    const types = (await c.runAndReadAll(`select name, type from parquet_schema('${file}') where name <> 'root'`)).getRows();
    expect(types).toEqual([['path', 'INT32'], ['x', 'DOUBLE'], ['y', 'DOUBLE']]);
    const groups = (await c.runAndReadAll(`select count(distinct row_group_id) from parquet_metadata('${file}')`)).getRows();
    expect(groups).toEqual([[4n]]); // 32 + 32 + 32 + 4 rows
    const kv = (await c.runAndReadAll(`select decode(key), decode(value) from parquet_kv_metadata('${file}')`)).getRows();
    expect(Object.fromEntries(kv as [string, string][])).toEqual(META);
    c.closeSync();
  });

  it('Arrow IPC file: apache-arrow reads every row in order, the types, and the schema metadata', () => {
    const file = join(TMP, 'rows.arrow');
    writeReversed(new ArrowFileWriter(file), n, 32);
    const t = tableFromIPC(readFileSync(file));
    expect(t.numRows).toBe(n);
    expect(t.batches.length).toBe(4);
    expect(t.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(['path:Int32', 'x:Float64', 'y:Float64']);
    expect(Array.from(t.getChild('path')!.toArray() as Int32Array)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(Array.from(t.getChild('x')!.toArray() as Float64Array)).toEqual(Array.from({ length: n }, (_, i) => i / 3));
    expect(Object.fromEntries(t.schema.metadata)).toEqual(META);
  });

  for (const [kind, make] of [
    ['Parquet', (f: string) => new ParquetFileWriter(f, 'pensim test')],
    ['Arrow', (f: string) => new ArrowFileWriter(f)],
  ] as const) {
    it(`${kind}: a writer aborted half-way leaves no file and no temporary file`, () => {
      const dir = mkdtempSync(join(TMP, 'abort-'));
      const file = join(dir, 'cut');
      const w = make(file);
      w.open(COLUMNS, META);
      w.writeChunk(0, [Int32Array.of(0, 1), Float64Array.of(1, 2), Float64Array.of(3, 4)]);
      expect(readdirSync(dir)).toHaveLength(1); // the temporary file while writing
      expect(existsSync(file)).toBe(false);
      w.abort();
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
