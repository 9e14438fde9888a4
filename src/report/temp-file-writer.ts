/**
 * What the Arrow and the Parquet writer share (report/columnar-writer.ts): a temporary file opened
 * with the columns, chunks taken strictly in row order, the file renamed into place on close and
 * removed on abort. A format supplies how it starts, appends a batch of rows and finishes.
 */
import type { ColumnarWriter, ColumnSpec, ColumnValues } from './columnar-writer.js';
import { TempFile } from './temp-file.js';

export abstract class TempFileWriter implements ColumnarWriter {
  private file: TempFile | null = null;
  private open_ = false;
  private rows = 0;

  constructor(private readonly path: string) {}

  /** Begin the format's file in `file` with these columns and key-value metadata. */
  protected abstract begin(file: TempFile, columns: readonly ColumnSpec[], metadata: Readonly<Record<string, string>>): void;
  /** Append `length` rows (a record batch, a row group). */
  protected abstract append(columns: readonly ColumnValues[], length: number): void;
  /** Write the format's footer. */
  protected abstract end(): void;

  open(columns: readonly ColumnSpec[], metadata: Readonly<Record<string, string>>): void {
    this.file = new TempFile(this.path);
    this.begin(this.file, columns, metadata);
    this.open_ = true;
  }

  writeChunk(first: number, columns: readonly ColumnValues[]): void {
    if (!this.open_) throw new Error(`${this.constructor.name}: writeChunk before open`);
    if (first !== this.rows) throw new Error(`${this.constructor.name}: rows out of order (expected ${this.rows}, got ${first})`);
    const length = columns[0]?.length ?? 0;
    if (length === 0) return;
    this.append(columns, length);
    this.rows += length;
  }

  close(): void {
    if (!this.open_ || !this.file) throw new Error(`${this.constructor.name}: close before open`);
    this.end();
    this.file.commit();
    this.open_ = false;
  }

  abort(): void {
    this.file?.discard();
    this.open_ = false;
  }
}
