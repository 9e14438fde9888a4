/** The payout part of a US run as plain text (report/us-result-table.ts appends it): outcomes, the chance of running out by age, NUA against rollover. */
import type { UsPayoutResult } from '../result/us-payout-result.js';
import type { Metric } from '../result/simulation-result.js';
import { currencyFormat } from './currency-format.js';

export function usPayoutTable(po: UsPayoutResult, percentiles: number[]): string {
  const f = currencyFormat('USD');
  const keys = percentiles.map((p) => `p${p}`);
  const rows: string[][] = [['payout', 'mean', ...keys]];
  // A result in today's dollars leaves out the nominal sums (report/us-result-in-basis.ts): their rows are skipped.
  const add = (label: string, m: Metric | undefined, fmt: (x: number) => string) => m && rows.push([label, fmt(m.mean), ...keys.map((k) => fmt(m.percentiles[k]!))]);
  const years = (x: number) => x.toFixed(1);
  const mt = po.metrics;
  add('lifetime spending (start-year $)', mt.lifetimeSpending, f.money);
  add('bequest after tax (start-year $)', mt.bequestReal, f.money);
  add('bequest after tax (nominal)', mt.bequest, f.money);
  add('taxes paid (nominal)', mt.taxesPaid, f.money);
  add('RMD above the policy (nominal)', mt.rmdExcess, f.money);
  add('years short', mt.yearsShort, years);
  add('payout ends at age', mt.endAge, years);
  add('NUA − rollover (spending + bequest)', po.nuaVsRollover.advantage, f.money);
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((row) => row[j]!.length)));
  const line = (row: string[]) => row.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  const pr = (p: { probability: number; stderr: number }) => `${f.percent(p.probability)} (± ${f.percent(p.stderr, 2)})`;
  const byAge = po.ranOutByAge.ages
    .map((a, i) => [a, po.ranOutByAge.probability[i]!] as const)
    .filter(([a]) => (a - po.ages.retirement) % 5 === 0 || a === po.ages.horizon - 1)
    .map(([a, p]) => `${a}: ${f.percent(p)}`)
    .join(', ');
  const nv = po.nuaVsRollover;
  const lifetimes = po.lifetimes === 'life-table' ? 'lifetimes from the 2021 US period life table' : 'every path to the horizon';
  return (
    `\nPayout ${po.ages.retirement}–${po.ages.horizon} (${lifetimes}; ${po.withdrawal}; tax ${po.tax}; route ${po.route})\n\n` +
    `${rows.map(line).join('\n')}\n\n` +
    `P(running out before ${po.lifetimes === 'life-table' ? 'death or ' : ''}${po.ages.horizon}) = ${pr(po.ranOut)}\n` +
    `P(run out by age, if alive): ${byAge}\n` +
    `Lifetime spending's certainty equivalent (γ = ${po.spendingCertaintyEquivalent.gamma}): ${f.money(po.spendingCertaintyEquivalent.value)} a year (start-year $)\n` +
    `NUA: spending CE ${f.money(nv.nua.spendingCertaintyEquivalent)}, mean bequest ${f.money(nv.nua.bequestReal)}; ` +
    `rollover: spending CE ${f.money(nv.rollover.spendingCertaintyEquivalent)}, mean bequest ${f.money(nv.rollover.bequestReal)}; P(NUA better) = ${pr(nv.nuaBetter)}\n`
  );
}
