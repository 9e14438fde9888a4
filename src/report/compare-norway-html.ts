/**
 * `pensim compare --format html` for Norwegian scenarios: one self-contained page (inline SVG and
 * CSS, no script, no loads) with the scenarios' capital fans overlaid on one axis
 * (report/compare-fan-svg.ts), the chosen metric's figures side by side, and the paired figures of
 * the first scenario against each other one, all on common random numbers. Amounts are nominal,
 * as the comparison's figures are, and the page says so. Values carry data attributes (data-scenario,
 * data-key, data-value: the unrounded number) so a test can check them against the JSON.
 */
import type { NoComparison } from '../studies/compare.js';
import { colour, compareFanSvg } from './compare-fan-svg.js';
import { currencyFormat } from './currency-format.js';
import { escapeXml } from './svg-markup.js';

const LABEL: Record<NoComparison['metric'], string> = {
  capitalAtRetirement: 'Capital at the payout start',
  payoutGross: 'First yearly payout, before tax',
  payoutNet: 'First yearly payout, after tax',
  replacementRatio: 'Replacement ratio (first payout before tax ÷ pay)',
  totalPension: 'Total pension with the folketrygd, before tax',
};

/** `fans`: each scenario's capital fan by age (compareScenarios with fans: true). */
export function compareNorwayHtml(c: NoComparison, fans: readonly { ages: number[]; capital: Record<string, number[]> }[], runDate: string): string {
  const f = currencyFormat(c.currency);
  const ratio = c.metric === 'replacementRatio';
  const v = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : ratio ? f.percent(x) : f.money(x));
  const d = (x: number) => (!Number.isFinite(x) ? '–' : ratio ? `${(x * 100).toFixed(1)} pp` : f.money(x));
  const keys = c.percentiles.map((q) => `p${q}`);
  const alpha = f.percent(c.alpha, 0);
  const cell = (hash: string, key: string, x: number | null, text: string) => `<td data-scenario="${hash}" data-key="${key}" data-value="${x}">${escapeXml(text)}</td>`;
  const title = `Comparison: ${c.scenarios.map((s) => s.name).join(' vs ')}`;
  const rows = [
    `<tr><th></th>${c.scenarios.map((s, i) => `<th style="color:${colour(i)}">${escapeXml(s.name)}</th>`).join('')}</tr>`,
    ...keys.map((k) => `<tr><th>${k}</th>${c.scenarios.map((s) => cell(s.hash, k, s.metric.percentiles[k]!, v(s.metric.percentiles[k]!))).join('')}</tr>`),
    `<tr><th>mean</th>${c.scenarios.map((s) => cell(s.hash, 'mean', s.metric.mean, `${v(s.metric.mean)} ± ${ratio ? f.percent(s.metric.stderr, 2) : f.money(s.metric.stderr)}`)).join('')}</tr>`,
    `<tr><th>VaR ${escapeXml(alpha)}</th>${c.scenarios.map((s) => cell(s.hash, 'valueAtRisk', s.valueAtRisk, v(s.valueAtRisk))).join('')}</tr>`,
    `<tr><th>CVaR ${escapeXml(alpha)}</th>${c.scenarios.map((s) => cell(s.hash, 'expectedShortfall', s.expectedShortfall, v(s.expectedShortfall))).join('')}</tr>`,
    ...(ratio ? [] : [`<tr><th>certainty equivalent, γ = ${c.gamma}</th>${c.scenarios.map((s) => cell(s.hash, 'certaintyEquivalent', s.certaintyEquivalent, v(s.certaintyEquivalent))).join('')}</tr>`]),
    `<tr><th>P(replacement ratio &lt; target)</th>${c.scenarios.map((s) => cell(s.hash, 'shortfall', s.shortfall?.probability ?? null, s.shortfall ? `${f.percent(s.shortfall.probability)} (< ${f.percent(s.shortfall.targetReplacementRatio)})` : '–')).join('')}</tr>`,
  ];
  const paired = c.paired.map(
    (p) =>
      `<tr data-pair="${escapeXml(p.a)}|${escapeXml(p.b)}"><td>${escapeXml(p.a)} vs ${escapeXml(p.b)}</td>` +
      `<td data-key="pALessThanB" data-value="${p.probabilityALessThanB}">${escapeXml(f.percent(p.probabilityALessThanB))}</td>` +
      `<td>${escapeXml(d(p.difference.percentiles.p50 ?? NaN))}</td><td>${escapeXml(d(p.difference.mean))}</td><td>${escapeXml(d(p.differenceValueAtRisk))}</td></tr>`,
  );
  const chart = compareFanSvg(
    fans.map((f, i) => ({ name: c.scenarios[i]!.name, ages: f.ages, capital: f.capital })),
    c.percentiles,
    f,
    `nominal ${c.currency}`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(title)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:960px;color:#1d2733}svg{width:100%;height:auto}table{border-collapse:collapse;margin:12px 0;font-variant-numeric:tabular-nums}td,th{padding:4px 10px;border-bottom:1px solid #e3e7ec;text-align:right}th:first-child,td:first-child{text-align:left}.muted{color:#5b6775}</style>
</head><body>
<h1>${escapeXml(title)}</h1>
<p>${escapeXml(`${f.amount(c.paths)} paths each, seed ${c.seed}, on common random numbers: path i sees the same returns, pay and lifetimes in every scenario. Amounts in nominal ${c.currency} (the money of each year). pensim ${c.pensim}, ${runDate}.`)}</p>
<h2>Capital by age</h2>
${chart}
<h2>${escapeXml(LABEL[c.metric])}</h2>
<table>${rows.join('\n')}</table>
<h2>Paired figures (the same path in both)</h2>
<table><tr><th>A vs B</th><th>P(A &lt; B)</th><th>median of A − B</th><th>mean of A − B</th><th>VaR ${escapeXml(alpha)} of A − B</th></tr>${paired.join('\n')}</table>
<p class="muted">The outcomes depend on the scenarios' assumptions; they are not a promise.</p>
</body></html>
`;
}
