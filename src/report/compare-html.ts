/**
 * `pensim compare --format html`: one self-contained page (inline SVG and CSS, no script, no
 * loads) with the compared scenarios' capital fans overlaid on one axis (each scenario its colour:
 * the p5–p95 and p25–p75 bands and the median, from the chosen percentiles), the terminal-wealth
 * table side by side, and the paired figures of the first scenario against each other one.
 */
import type { Comparison } from '../studies/compare.js';
import { colour, compareFanSvg } from './compare-fan-svg.js';
import { currencyFormat } from './currency-format.js';
import { escapeXml } from './svg-markup.js';

export interface CompareFan {
  ages: number[];
  capital: Record<string, number[]>;
}


/**
 * Today's dollars: each amount of age a divided by index(a) (us-amount-basis.ts: the scenario's
 * price inflation from the start year). Terminal-wealth figures are of the retirement age, so they
 * divide by one index: percentiles, mean, VaR, CVaR and the certainty equivalent (CRRA is
 * homogeneous of degree 1) and the paired differences alike; probabilities and the CE value of $1
 * of stock are ratios and stay.
 */
export interface CompareMoney {
  index: (age: number) => number;
  retirementAge: number;
  /** "real USD in 2026 money (deflated by 2.5 % inflation a year)". */
  describe: string;
}

