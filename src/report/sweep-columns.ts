/**
 * A sweep as a columnar table (Arrow or Parquet), one row per cell with the CSV's columns: each
 * grid key (float64 when all its values are numbers, else utf8 as the CSV prints them), then each
 * metric as float64 (null where a cell has no value). Metadata as for per-path files, without paths' index.
 */
import type { SweepResult } from '../studies/sweep.js';
import type { ColumnarWriter, ColumnSpec, ColumnValues } from './columnar-writer.js';

export function writeSweepColumns(s: SweepResult, writer: ColumnarWriter, metadata: Readonly<Record<string, string>>): void {
  const specs: ColumnSpec[] = [];
  const values: ColumnValues[] = [];
  for (const g of s.grid) {
    const numeric = g.values.every((v) => typeof v === 'number');
    specs.push({ name: g.key, type: numeric ? 'float64' : 'utf8' });
    values.push(numeric ? Float64Array.from(s.rows, (r) => r.cell[g.key] as number) : s.rows.map((r) => String(r.cell[g.key])));
  }
  for (const m of s.metrics) {
    specs.push({ name: m.name, type: 'float64', nullable: true });
    values.push(s.rows.map((r) => r.values[m.name] ?? null));
  }
  try {
    writer.open(specs, metadata);
    writer.writeChunk(0, values);
    writer.close();
  } catch (e) {
    writer.abort();
    throw e;
  }
}
