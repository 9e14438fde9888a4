/**
 * `pensim run --per-path FILE`: each path's headline outcomes, chosen by the file's extension:
 * .csv (kept in memory and written at the end, as before: cli/per-path-recorder.ts), or .arrow /
 * .feather / .parquet, written chunk by chunk in path order (report/ordered-rows.ts), so 10 M
 * paths need memory for a batch, not the run. Columns (docs/columns.md): `path` (int32, from 0),
 * then the outcomes as float64, named as in the JSON metrics: SCALAR_SERIES, then the plan's extra
 * series (lifetime, folketrygd). Amounts are nominal whatever --amounts says (the metadata says so).
 */
import { extname } from 'node:path';
import { SCALAR_SERIES, type SimulationPlan } from '../plan/simulation-plan.js';
import { US_PAYOUT_SERIES } from '../plan/us-payout-plan.js';
import { usPayoutAt, US_SERIES } from '../plan/us-simulation-plan.js';
import { COLUMNAR_EXTENSIONS, type ColumnarWriter, type ColumnSpec } from '../report/columnar-writer.js';
import { OrderedRows } from '../report/ordered-rows.js';
import { UserError } from '../base/user-error.js';
import { VERSION } from '../version.js';
import { PerPathRecorder } from './per-path-recorder.js';
import { writeAtomically } from './write-output.js';

export type PerPathFormat = 'csv' | 'arrow' | 'parquet';

/** The format a file name asks for; anything else is a user error naming `flag`. */
export function perPathFormat(file: string, flag = '--per-path'): PerPathFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  const columnar = (COLUMNAR_EXTENSIONS as Record<string, 'arrow' | 'parquet'>)[ext];
  if (columnar) return columnar;
  throw new UserError([{ path: flag, message: `unknown file type "${ext || file}": give a file ending in .csv, .arrow (or .feather) or .parquet` }]);
}

/** A columnar writer for a file of the given format. */
export async function columnarWriter(file: string, format: 'arrow' | 'parquet'): Promise<ColumnarWriter> {
  // Loaded when asked for: apache-arrow and hyparquet-writer would add ~0.15 s to every command's start.
  if (format === 'arrow') return new (await import('../report/arrow-file-writer.js')).ArrowFileWriter(file);
  return new (await import('../report/parquet-file-writer.js')).ParquetFileWriter(file, `pensim ${VERSION}`);
}

/** What the file says about the run (docs/columns.md): key-value metadata, also in the Arrow schema. */
export interface PerPathMetadata {
  seed: number;
  paths: number;
  scenarioName: string | null;
  scenarioHash: string;
  currency: string;
  /** How the market's normal shocks were drawn (docs/samplers.md). */
  sampler?: string;
}

export function fileMetadata(m: PerPathMetadata): Record<string, string> {
  return {
    pensim: VERSION,
    seed: String(m.seed),
    paths: String(m.paths),
    'scenario.name': m.scenarioName ?? '',
    'scenario.hash': m.scenarioHash,
    currency: m.currency,
    'amounts.basis': 'nominal',
    ...(m.sampler !== undefined && { sampler: m.sampler }),
  };
}

/** The per-path outcome columns of a Norwegian plan (after `path`): the pricer's first series. */
export function perPathSeries(plan: SimulationPlan): string[] {
  return [...SCALAR_SERIES, ...plan.extraSeries];
}

/** A US plan's per-path columns: its outputs (plan/us-simulation-plan.ts), the account at retirement named as in the JSON. */
export function usPerPathSeries(payout = false): string[] {
  return [...US_SERIES.map((s) => (s === 'terminalWealth' ? 'capitalAtRetirement' : s)), ...(payout ? US_PAYOUT_SERIES : [])];
}

/**
 * With a payout section, a US chunk's per-path columns are not its first series (the account by
 * age comes between US_SERIES and US_PAYOUT_SERIES): their series indices, for openPerPathOutput.
 */
export function usPerPathColumns(plan: { nYears: number; payout: unknown }): number[] | undefined {
  if (!plan.payout) return undefined;
  const at = usPayoutAt(plan);
  return [...US_SERIES.map((_, i) => i), ...US_PAYOUT_SERIES.map((_, i) => at + i)];
}

export interface PerPathOutput {
  /** simulate's onChunk: the chunk's series in the kernel layout (kernel/run-chunk.ts), in any chunk order. */
  readonly onChunk: (first: number, paths: number, series: Float64Array) => void;
  /** Write what is left and move the file to its name. */
  close(): void;
  /** Leave nothing behind. */
  abort(): void;
}

/**
 * Open the per-path output of a run of `paths` paths. `csvComment`: a first line for the CSV
 * (the columnar files carry the amount basis in their metadata instead).
 */
export async function openPerPathOutput(file: string, names: readonly string[], csvNames: readonly string[], paths: number, meta: PerPathMetadata, csvComment?: string, columns?: number[]): Promise<PerPathOutput> {
  const out = await openFirstSeries(file, names, csvNames, paths, meta, csvComment);
  if (!columns) return out;
  // The chosen series copied to the front of a chunk's own buffer, in the order of `names`.
  return {
    ...out,
    onChunk: (first, n, series) => {
      const picked = new Float64Array(columns.length * n);
      columns.forEach((s, j) => picked.set(series.subarray(s * n, (s + 1) * n), j * n));
      out.onChunk(first, n, picked);
    },
  };
}

async function openFirstSeries(file: string, names: readonly string[], csvNames: readonly string[], paths: number, meta: PerPathMetadata, csvComment?: string): Promise<PerPathOutput> {
  const format = perPathFormat(file);
  if (format === 'csv') {
    const recorder = new PerPathRecorder(paths, csvNames);
    return { onChunk: recorder.add, close: () => writeAtomically(file, recorder.csv(csvComment)), abort: () => {} };
  }
  const writer = await columnarWriter(file, format);
  const columns: ColumnSpec[] = [{ name: 'path', type: 'int32' }, ...names.map((name) => ({ name, type: 'float64' as const }))];
  writer.open(columns, fileMetadata(meta));
  const rows = new OrderedRows(writer, names.length);
  return {
    onChunk: (first, n, series) => {
      // Series-major: series s of the chunk is series[s·n, (s+1)·n); the outcomes are the first ones.
      rows.add(first, names.map((_, s) => series.subarray(s * n, (s + 1) * n)));
    },
    close: () => {
      rows.finish(paths);
      writer.close();
    },
    abort: () => writer.abort(),
  };
}
