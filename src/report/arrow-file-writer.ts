/**
 * Arrow IPC file format (Feather v2) written batch by batch with the `apache-arrow` package: the
 * writer's byte queue is replaced by one that writes straight to the temporary file, so a batch
 * is on disk (and out of memory) once written; the footer (schema and batch offsets) comes at
 * close. Key-value metadata goes into the schema's custom metadata. Format:
 * https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format
 */
import {
  AsyncByteQueue,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Utf8,
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import type { ColumnSpec, ColumnType, ColumnValues } from './columnar-writer.js';
import type { TempFile } from './temp-file.js';
import { TempFileWriter } from './temp-file-writer.js';

const ARROW_TYPE: Record<ColumnType, () => DataType> = { int32: () => new Int32(), float64: () => new Float64(), utf8: () => new Utf8() };

/** The Arrow writer's output queue, writing each piece to the file at once instead of keeping it. */
class FileSink extends AsyncByteQueue {
  constructor(private readonly file: TempFile) {
    super();
  }

  override write(value: Uint8Array): void {
    if (value.byteLength > 0) this.file.write(value);
  }
}

export class ArrowFileWriter extends TempFileWriter {
  private writer: RecordBatchFileWriter | null = null;
  private schema: Schema | null = null;

  protected begin(file: TempFile, columns: readonly ColumnSpec[], metadata: Readonly<Record<string, string>>): void {
    this.schema = new Schema(
      columns.map((c) => new Field(c.name, ARROW_TYPE[c.type](), c.nullable ?? false)),
      new Map(Object.entries(metadata)),
    );
    this.writer = new RecordBatchFileWriter();
    this.writer.reset(new FileSink(file), this.schema);
  }

  protected append(columns: readonly ColumnValues[], length: number): void {
    const schema = this.schema!;
    const children = schema.fields.map((f, i) => columnData(f, columns[i]!));
    this.writer!.write(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children })));
  }

  protected end(): void {
    this.writer!.finish();
  }
}

/** Typed arrays become Arrow data without a copy; plain arrays (with nulls) go through the builder. */
function columnData(field: Field, values: ColumnValues): Data {
  if (values instanceof Float64Array || values instanceof Int32Array) {
    return makeData({ type: field.type, length: values.length, nullCount: 0, data: values } as never);
  }
  return vectorFromArray(values as unknown[], field.type).data[0]!;
}
