/**
 * A columnar file written chunk by chunk (Arrow IPC file or Parquet), behind one small interface
 * so any producer (per-path outcomes, sweep cells, later the US per-path output with its own
 * column names) can use either format. Rows arrive in order: `writeChunk(first, columns)` must
 * continue exactly where the last chunk ended (report/ordered-chunks.ts puts out-of-order engine
 * chunks back in order). The file appears only on `close()`: it is written to a temporary sibling
 * and renamed, and `abort()` (or an exit before close) removes the temporary file.
 * Column names and types are documented in docs/columns.md.
 */

/** A column's type: whole numbers (path index) as int32, outcomes as float64, grid labels as utf8. */
export type ColumnType = 'int32' | 'float64' | 'utf8';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** Whether the column may hold nulls (a sweep metric absent for a cell); default false. */
  readonly nullable?: boolean;
}

/** One chunk's values, one array per column in the order of the specs. */
export type ColumnValues = Int32Array | Float64Array | readonly (number | null)[] | readonly (string | null)[];

export interface ColumnarWriter {
  /** Start the file: the schema and the key-value metadata (written into the file). */
  open(columns: readonly ColumnSpec[], metadata: Readonly<Record<string, string>>): void;
  /** Append rows [first, first + length) as one record batch / row group (or part of one). */
  writeChunk(first: number, columns: readonly ColumnValues[]): void;
  /** Finish the file and move it to its name. */
  close(): void;
  /** Drop the temporary file; nothing is left. Safe to call more than once, or after close (then a no-op). */
  abort(): void;
}

/** The file formats by extension; anything else is refused by the caller. */
export const COLUMNAR_EXTENSIONS = { '.arrow': 'arrow', '.feather': 'arrow', '.parquet': 'parquet' } as const;
export type ColumnarFormat = (typeof COLUMNAR_EXTENSIONS)[keyof typeof COLUMNAR_EXTENSIONS];