export function compareHtml(c: Comparison, fans: readonly CompareFan[], runDate: string, real?: CompareMoney): string {
  const f = currencyFormat('USD');
  const atRetirement = real ? real.index(real.retirementAge) : 1;
  const money = (x: number) => (Number.isFinite(x) ? f.money(x / atRetirement) : '–');
  const pct = (x: number) => (Number.isFinite(x) ? f.percent(x, 1) : '–');
  const keys = c.percentiles.map((q) => `p${q}`);
  const title = `Comparison: ${c.scenarios.map((s) => s.name).join(' vs ')}`;
  const cell = (s: string) => `<td>${escapeXml(s)}</td>`;
  const scenarioRows = [
    `<tr><th></th>${c.scenarios.map((s, i) => `<th style="color:${colour(i)}">${escapeXml(s.name)}</th>`).join('')}</tr>`,
    ...keys.map((k) => `<tr><th>terminal wealth ${k}</th>${c.scenarios.map((s) => `<td data-scenario="${s.hash}" data-key="${k}" data-value="${s.terminalWealth.percentiles[k]! / atRetirement}">${escapeXml(money(s.terminalWealth.percentiles[k]!))}</td>`).join('')}</tr>`),
    `<tr><th>mean</th>${c.scenarios.map((s) => cell(money(s.terminalWealth.mean))).join('')}</tr>`,
    `<tr><th>VaR ${pct(c.alpha)}</th>${c.scenarios.map((s) => cell(money(s.valueAtRisk))).join('')}</tr>`,
    `<tr><th>CVaR ${pct(c.alpha)}</th>${c.scenarios.map((s) => cell(money(s.expectedShortfall))).join('')}</tr>`,
    `<tr><th>certainty equivalent, γ = ${c.gamma}</th>${c.scenarios.map((s) => cell(money(s.certaintyEquivalent))).join('')}</tr>`,
    `<tr><th>P(company stock loses more than half)</th>${c.scenarios.map((s) => cell(s.employerStock ? pct(s.employerStock.probabilityStockLosesHalf) : '–')).join('')}</tr>`,
    `<tr><th>CE value of $1 of company stock</th>${c.scenarios.map((s) => cell(s.employerStock ? s.employerStock.ceValuePerDollar.toFixed(3) : '–')).join('')}</tr>`,
  ];
  const pairedRows = c.paired.map(
    (p) =>
      `<tr data-pair="${escapeXml(p.a)}|${escapeXml(p.b)}"><td>${escapeXml(p.a)} vs ${escapeXml(p.b)}</td>` +
      `<td data-key="pALessThanB" data-value="${p.probabilityALessThanB}">${escapeXml(pct(p.probabilityALessThanB))}</td>` +
      `<td>${escapeXml(money(p.difference.percentiles.p50 ?? NaN))}</td><td>${escapeXml(money(p.differenceValueAtRisk))}</td><td>${escapeXml(money(p.differenceExpectedShortfall))}</td></tr>`,
  );
  // Through retirement: the payout years paired path by path (already in start-year dollars: not deflated again).
  const usd = (x: number) => (Number.isFinite(x) ? f.money(x) : '–');
  const payoutRows = c.paired.flatMap((p) => {
    const po = p.payout;
    if (!po) return [];
    const ce = po.spendingCertaintyEquivalent;
    return [
      `<tr data-pair="${escapeXml(p.a)}|${escapeXml(p.b)}" data-section="payout"><td>${escapeXml(p.a)} vs ${escapeXml(p.b)}</td>` +
        `<td data-key="lifetimeSpendingMedian" data-value="${po.lifetimeSpending.percentiles.p50 ?? NaN}">${escapeXml(usd(po.lifetimeSpending.percentiles.p50 ?? NaN))}</td>` +
        `<td data-key="lifetimeSpendingPALessThanB" data-value="${po.lifetimeSpending.probabilityALessThanB}">${escapeXml(pct(po.lifetimeSpending.probabilityALessThanB))}</td>` +
        `<td data-key="bequestRealMean" data-value="${po.bequestReal.mean}">${escapeXml(usd(po.bequestReal.mean))}</td>` +
        `<td data-key="ranOutDifference" data-value="${po.ranOut.difference}">${escapeXml(`${pct(po.ranOut.a)} vs ${pct(po.ranOut.b)} (${po.ranOut.difference >= 0 ? '+' : ''}${pct(po.ranOut.difference)} ± ${pct(po.ranOut.stderr)})`)}</td>` +
        `<td data-key="spendingCeDifference" data-value="${ce.difference}">${escapeXml(`${usd(ce.difference)}${ce.stderr === null ? '' : ` ± ${usd(ce.stderr)}`}`)}</td></tr>`,
    ];
  });
  const payoutTable = payoutRows.length
    ? `<h2>Payout years, paired (same path, same lifetime)</h2>
<p>In start-year dollars, after tax: A − B per path over the years lived; the chance of running out before death or the horizon, A's against B's (difference ± its standard error); the certainty-equivalent yearly spending at γ = ${c.gamma}, A − B.</p>
<table><tr><th>pair A vs B</th><th>median of A − B, lifetime spending</th><th>P(A spends less)</th><th>mean of A − B, bequest</th><th>P(run out)</th><th>CE spending, A − B</th></tr>${payoutRows.join('\n')}</table>
`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:12px 0}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}</style>
</head><body>
<h1>${escapeXml(title)}</h1>
<p>${c.paths.toLocaleString('en-US')} paths each, seed ${c.seed}, on common random numbers (path i sees the same markets in every scenario); amounts in ${escapeXml(real ? real.describe : 'nominal USD')}. pensim ${escapeXml(c.pensim)}, ${escapeXml(runDate)}.</p>
<h2>Account value by age</h2>
${compareFanSvg(fans.map((f, i) => ({ name: c.scenarios[i]?.name ?? `scenario ${i + 1}`, ages: f.ages, capital: real ? deflated(f, real.index) : f.capital })), c.percentiles, currencyFormat('USD'), real ? 'real USD' : 'USD')}
<h2>Terminal wealth and risk</h2>
<table>${scenarioRows.join('\n')}</table>
<h2>Paired figures (same path in both)</h2>
<table><tr><th>pair A vs B</th><th>P(A &lt; B)</th><th>median of A − B</th><th>VaR of A − B</th><th>CVaR of A − B</th></tr>${pairedRows.join('\n')}</table>
${payoutTable}</body></html>
`;
}

function deflated(f: CompareFan, index: (age: number) => number): Record<string, number[]> {
  return Object.fromEntries(Object.entries(f.capital).map(([k, v]) => [k, v.map((x, i) => x / index(f.ages[i]!))]));
}
