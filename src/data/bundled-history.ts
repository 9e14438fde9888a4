/**
 * The bundled US real monthly returns, January 1871 – September 2025 (Shiller's data as processed
 * by TPAW; provenance in data/README.md), read once from data/us-real-returns-monthly-1871-2025.csv
 * and cached. Only the coordinator calls this (when it compiles a scenario or fits parameters):
 * the compiled plan carries the numbers to the workers, which never read files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMonthlyReturnsCsv, type MonthlyReturns } from './monthly-returns-csv.js';

export const BUNDLED_HISTORY_FILE = 'data/us-real-returns-monthly-1871-2025.csv';

/** Where the bundled series comes from, as results and `pensim fit` cite it. */
export const BUNDLED_HISTORY_SOURCE =
  'US real monthly total returns 1871-01 to 2025-09 (S&P composite, 10-year Treasuries): R. J. Shiller\'s data, processed by TPAW (github.com/bengmathew/tpaw)';

let cached: MonthlyReturns | null = null;

/** The bundled file's path, from the sources (tests) or from dist/ (the built CLI). */
export function bundledHistoryPath(): string {
  const up = import.meta.url.endsWith('.ts') ? '../../' : '../../../';
  return fileURLToPath(new URL(`${up}${BUNDLED_HISTORY_FILE}`, import.meta.url));
}

export function bundledMonthlyReturns(): MonthlyReturns {
  cached ??= parseMonthlyReturnsCsv(readFileSync(bundledHistoryPath(), 'utf8'), BUNDLED_HISTORY_FILE);
  return cached;
}
