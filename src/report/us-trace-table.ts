/** The ledger of one US path (engine/trace-path.ts) as a table, in USD. */
import type { UsPathTrace } from '../engine/trace-path.js';
import { alignColumns, formatMoney, formatPercent } from './format-number.js';

export function usTraceTable(t: UsPathTrace): string {
  const m = formatMoney;
  const withStock = t.rows.some((r) => r.stockReturn !== null || r.stockEnd > 0);
  const rows = [
    ['year', 'age', 'employer', 'pay', 'deferral', 'match', 'nonelective', 'fund return', ...(withStock ? ['stock return', 'diversified'] : []), 'fees', 'forfeited', 'funds end', ...(withStock ? ['stock end'] : []), 'event'],
    ...t.rows.map((r) => [
      String(r.year),
      String(r.age),
      !r.employed ? 'none' : r.atOriginal ? 'original' : 'new',
      m(r.pay),
      m(r.deferral),
      `${m(r.match)}${r.matchInStock && r.match > 0 ? ' (stock)' : ''}`,
      m(r.nonelective),
      formatPercent(r.fundReturn, 2),
      ...(withStock ? [r.stockReturn === null ? '' : formatPercent(r.stockReturn, 2), m(r.diversified)] : []),
      m(r.fees),
      m(r.forfeited),
      m(r.fundsEnd),
      ...(withStock ? [m(r.stockEnd)] : []),
      events(r),
    ]),
  ];
  const o = t.outputs;
  return (
    `Path ${t.path} (seed ${t.seed}) of the ${t.plan} plan, exactly as the run simulated it; amounts in nominal USD, at each year end.\n\n` +
    `${alignColumns(rows)}\n\n` +
    `At retirement: account ${m(o.terminalWealth)} (company stock ${m(o.employerStockValue)}, ${formatPercent(o.employerStockShare)}); ` +
    `after tax ${m(o.afterTaxBest)} (rollover ${m(o.afterTaxRollover)}, NUA ${m(o.afterTaxNua)}); forfeited ${m(o.forfeited)} in all.\n` +
    (t.payout ? payoutTable(t.payout) : '')
  );
}

/** The payout years: the accounts at the year start, the policy and the RMD (with its divisor), what each account paid, Social Security, tax and spending, the year's inflation and the price index at its start (the path's own under an inflation model). */
function payoutTable(po: NonNullable<UsPathTrace['payout']>): string {
  const m = formatMoney;
  const withShares = po.rows.some((r) => r.sharesStart > 0);
  const rows = [
    ['year', 'age', 'IRA start', 'taxable start', ...(withShares ? ['NUA shares start'] : []), 'policy', 'RMD', 'divisor', 'IRA paid', 'taxable paid', ...(withShares ? ['shares sold'] : []), 'Social Security', 'tax', 'spending', 'spending (start-year $)', 'inflation', 'price index', 'fund return', 'short', 'note'],
    ...po.rows.map((r) => [
      String(r.year), String(r.age), m(r.iraStart), m(r.taxableStart), ...(withShares ? [m(r.sharesStart)] : []),
      m(r.policy), m(r.rmd), r.rmdDivisor > 0 ? r.rmdDivisor.toFixed(1) : '', m(r.iraWithdrawal), m(r.taxableWithdrawal), ...(withShares ? [m(r.sharesSold)] : []),
      m(r.socialSecurity), m(r.tax), m(r.spending), m(r.spendingReal), formatPercent(r.inflation, 2), r.priceIndex.toFixed(4), formatPercent(r.fundReturn, 2), r.short > 0 ? m(r.short) : '', r.alive ? '' : 'after death (fans only)',
    ]),
  ];
  const o = po.outputs;
  return (
    `\nPayout years (route ${po.route}; the policy sets the spending before tax; tax is the year's whole tax with the §72(t) additional tax, the part the NUA basis, NUA sales and the RMD excess add paid from the taxable account):\n\n${alignColumns(rows)}\n\n` +
    `Ran out: ${o.ranOut ? `yes, ${o.yearsShort} years short` : 'no'}; the payout ends at ${o.endAge}; lifetime spending ${m(o.lifetimeSpending)} (start-year $), bequest after tax ${m(o.bequest)} (${m(o.bequestReal)} start-year $); ` +
    `taxes ${m(o.taxesPaid)}; RMD above the policy ${m(o.rmdExcess)}. NUA − rollover (spending + bequest, start-year $): ${m(o.nuaAdvantage)}.\n`
  );
}

function events(r: UsPathTrace['rows'][number]): string {
  const out: string[] = [];
  if (r.defaulted) out.push('stock defaulted');
  if (r.jobLost) out.push('job lost with it');
  else if (r.left) out.push('left the employer');
  return out.join('; ');
}

export function usTraceJson(t: UsPathTrace): string {
  return `${JSON.stringify(t, null, 2)}\n`;
}
