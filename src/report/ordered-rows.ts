/**
 * Rows handed over in pieces in any order (the engine's chunks finish in any order) put back in
 * order and written in batches of `batchRows` rows, so a columnar file has its rows in path order
 * and record batches / row groups of a useful size. A piece that comes early waits in `pending`
 * until the pieces before it have come: that holds at most the pieces in flight at once (the
 * chunks the workers finish ahead of an earlier one), not the run.
 */
import type { ColumnarWriter } from './columnar-writer.js';

export class OrderedRows {
  /** Pieces not yet written, by first row: one Float64Array per column. */
  private readonly pending = new Map<number, Float64Array[]>();
  /** The next row the writer expects. */
  private next = 0;
  private readonly batch: Float64Array[];
  private filled = 0;
  private batchFirst = 0;

  constructor(
    private readonly writer: ColumnarWriter,
    /** Columns of each piece (after the row index, which this class adds as the first column). */
    private readonly columns: number,
    private readonly batchRows = 65_536,
  ) {
    this.batch = Array.from({ length: columns }, () => new Float64Array(batchRows));
  }

  /** Rows [first, first + values[0].length), one array per column (copied if kept). */
  add(first: number, values: readonly Float64Array[]): void {
    if (first !== this.next) {
      this.pending.set(first, values.map((v) => v.slice()));
      return;
    }
    this.append(values);
    for (let piece = this.pending.get(this.next); piece; piece = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      this.append(piece);
    }
  }

  /** Pieces waiting for an earlier one (for tests of the bound). */
  get waiting(): number {
    return this.pending.size;
  }

  /** Write the last, partial batch; every row must have come. */
  finish(total: number): void {
    if (this.next !== total || this.pending.size > 0) throw new Error(`OrderedRows: ${this.next} of ${total} rows in order, ${this.pending.size} pieces waiting`);
    this.flush();
  }

  private append(values: readonly Float64Array[]): void {
    const n = values[0]!.length;
    for (let at = 0; at < n; ) {
      const take = Math.min(n - at, this.batchRows - this.filled);
      for (let c = 0; c < this.columns; c++) this.batch[c]!.set(values[c]!.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === this.batchRows) this.flush();
    }
    this.next += n;
  }

  private flush(): void {
    if (this.filled === 0) return;
    const index = new Int32Array(this.filled);
    for (let i = 0; i < this.filled; i++) index[i] = this.batchFirst + i;
    this.writer.writeChunk(this.batchFirst, [index, ...this.batch.map((b) => b.subarray(0, this.filled))]);
    this.batchFirst += this.filled;
    this.filled = 0;
  }
}
