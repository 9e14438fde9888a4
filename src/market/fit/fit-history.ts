/**
 * `pensim fit`: lognormal, Student-t and regime-switching parameters from a monthly return history
 * (the bundled US real returns, or a user's CSV with the same columns), and the scenario fragment
 * of the chosen model.
 *
 * Which data each estimate uses:
 * - lognormal: horizon 'monthly' (the default) annualises the monthly log returns (mean × 12,
 *   sd × √12; on the bundled data 6.84 % and 14.1 % for stocks, as data/README.md states);
 *   horizon 'yearly' uses the calendar-year log returns (stocks sd 17.2 %: Shiller's monthly prices
 *   are monthly averages, which smooths monthly returns and positively autocorrelates them, so
 *   × √12 understates the yearly sd). Both are reported; the fragment takes the chosen horizon.
 * - Student-t ν: always from calendar-year log returns, since ν is the tail shape of the yearly
 *   step (monthly returns have fatter tails than yearly ones).
 * - regimes: a Gaussian HMM on the chosen horizon's log returns; from monthly data the yearly
 *   model takes means and covariances × 12 and the 12-step transition matrix (fit-regimes.ts).
 */
import { calendarYears } from '../../data/calendar-years.js';
import { HISTORY_SOURCES, type MonthlyReturns } from '../../data/monthly-returns-csv.js';
import { simpleReturnMoments } from '../lognormal-params.js';
import { fitLognormal, type LognormalFit } from './fit-lognormal.js';
import { fitRegimes, yearlyRegimes, type RegimeFit } from './fit-regimes.js';
import { fitStudentT, type StudentTFit } from './fit-student-t.js';
import { logReturns } from './sample-moments.js';

import type { FitModel } from './fit-models.js';

export { FIT_MODELS, type FitModel } from './fit-models.js';
export type FitHorizon = 'monthly' | 'yearly';

export interface FitEstimates {
  data: { source: string; months: number; first: string; last: string; calendarYears: number; yearsFrom: number; yearsTo: number };
  horizon: FitHorizon;
  /** The chosen horizon's fit (used in the fragment), and the other for comparison. */
  lognormal: LognormalFit;
  lognormalOtherHorizon: LognormalFit;
  studentT: StudentTFit;
  regimes: { names: string[]; period: RegimeFit; yearly: RegimeFit } | null;
}

/** Fewer full calendar years than this cannot support a yearly estimate. */
export const MIN_YEARS = 10;

export function fitHistory(monthly: MonthlyReturns, source: string, horizon: FitHorizon, withRegimes: boolean): FitEstimates {
  const names = [...HISTORY_SOURCES];
  const years = calendarYears(monthly);
  const n = monthly.year.length;
  const byMonth = fitLognormal(names, names.map((s) => monthly.returns[s]), 12);
  const byYear = fitLognormal(names, names.map((s) => years.returns[s]), 1);
  const yearlyLogs = names.map((s) => logReturns(years.returns[s]));
  let regimes: FitEstimates['regimes'] = null;
  if (withRegimes) {
    const k = horizon === 'monthly' ? 12 : 1;
    const logs = horizon === 'monthly' ? names.map((s) => logReturns(monthly.returns[s])) : yearlyLogs;
    const period = fitRegimes(logs, 2);
    regimes = { names: ['calm', 'crisis'], period, yearly: yearlyRegimes(period, k) };
  }
  return {
    data: {
      source,
      months: n,
      first: `${monthly.year[0]}-${String(monthly.month[0]).padStart(2, '0')}`,
      last: `${monthly.year[n - 1]}-${String(monthly.month[n - 1]).padStart(2, '0')}`,
      calendarYears: years.years.length,
      yearsFrom: years.years[0] ?? 0,
      yearsTo: years.years.at(-1) ?? 0,
    },
    horizon,
    lognormal: horizon === 'monthly' ? byMonth : byYear,
    lognormalOtherHorizon: horizon === 'monthly' ? byYear : byMonth,
    studentT: fitStudentT(yearlyLogs),
    regimes,
  };
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The scenario fragment of a model: profile.assets (and correlation), plus the returns block. */
export function scenarioFragment(e: FitEstimates, model: FitModel): Record<string, unknown> {
  const ln = e.lognormal;
  const profile = {
    assets: ln.series.map((s) => ({ name: s.name, expectedReturn: r4(s.expectedReturn), volatility: r4(s.volatility) })),
    correlation: roundCorrelation(ln.correlation),
  };
  switch (model) {
    case 'lognormal':
      return { profile };
    case 'student-t':
      return { profile, returns: { model: 'student-t', nu: Math.round(e.studentT.nu * 100) / 100 } };
    case 'regime-switching': {
      const g = e.regimes!;
      return {
        profile,
        returns: {
          model: 'regime-switching',
          regimes: g.names.map((name, k) => {
            const cov = g.yearly.covariances[k]!;
            const sd = cov.map((row, i) => Math.sqrt(row[i]!));
            return {
              name,
              assets: Object.fromEntries(ln.series.map((s, i) => {
                const m = simpleReturnMoments(g.yearly.means[k]![i]!, sd[i]!);
                return [s.name, { expectedReturn: r4(m.expectedReturn), volatility: r4(m.volatility) }];
              })),
              correlation: roundCorrelation(cov.map((row, i) => row.map((v, j) => (i === j ? 1 : v / (sd[i]! * sd[j]!))))),
            };
          }),
          transition: g.yearly.transition.map(roundRow),
          initialRegime: 'stationary',
        },
      };
    }
  }
}

function roundCorrelation(c: number[][]): number[][] {
  return c.map((row, i) => row.map((v, j) => (i === j ? 1 : r4(i < j ? v : c[j]![i]!))));
}

/** Rounded to 4 decimals with the largest entry absorbing the rounding, so the row sums to 1. */
function roundRow(row: number[]): number[] {
  const out = row.map(r4);
  let big = 0;
  out.forEach((v, i) => (v > out[big]! ? (big = i) : 0));
  out[big] = r4(1 - out.reduce((a, v, i) => (i === big ? a : a + v), 0));
  return out;
}
