/**
 * The comparison as a plain-text table (en-US numbers, USD): each scenario's terminal-wealth
 * percentiles side by side, its risk measures, the employer-stock figures, then the paired figures
 * of the first scenario against each other one (with payout sections, the paired payout figures).
 */
import type { Comparison } from '../studies/compare.js';
import { blockNote } from './block-note.js';
import { currencyFormat } from './currency-format.js';

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? '').length)));
  return cells.map((r) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ')).join('\n');
}

export function compareTable(c: Comparison): string {
  const f = currencyFormat('USD');
  const money = (x: number) => (Number.isFinite(x) ? f.money(x) : '–');
  const pct = (x: number) => (Number.isFinite(x) ? f.percent(x, 1) : '–');
  const fixed = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
  // Columns are lettered (A is the first scenario); the legend names them.
  const letter = (i: number) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
  const names = c.scenarios.map((_, i) => letter(i));
  const keys = c.percentiles.map((q) => `p${q}`);
  const alpha = `${+(c.alpha * 100).toFixed(2)}%`;
  const rows: string[][] = [['', ...names]];
  rows.push(['plan', ...c.scenarios.map((s) => s.plan)]);
  for (const k of keys) rows.push([`terminal wealth ${k}`, ...c.scenarios.map((s) => money(s.terminalWealth.percentiles[k]!))]);
  rows.push(['mean (± s.e.)', ...c.scenarios.map((s) => `${money(s.terminalWealth.mean)} ± ${money(s.terminalWealth.stderr)}`)]);
  rows.push([`VaR ${alpha} (the ${alpha} quantile)`, ...c.scenarios.map((s) => money(s.valueAtRisk))]);
  rows.push([`CVaR ${alpha} (mean of the worst ${alpha})`, ...c.scenarios.map((s) => money(s.expectedShortfall))]);
  rows.push([`certainty equivalent, γ = ${c.gamma}`, ...c.scenarios.map((s) => money(s.certaintyEquivalent))]);
  if (c.scenarios.some((s) => s.shortfall)) {
    rows.push(['P(wealth < target)', ...c.scenarios.map((s) => (s.shortfall ? `${pct(s.shortfall.probability)} (< ${money(s.shortfall.target)})` : '–'))]);
  }
  rows.push(['after tax, better of NUA / rollover (mean)', ...c.scenarios.map((s) => money(s.afterTaxBest.mean))]);
  if (c.scenarios.some((s) => s.payout)) {
    const po = (get: (p: NonNullable<(typeof c.scenarios)[number]['payout']>) => string) => c.scenarios.map((s) => (s.payout ? get(s.payout) : '–'));
    rows.push(['payout: ages', ...po((p) => `${p.ages.retirement}–${p.ages.horizon}`)]);
    rows.push(['P(running out before death / horizon)', ...po((p) => pct(p.ranOut.probability))]);
    rows.push([`spending certainty equivalent (start-year $ a year)`, ...po((p) => `${money(p.spendingCertaintyEquivalent.value)} (γ ${p.spendingCertaintyEquivalent.gamma})`)]);
    rows.push(['lifetime spending after tax (mean, start-year $)', ...po((p) => money(p.metrics.lifetimeSpending.mean))]);
    rows.push(['bequest after tax (mean, start-year $)', ...po((p) => money(p.metrics.bequestReal.mean))]);
    rows.push(['years short (mean)', ...po((p) => p.metrics.yearsShort.mean.toFixed(2))]);
    rows.push(['taxes paid (mean, nominal)', ...po((p) => money(p.metrics.taxesPaid.mean))]);
    rows.push(['P(NUA beats rollover over retirement)', ...po((p) => (p.route === 'nua' || p.nuaVsRollover.advantage.sd > 0 ? pct(p.nuaVsRollover.nuaBetter.probability) : '–'))]);
  }
  const es = (get: (e: NonNullable<(typeof c.scenarios)[number]['employerStock']>) => string) =>
    c.scenarios.map((s) => (s.employerStock ? get(s.employerStock) : '–'));
  if (c.scenarios.some((s) => s.employerStock)) {
    rows.push(['company stock share at retirement (mean)', ...es((e) => pct(e.meanShareAtRetirement))]);
    rows.push(['P(employer defaults)', ...es((e) => pct(e.probabilityOfDefault))]);
    rows.push(['P(stock loses more than half)', ...es((e) => pct(e.probabilityStockLosesHalf))]);
    rows.push([`CE value of $1 of stock, w = 100%, γ = ${c.gamma}`, ...es((e) => `$${fixed(e.ceValuePerDollar)}`)]);
    rows.push(['CE value of $1 of stock, w = share held', ...es((e) => (e.ceValuePerDollarAtMeanShare === null ? '–' : `$${fixed(e.ceValuePerDollarAtMeanShare)}`))]);
  }
  const legend = c.scenarios.map((s, i) => `  ${letter(i)}  ${s.name}`).join('\n');
  let out = `Comparison on common random numbers: ${f.amount(c.paths)} paths, seed ${c.seed}; terminal wealth = pre-tax account at retirement, nominal USD\n${legend}\n\n${pad(rows)}\n`;
  out += blockNote(c);
  c.paired.forEach((p, i) => {
    const b = letter(i + 1);
    const pr: string[][] = [[`A vs ${b}`, `A − ${b}`, `A / ${b}`]];
    for (const k of keys) pr.push([k, money(p.difference.percentiles[k]!), fixed(p.ratio.percentiles[k]!)]);
    pr.push(['mean (± s.e.)', `${money(p.difference.mean)} ± ${money(p.difference.stderr)}`, '']);
    pr.push([`VaR / CVaR ${alpha} of A − ${b}`, `${money(p.differenceValueAtRisk)} / ${money(p.differenceExpectedShortfall)}`, '']);
    out += `\nPaired, path by path: P(A < ${b}) = ${pct(p.probabilityALessThanB)}\n${pad(pr)}\n`;
    const po = p.payout;
    if (po) {
      const sd = (x: number) => `${money(x)}`;
      const qr: string[][] = [[`payout, A − ${b} per path`, 'lifetime spending', 'bequest', 'years short']];
      for (const k of keys) qr.push([k, sd(po.lifetimeSpending.percentiles[k]!), sd(po.bequestReal.percentiles[k]!), po.yearsShort.percentiles[k]!.toFixed(1)]);
      qr.push(['mean (± s.e.)', `${money(po.lifetimeSpending.mean)} ± ${money(po.lifetimeSpending.stderr)}`, `${money(po.bequestReal.mean)} ± ${money(po.bequestReal.stderr)}`, `${po.yearsShort.mean.toFixed(2)} ± ${po.yearsShort.stderr.toFixed(2)}`]);
      const ce = po.spendingCertaintyEquivalent;
      out +=
        `\nPaired payout years (start-year $, each path deflated by its own price index): P(A's lifetime spending < ${b}'s) = ${pct(po.lifetimeSpending.probabilityALessThanB)}\n${pad(qr)}\n` +
        `P(running out): A ${pct(po.ranOut.a)}, ${b} ${pct(po.ranOut.b)}, A − ${b} ${(po.ranOut.difference * 100).toFixed(2)} points ± ${(po.ranOut.stderr * 100).toFixed(2)}\n` +
        `spending certainty equivalent, γ = ${ce.gamma} (start-year $ a year): A ${money(ce.a)}, ${b} ${money(ce.b)}, A − ${b} ${money(ce.difference)}${ce.stderr === null ? '' : ` ± ${money(ce.stderr)}`}\n`;
    }
  });
  return out;
}
