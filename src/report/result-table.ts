/** The human report of a run: headline percentiles, shortfall, and the capital fan by age. */
import type { Metric, SimulationResult } from '../engine/simulation-result.js';
import { describeBasis, NOMINAL, type AmountBasis } from './amount-basis.js';
import { alignColumns, formatMoney, formatPercent } from './format-number.js';

export function resultTable(r: SimulationResult, basis: AmountBasis = NOMINAL): string {
  const keys = r.percentiles.map((p) => `p${p}`);
  const head = ['', 'mean', ...keys];
  const money = (label: string, m: Metric) => [label, formatMoney(m.mean), ...keys.map((k) => formatMoney(m.percentiles[k]!))];
  const pct = (label: string, m: Metric) => [label, formatPercent(m.mean), ...keys.map((k) => formatPercent(m.percentiles[k]!))];
  const c = r.currency;
  const lines = [
    `pensim ${r.pensim} · ${r.scenario.name ?? 'scenario'} · ${r.scenario.hash.slice(0, 19)}… · seed ${r.seed} · ${formatMoney(r.paths)} paths`,
    `Saving from age ${r.ages.start} to ${r.ages.retirement}; payout from ${r.ages.payoutStart} to ${r.ages.payoutEnd} (${r.ages.payoutEnd - r.ages.payoutStart} years). Amounts in ${describeBasis(basis, c)}.`,
    '',
    alignColumns([
      head,
      money(`Capital at payout start (${c})`, r.metrics.capitalAtRetirement),
      money(`First yearly payout, gross (${c})`, r.metrics.payoutGross),
      money(`First yearly payout, net (${c})`, r.metrics.payoutNet),
      pct('Replacement ratio (gross)', r.metrics.replacementRatio),
    ]),
    '',
    `Standard error of the mean capital: ${formatMoney(r.metrics.capitalAtRetirement.stderr)} ${c}.`,
  ];
  if (r.shortfall) {
    lines.push(
      `Probability that the replacement ratio falls short of ${formatPercent(r.shortfall.targetReplacementRatio)}: ` +
        `${formatPercent(r.shortfall.probability)} (standard error ${formatPercent(r.shortfall.stderr, 2)}).`,
    );
  }
  lines.push('', `Capital by age (${c}, start of the year of that age):`);
  const rows = [['age', 'mean', ...keys]];
  r.fan.ages.forEach((age, i) => {
    const milestone = age === r.ages.retirement || age === r.ages.payoutStart || i === 0 || i === r.fan.ages.length - 1;
    if (milestone || age % 5 === 0) {
      rows.push([String(age), formatMoney(r.fan.mean[i]!), ...keys.map((k) => formatMoney(r.fan.capital[k]![i]!))]);
    }
  });
  lines.push(alignColumns(rows), '', 'Full fan at every age: --format csv or --format json.');
  return `${lines.join('\n')}\n`;
}
