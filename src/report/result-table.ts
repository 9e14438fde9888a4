/** The human report of a run: headline percentiles, shortfall, and the capital fan by age. */
import type { Metric, SimulationResult } from '../result/simulation-result.js';
import { amountUnit, describeBasis, isInG, NOMINAL, type AmountBasis } from './amount-basis.js';
import { G_DECIMALS } from './currency-format.js';
import { disabilityRows, disabilitySentence } from './disability-rows.js';
import { alignColumns, formatAmount, formatMoney, formatPercent } from './format-number.js';

/** `r` has its amounts in `basis` already (report/result-in-basis.ts); the basis names their unit. */
export function resultTable(r: SimulationResult, basis: AmountBasis = NOMINAL): string {
  const keys = r.percentiles.map((p) => `p${p}`);
  const head = ['', 'mean', ...keys];
  const decimals = isInG(basis) ? G_DECIMALS : 0;
  const fmt = (x: number) => formatAmount(x, decimals);
  const money = (label: string, m: Metric) => [label, fmt(m.mean), ...keys.map((k) => fmt(m.percentiles[k]!))];
  const pct = (label: string, m: Metric) => [label, formatPercent(m.mean), ...keys.map((k) => formatPercent(m.percentiles[k]!))];
  const c = amountUnit(basis, r.currency);
  const lines = [
    `pensim ${r.pensim} · ${r.scenario.name ?? 'scenario'} · ${r.scenario.hash.slice(0, 19)}… · seed ${r.seed} · ${formatMoney(r.paths)} paths`,
    `Saving from age ${r.ages.start} to ${r.ages.retirement}; payout from ${r.ages.payoutStart} to ${r.ages.payoutEnd} (${r.ages.payoutEnd - r.ages.payoutStart} years). Amounts in ${describeBasis(basis, r.currency)}.`,
    '',
    alignColumns([
      head,
      money(`Capital at payout start (${c})`, r.metrics.capitalAtRetirement),
      money(`First yearly payout, gross (${c})`, r.metrics.payoutGross),
      money(`First yearly payout, net (${c})`, r.metrics.payoutNet),
      pct('Replacement ratio (gross)', r.metrics.replacementRatio),
      ...extraRows(r, c, money, pct),
    ]),
    '',
    `Standard error of the mean capital: ${fmt(r.metrics.capitalAtRetirement.stderr)} ${c}.`,
    ...intervalLines(r, keys, fmt, c),
  ];
  if (r.shortfall) {
    lines.push(
      `Probability that the ${r.shortfall.of === 'totalReplacementRatio' ? 'total ' : ''}replacement ratio falls short of ${formatPercent(r.shortfall.targetReplacementRatio)}: ` +
        `${formatPercent(r.shortfall.probability)} (standard error ${formatPercent(r.shortfall.stderr, 2)}).`,
    );
  }
  if (r.metrics.outlivedPayout) {
    lines.push(`Probability of outliving the payout period: ${formatPercent(r.metrics.outlivedPayout.mean)}.`);
  }
  if (r.metrics.inheritance) {
    const h = r.metrics;
    lines.push(
      `On death, heirs receive on average ${formatMoney(h.inheritance!.mean)} ${c}: children ${formatMoney(h.heirsChildren!.mean)}, ` +
        `spouse ${formatMoney(h.heirsSpouse!.mean)}, estate ${formatMoney(h.heirsEstate!.mean)} (averages over all paths).`,
    );
  }
  if (r.disability) {
    lines.push('', disabilitySentence(r.disability, r.paths));
    const rows = disabilityRows(r.disability, c).map((row) => (row.kind === 'money' ? money(row.label, row.metric) : pct(row.label, row.metric)));
    if (rows.length > 0) lines.push(alignColumns([head, ...rows]));
  }
  lines.push('', `Capital by age (${c}, start of the year of that age):`);
  const rows = [['age', 'mean', ...keys]];
  r.fan.ages.forEach((age, i) => {
    const milestone = age === r.ages.retirement || age === r.ages.payoutStart || i === 0 || i === r.fan.ages.length - 1;
    if (milestone || age % 5 === 0) {
      rows.push([String(age), fmt(r.fan.mean[i]!), ...keys.map((k) => fmt(r.fan.capital[k]![i]!))]);
    }
  });
  lines.push(alignColumns(rows), '', 'Full fan at every age: --format csv or --format json.');
  return `${lines.join('\n')}\n`;
}

/**
 * The 95 % intervals of the headline percentiles as ± half-widths, saying how they were computed
 * (docs/results.md "Intervals"): order statistics of independent paths, or the spread of the
 * sampler's randomized blocks with Student's t.
 */
function intervalLines(r: SimulationResult, keys: readonly string[], fmt: (x: number) => string, c: string): string[] {
  const half = (m: Metric) => keys.filter((k) => m.ci95?.[k]).map((k) => `${k} ± ${fmt((m.ci95![k]![1] - m.ci95![k]![0]) / 2)}`).join(', ');
  const cap = half(r.metrics.capitalAtRetirement);
  if (!cap) return [];
  const iv = r.intervals;
  const blocks = iv?.method === 'randomized-blocks';
  const how = blocks ? `from ${iv.blocks} randomized blocks` : 'order statistics';
  const lines = [`95 % intervals (half-widths, ${how}): capital ${cap} ${c}; first gross payout ${half(r.metrics.payoutGross)} ${c}.`];
  if (blocks) lines.push(blockMethodLine(r.sampler, iv.blocks, iv.multiplier));
  return lines;
}

/** How intervals from randomized blocks are computed, in one sentence (the table's and the HTML's). */
function blockMethodLine(sampler: string, blocks: number, multiplier: number): string {
  return `(The ${sampler} sampler's paths form ${blocks} independent randomizations: each interval, and the standard error, come from the spread of the ${blocks} block estimates around the estimate from all paths, with Student's t(0.975, ${blocks - 1}) = ${multiplier.toFixed(3)}.)`;
}

/** Rows for the optional metrics (folketrygd, lifetime risk), present only when the run has them. */
function extraRows(r: SimulationResult, c: string, money: (label: string, m: Metric) => string[], pct: (label: string, m: Metric) => string[]): string[][] {
  const m = r.metrics;
  const rows: string[][] = [];
  if (m.folketrygdPension) rows.push(money(`Folketrygd pension (${c})`, m.folketrygdPension));
  if (m.totalPension) rows.push(money(`Total pension, gross (${c})`, m.totalPension));
  if (m.totalReplacementRatio) rows.push(pct('Total replacement ratio', m.totalReplacementRatio));
  if (m.ageAtDeath) {
    const age = m.ageAtDeath;
    rows.push(['Age at death', age.mean.toFixed(1), ...r.percentiles.map((p) => String(age.percentiles[`p${p}`]))]);
  }
  if (m.inheritance) rows.push(money(`Left to heirs (${c})`, m.inheritance));
  if (m.survivorBenefits) rows.push(money(`Folketrygd survivors' benefits (${c})`, m.survivorBenefits));
  return rows;
}
