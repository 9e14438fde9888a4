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
  if (r.payout) return payoutSentence(view);
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

/**
 * With payout years: "In 9 of 10 outcomes you can spend at least $X a year from 65 and not run out
 * before 95", where X is the lowest, over the payout ages, of the q-th percentile of the year's
 * after-tax spending in today's dollars (so at every age (100 − q) % of outcomes spend at least X),
 * said only when the chance of running out before the horizon is at most q %; otherwise the
 * sentence gives X and that chance. The median first year's spending follows.
 *
 * Example (a test checks it): p10 spending 52 000 at every age, P(run out) = 4 %, median first year
 * 61 000: "In 9 of 10 outcomes you can spend at least $52,000 a year from 65 and not run out before
 * 95 (after tax, in today's dollars; the chance of running out is 4.0%); the median first year is $61,000."
 */
function payoutSentence(view: UsReportView): string {
  const r = view.result;
  const po = r.payout!;
  const f = view.format;
  const keys = usPercentileKeys(view);
  const floor = keys.includes('p10') ? 'p10' : keys[0]!;
  const q = Number(floor.slice(1));
  const real = spendingReal(view);
  const x = Math.min(...real.spending[floor]!);
  const from = po.ages.retirement;
  const to = po.ages.horizon;
  const p = po.ranOut.probability;
  const lasts = p <= q / 100;
  const head = lasts
    ? `In ${outcomesAbove(q)} outcomes you can spend at least ${f.money(x)} a year from ${from} and not run out before ${to} (after tax, in today's dollars; the chance of running out is ${f.percent(p)})`
    : `In ${outcomesAbove(q)} outcomes you can spend at least ${f.money(x)} a year from ${from} (after tax, in today's dollars), but the chance of running out before ${to} is ${f.percent(p)}`;
  const first = real.spending['p50'] !== undefined ? `the median first year is ${f.money(real.spending['p50'][0]!)}` : `the mean first year is ${f.money(real.spendingMean[0]!)}`;
  return `${head}; ${first}.`;
}

/** The spending fan in today's dollars whatever the view's basis (the engine keeps it real). */
function spendingReal(view: UsReportView): { spending: Record<string, number[]>; spendingMean: number[] } {
  return view.result.payout!.fan;
}
