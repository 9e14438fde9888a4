/**
 * Monthly return series from CSV text in the bundled file's layout: a header with the columns
 * `year`, `month`, `stock real return`, `bond real return` (any order, any case; other columns such
 * as `CAPE` are ignored), then one row per month in calendar order without gaps. Returns are
 * simple monthly returns (0.0159 = +1.59 %), each above −1.
 *
 * Example: "year,month,stock real return,bond real return\n1871,1,-0.0118,-0.0256" gives one month
 * with stocks −1.18 % and bonds −2.56 %.
 */
import { UserError, type Problem } from '../base/user-error.js';

/** The two historical series a profile asset can draw from. */
export const HISTORY_SOURCES = ['stocks', 'bonds'] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

export interface MonthlyReturns {
  /** Calendar year and month (1–12) of each row. */
  year: Int32Array;
  month: Int32Array;
  /** Simple monthly returns by source, row-aligned with year/month. */
  returns: Record<HistorySource, Float64Array>;
}

const COLUMNS: Record<'year' | 'month' | HistorySource, string> = {
  year: 'year',
  month: 'month',
  stocks: 'stock real return',
  bonds: 'bond real return',
};

/** At most this many problems are listed (a wrong file would otherwise list every line). */
const MAX_PROBLEMS = 5;

export function parseMonthlyReturnsCsv(text: string, source: string): MonthlyReturns {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new UserError([{ path: '', message: 'needs a header line and at least one month of returns' }], source);
  const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
  const at = {} as Record<keyof typeof COLUMNS, number>;
  const missing: string[] = [];
  for (const [key, name] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    at[key] = header.indexOf(name);
    if (at[key] < 0) missing.push(`"${name}"`);
  }
  if (missing.length > 0) {
    throw new UserError([{ path: 'header', message: `missing column(s) ${missing.join(', ')}; the columns are year, month, stock real return, bond real return (as in the bundled data/us-real-returns-monthly-1871-2025.csv)` }], source);
  }
  const n = lines.length - 1;
  const year = new Int32Array(n);
  const month = new Int32Array(n);
  const stocks = new Float64Array(n);
  const bonds = new Float64Array(n);
  const problems: Problem[] = [];
  for (let i = 0; i < n && problems.length < MAX_PROBLEMS; i++) {
    const cells = lines[i + 1]!.split(',');
    const where = `line ${i + 2}`;
    const y = Number(cells[at.year]);
    const m = Number(cells[at.month]);
    if (!Number.isInteger(y) || !Number.isInteger(m) || m < 1 || m > 12) {
      problems.push({ path: where, message: `year and month must be whole numbers (month 1–12); got "${cells[at.year]}", "${cells[at.month]}"` });
      continue;
    }
    if (i > 0 && y * 12 + m !== year[i - 1]! * 12 + month[i - 1]! + 1) {
      problems.push({ path: where, message: `months must follow each other without gaps; ${y}-${m} follows ${year[i - 1]}-${month[i - 1]}` });
    }
    year[i] = y;
    month[i] = m;
    for (const [key, out] of [['stocks', stocks], ['bonds', bonds]] as const) {
      const raw = cells[at[key]];
      const r = Number(raw);
      if (raw === undefined || raw.trim() === '' || !Number.isFinite(r) || r <= -1) {
        problems.push({ path: `${where}, ${COLUMNS[key]}`, message: `must be a simple return above −1 (e.g. 0.0159 for +1.59 %); got "${raw ?? ''}"` });
      }
      out[i] = r;
    }
  }
  if (problems.length > 0) throw new UserError(problems, source);
  return { year, month, returns: { stocks, bonds } };
}
