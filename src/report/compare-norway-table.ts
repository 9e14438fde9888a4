/**
 * A Norwegian comparison (studies/compare.ts) as a plain-text table: each scenario's
 * percentiles of the chosen metric side by side, its risk figures, then the paired figures of the
 * first scenario against each other one. Amounts in whole units of the currency, ratios in percent.
 */
import type { NoComparison, NoCompareMetric } from '../studies/compare.js';
import { blockNote } from './block-note.js';
import { alignColumns, formatMoney, formatPercent } from './format-number.js';

const LABEL: Record<NoCompareMetric, string> = {
  capitalAtRetirement: 'capital at the payout start',
  payoutGross: 'first yearly payout, gross',
  payoutNet: 'first yearly payout, net of tax',
  replacementRatio: 'replacement ratio (first gross payout / pay)',
  totalPension: 'total pension with the folketrygd, gross',
};

export function compareNorwayTable(c: NoComparison): string {
  const ratio = c.metric === 'replacementRatio';
  const v = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : ratio ? formatPercent(x) : formatMoney(x));
  const diff = (x: number) => (!Number.isFinite(x) ? '–' : ratio ? `${(x * 100).toFixed(1)} pp` : formatMoney(x));
  const letter = (i: number) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
  const keys = c.percentiles.map((q) => `p${q}`);
  const alpha = `${+(c.alpha * 100).toFixed(2)} %`;
  const rows: string[][] = [['', ...c.scenarios.map((_, i) => letter(i))], ['plan', ...c.scenarios.map((s) => s.plan)]];
  for (const k of keys) rows.push([k, ...c.scenarios.map((s) => v(s.metric.percentiles[k]!))]);
  rows.push(['mean (± s.e.)', ...c.scenarios.map((s) => `${v(s.metric.mean)} ± ${ratio ? formatPercent(s.metric.stderr, 2) : formatMoney(s.metric.stderr)}`)]);
  rows.push([`VaR ${alpha} (the ${alpha} quantile)`, ...c.scenarios.map((s) => v(s.valueAtRisk))]);
  rows.push([`CVaR ${alpha} (mean of the worst ${alpha})`, ...c.scenarios.map((s) => v(s.expectedShortfall))]);
  if (!ratio) rows.push([`certainty equivalent, γ = ${c.gamma}`, ...c.scenarios.map((s) => v(s.certaintyEquivalent))]);
  if (c.scenarios.some((s) => s.shortfall)) {
    rows.push([
      'P(replacement ratio < target)',
      ...c.scenarios.map((s) => (s.shortfall ? `${formatPercent(s.shortfall.probability)} (< ${formatPercent(s.shortfall.targetReplacementRatio)}${s.shortfall.of === 'totalReplacementRatio' ? ', total' : ''})` : '–')),
    ]);
  }
  const unit = ratio ? '' : `, nominal ${c.currency}`;
  const legend = c.scenarios.map((s, i) => `  ${letter(i)}  ${s.name}`).join('\n');
  let out = `Comparison on common random numbers: ${formatMoney(c.paths)} paths, seed ${c.seed}; ${LABEL[c.metric]}${unit}\n${legend}\n\n${alignColumns(rows)}\n`;
  out += blockNote(c);
  c.paired.forEach((p, i) => {
    const b = letter(i + 1);
    const pr: string[][] = [[`A vs ${b}`, `A − ${b}`, `A / ${b}`]];
    for (const k of keys) pr.push([k, diff(p.difference.percentiles[k]!), Number.isFinite(p.ratio.percentiles[k]!) ? p.ratio.percentiles[k]!.toFixed(3) : '–']);
    pr.push(['mean (± s.e.)', `${diff(p.difference.mean)} ± ${diff(p.difference.stderr)}`, '']);
    pr.push([`VaR / CVaR ${alpha} of A − ${b}`, `${diff(p.differenceValueAtRisk)} / ${diff(p.differenceExpectedShortfall)}`, '']);
    out += `\nPaired, path by path: P(A < ${b}) = ${formatPercent(p.probabilityALessThanB)}\n${alignColumns(pr)}\n`;
  });
  return out;
}
