/**
 * The fan of the yearly payout over the payout years, before and after tax: two panels side by
 * side on one y scale, so the tax is the gap between them. Percentile bands and the median as in
 * the capital fan (fan-bands.ts decides which bands exist). With lifetime risk the fan is of those
 * alive at each age (result.payoutFan.alive), over the ages at which anyone is.
 */
import { scaleLinear } from 'd3-scale';
import { basisLabel } from './amount-basis.js';
import { ageTicks, heading, headingDrop, legend, MUTED, svgDocument, xAxis, yAxis, type Box, type ChartOptions } from './chart-frame.js';
import { shorten } from './capital-fan-svg.js';
import { fanLayout } from './fan-bands.js';
import { fanLegend, fanMarkup, type FanStyle } from './fan-markup.js';
import { percentileName, type ReportView } from './report-view.js';
import { text } from './svg-markup.js';

export const PAYOUT_FAN_WIDTH = 880;
export const PAYOUT_FAN_HEIGHT = 440;

const GROSS: FanStyle = { color: '#2f6db5', medianColor: '#173a66', series: 'gross' };
const NET: FanStyle = { color: '#2a8c5a', medianColor: '#17543a', series: 'net' };

export function payoutFanSvg(view: ReportView, options: ChartOptions = {}): string {
  const r = view.result;
  const drop = headingDrop(options);
  const height = PAYOUT_FAN_HEIGHT - drop;
  const top = 84 - drop;
  // With lifetime risk the fan is of those alive at each age (the dead are paid nothing: not a payout that ran out).
  const f = r.payoutFan.alive ?? r.payoutFan;
  const layout = fanLayout(r.percentiles);
  const all = [...Object.values(f.gross).flat(), ...Object.values(f.net).flat()];
  const y = scaleLinear()
    .domain([Math.min(0, ...all), Math.max(1, ...all)])
    .nice()
    .range([top + 260, top]);
  const yTicks = y.ticks(6);
  const first = f.ages[0]!;
  const last = f.ages[f.ages.length - 1]!;
  const ageDomain = first === last ? [first - 0.5, last + 0.5] : [first, last];
  const gap = 56;
  const panelWidth = (PAYOUT_FAN_WIDTH - 104 - 32 - gap) / 2;
  const panel = (left: number, style: FanStyle, values: Record<string, number[]>, title: string) => {
    const box: Box = { left, top, width: panelWidth, height: 260 };
    const x = scaleLinear().domain(ageDomain).range([box.left, box.left + box.width]);
    return (
      yAxis(y, box, yTicks, left === 104 ? view.format.ticks(yTicks) : yTicks.map(() => '')) +
      text({ x: box.left + box.width / 2, y: box.top - 10, 'text-anchor': 'middle', fill: MUTED, 'font-size': 12, 'font-weight': 'bold' }, title) +
      fanMarkup({ ages: f.ages, values }, layout, x, y, style) +
      xAxis(x, box, ageTicks(x), String, 'age')
    );
  };
  const name = (k: string) => percentileName(view, k);
  const subtitle = `${shorten(r.scenario.name ?? 'Scenario', 60)} · ${basisLabel(view.basis, r.currency)}${r.payoutFan.alive ? ' · of those alive at each age' : ''}`;
  const body =
    (drop ? '' : heading(24, `Yearly payout from ${r.ages.payoutStart} to ${r.ages.payoutEnd}`, subtitle)) +
    panel(104, GROSS, f.gross, 'before tax') +
    panel(104 + panelWidth + gap, NET, f.net, 'after tax') +
    legend(
      [
        ...fanLegend(layout, GROSS, name, false).map((i) => (i.kind === 'line' && i.label.startsWith('median') ? { ...i, label: `${i.label}, before tax` } : i)),
        ...fanLegend(layout, NET, name, false).filter((i) => i.kind === 'line' && i.label.startsWith('median')).map((i) => ({ ...i, label: `${i.label}, after tax` })),
      ],
      104,
      height - 40,
      PAYOUT_FAN_WIDTH - 24,
    );
  return svgDocument(PAYOUT_FAN_WIDTH, height, `Yearly payout: ${r.scenario.name ?? 'scenario'}`, body, { 'data-chart': 'payout-fan', ...(r.payoutFan.alive && { 'data-of': 'alive' }) });
}
