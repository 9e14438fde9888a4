/**
 * A US report's headline in plain words, from the run's percentiles, as summary-sentence.ts does
 * for Norway: it uses p10 when it was chosen, otherwise the lowest chosen percentile q, "in
 * (100 − q) of 100 outcomes …" (outcomesAbove). Saving years only: the account at the retirement
 * age, after tax the better of an IRA rollover and NUA, and with company stock its median share.
 *
 * Example (a test checks it): with p10 = 400 000, p50 = 650 000, after-tax p50 = 500 000 and no
 * company stock: "In 9 of 10 outcomes the account at 65 is at least $400,000 before tax; the median
 * is $650,000, or $500,000 after tax taken as a lump sum (the better of an IRA rollover and NUA)."
 */
import { outcomesAbove } from './summary-sentence.js';
import { usPercentileKeys, type UsReportView } from './us-report-view.js';

export function usSummarySentence(view: UsReportView): string {
  const r = view.result;
  const f = view.format;
  const keys = usPercentileKeys(view);
  const floor = keys.includes('p10') ? 'p10' : keys[0]!;
  const q = Number(floor.slice(1));
  const account = r.metrics.capitalAtRetirement;
  const best = r.metrics.afterTaxBest;
  const median = account.percentiles['p50'] !== undefined;
  const atLeast = `In ${outcomesAbove(q)} outcomes the account at ${r.ages.retirement} is at least ${f.money(account.percentiles[floor]!)} before tax`;
  const centre = median
    ? `the median is ${f.money(account.percentiles['p50']!)}, or ${f.money(best.percentiles['p50']!)} after tax taken as a lump sum (the better of an IRA rollover and NUA)`
    : `the mean is ${f.money(account.mean)}, or ${f.money(best.mean)} after tax taken as a lump sum (the better of an IRA rollover and NUA)`;
  const share = r.metrics.employerStockShare;
  const stock = share
    ? median
      ? `; the median account holds ${f.percent(share.percentiles['p50']!)} in company stock`
      : `; on average ${f.percent(share.mean)} of the account is company stock`
    : '';
  return `${atLeast}; ${centre}${stock}.`;
}
