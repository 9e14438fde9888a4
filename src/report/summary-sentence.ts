/**
 * The report's headline in plain words, from the run's percentiles of the first yearly payout
 * (before tax) and of the replacement ratio (first payout / pay in the payout start year), and
 * with the folketrygd of the total pension. It uses p10 when it was chosen, otherwise the lowest chosen percentile q: "in
 * (100 − q) of 100 outcomes the pension is at least the q-th percentile", written as a reduced
 * fraction (q = 10: "9 of 10"; q = 5: "19 of 20").
 *
 * Example (a test checks it): with p10 = 312 000, p50 = 383 792 and a median ratio of 0.3162, NOK:
 * "In 9 of 10 outcomes the yearly pension from 67 is at least 312 000 kr before tax; the median is
 * 383 792 kr, 31,6 % of pay at 67."
 */
import { percentileKeys, type ReportView } from './report-view.js';

export function summarySentence(view: ReportView): string {
  const r = view.result;
  const f = view.format;
  const keys = percentileKeys(view);
  const floor = keys.includes('p10') ? 'p10' : keys[0]!;
  const q = Number(floor.slice(1));
  const gross = r.metrics.payoutGross;
  const ratio = r.metrics.replacementRatio;
  const atLeast = `In ${outcomesAbove(q)} outcomes the yearly pension from ${r.ages.payoutStart} is at least ${f.money(gross.percentiles[floor]!)} before tax`;
  const centre =
    gross.percentiles['p50'] !== undefined
      ? `the median is ${f.money(gross.percentiles['p50'])}, ${f.percent(ratio.percentiles['p50']!)} of pay at ${r.ages.payoutStart}`
      : `the mean is ${f.money(gross.mean)}, on average ${f.percent(ratio.mean)} of pay at ${r.ages.payoutStart}`;
  const total = r.metrics.totalPension;
  const totalRatio = r.metrics.totalReplacementRatio;
  // With the folketrygd, the total is what the saver lives on: say it too.
  const withFolketrygd =
    total && totalRatio
      ? total.percentiles['p50'] !== undefined
        ? `; with the folketrygd the median total is ${f.money(total.percentiles['p50'])}, ${f.percent(totalRatio.percentiles['p50']!)} of pay`
        : `; with the folketrygd the mean total is ${f.money(total.mean)}, ${f.percent(totalRatio.mean)} of pay`
      : '';
  return `${atLeast}; ${centre}${withFolketrygd}.`;
}

/**
 * "9 of 10" for q = 10: the share 1 − q/100 of outcomes at or above the q-th percentile, as a
 * reduced fraction when its denominator is at most 100, otherwise as a percentage ("66.7 % of").
 */
export function outcomesAbove(q: number): string {
  const scale = 1000;
  let num = Math.round((100 - q) * scale);
  let den = 100 * scale;
  const g = gcd(num, den);
  num /= g;
  den /= g;
  if (den <= 100) return `${num} of ${den}`;
  return `${Math.round((100 - q) * 10) / 10} % of`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
