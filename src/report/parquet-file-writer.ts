/**
 * Parquet written row group by row group with `hyparquet-writer`: each writeChunk becomes one row
 * group on disk (statistics per column, snappy-compressed pages), and the footer with the
 * key-value metadata comes at close.
 *
 * Why hyparquet-writer rather than parquet-wasm: it is plain JavaScript (no WebAssembly module to
 * load in the CLI and in every test), its ParquetWriter appends row groups to a synchronous byte
 * sink (the engine hands chunks to a synchronous callback, so a row group is on disk before the
 * next chunk is taken), and it writes key-value metadata. parquet-wasm (ZSTD) writes a whole
 * Arrow table held in memory, or needs an async web stream of its own record batches; its ZSTD
 * saves little on float64 outcomes, which barely compress. Snappy is hyparquet-writer's built-in
 * codec (ZSTD would need a compressor: Node 20's zlib has none).
 * Format: https://parquet.apache.org/docs/file-format/
 */
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { ColumnSpec, ColumnType, ColumnValues } from './columnar-writer.js';
import type { TempFile } from './temp-file.js';
import { TempFileWriter } from './temp-file-writer.js';

const PARQUET_TYPE: Record<ColumnType, { type: 'INT32' | 'DOUBLE' | 'BYTE_ARRAY'; converted_type?: 'UTF8' }> = {
  int32: { type: 'INT32' },
  float64: { type: 'DOUBLE' },
  utf8: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
};

/** Bytes kept before they go to the file. */
const FLUSH_BYTES = 1 << 20;

export class ParquetFileWriter extends TempFileWriter {
  private writer: ParquetWriter | null = null;
  private columns: readonly ColumnSpec[] = [];

  constructor(
    path: string,
    /** "pensim <version>": the file's created_by. */
    private readonly createdBy: string,
  ) {
    super(path);
  }

  protected begin(file: TempFile, columns: readonly ColumnSpec[], metadata: Readonly<Record<string, string>>): void {
    this.columns = columns;
    this.writer = new ParquetWriter({
      writer: fileBytes(file),
      schema: [
        { name: 'root', num_children: columns.length },
        ...columns.map((c) => ({ name: c.name, ...PARQUET_TYPE[c.type], repetition_type: c.nullable ? ('OPTIONAL' as const) : ('REQUIRED' as const) })),
      ],
      kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
      createdBy: this.createdBy,
    });
  }

  /** One row group a batch. */
  protected append(columns: readonly ColumnValues[], length: number): void {
    this.writer!.write({ columnData: this.columns.map((c, i) => ({ name: c.name, data: columns[i] as never })), rowGroupSize: length });
  }

  protected end(): void {
    this.writer!.finish();
  }
}

/** hyparquet-writer's growing byte buffer, emptied into the file whenever it passes FLUSH_BYTES and at the end. */
function fileBytes(file: TempFile): ByteWriter {
  const w = new ByteWriter();
  const flush = () => {
    if (w.index > 0) file.write(new Uint8Array(w.buffer, 0, w.index));
    w.index = 0;
  };
  const grow = w.ensure.bind(w);
  w.ensure = (size: number) => {
    if (w.index > FLUSH_BYTES) flush();
    grow(size);
  };
  (w as ByteWriter & { flush: () => void }).flush = flush;
  w.finish = flush;
  return w;
}
