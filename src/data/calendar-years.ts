/**
 * Monthly returns compounded into calendar-year returns: the gross return of year Y is
 * Π (1 + r_m) over its 12 months, January to December. Only full years count: a first or last
 * year with fewer than 12 months is dropped (the bundled data give the 154 years 1871–2024; the 9
 * months of 2025 are dropped).
 *
 * Example: twelve months of +1 % give a yearly simple return of 1.01¹² − 1 = 12.68 %.
 */
import { HISTORY_SOURCES, type HistorySource, type MonthlyReturns } from './monthly-returns-csv.js';

export interface YearlyReturns {
  /** The calendar years kept. */
  years: number[];
  /** Simple yearly returns by source, aligned with `years`. */
  returns: Record<HistorySource, Float64Array>;
}

export function calendarYears(monthly: MonthlyReturns): YearlyReturns {
  const n = monthly.year.length;
  const firstFull = monthly.month[0] === 1 ? 0 : 12 - monthly.month[0]! + 1;
  const count = Math.floor((n - firstFull) / 12);
  const years: number[] = [];
  const returns = { stocks: new Float64Array(count), bonds: new Float64Array(count) };
  for (let k = 0; k < count; k++) {
    const from = firstFull + 12 * k;
    years.push(monthly.year[from]!);
    for (const src of HISTORY_SOURCES) {
      let gross = 1;
      for (let m = from; m < from + 12; m++) gross *= 1 + monthly.returns[src][m]!;
      returns[src][k] = gross - 1;
    }
  }
  return { years, returns };
}
