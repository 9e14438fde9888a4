/**
 * The capital fan of one disability group (result/disability-split.ts: the paths disabled before 67,
 * or the others), drawn as the run's capital fan is, when the run keeps the groups' fans
 * (`disability.groupFans`); null otherwise.
 */
import type { DisabilityGroup } from '../result/disability-split.js';
import { basisLabel } from './amount-basis.js';
import { fanChartSvg, shorten } from './capital-fan-svg.js';
import type { ChartOptions } from './chart-frame.js';
import { percentileName, type ReportView } from './report-view.js';

const STYLES = {
  disabled: { color: '#b5562f', medianColor: '#6b2a12', series: 'capital-disabled' },
  others: { color: '#2f6db5', medianColor: '#173a66', series: 'capital-others' },
} as const;

const WORDS = { disabled: 'disabled before 67', others: 'not disabled before 67' } as const;

export function disabilityGroupFanSvg(view: ReportView, which: 'disabled' | 'others', options: ChartOptions = {}): string | null {
  const r = view.result;
  const group: DisabilityGroup | null | undefined = r.disability?.[which];
  const fan = group?.fan;
  if (!group || !fan) return null;
  return fanChartSvg(
    {
      title: `Pension capital by age, ${WORDS[which]}`,
      subtitle: `${shorten(r.scenario.name ?? 'Scenario', 60)} · ${view.format.amount(group.paths)} of ${view.format.amount(r.paths)} paths · ${basisLabel(view.basis, r.currency)}`,
      yTitle: `capital at the start of each age (${view.format.unit})`,
      aria: `Pension capital by age of the paths ${WORDS[which]}: ${r.scenario.name ?? 'scenario'}`,
      chart: `capital-fan-${which}`,
      ages: fan.ages,
      values: fan.capital,
      mean: fan.mean,
      percentiles: r.percentiles,
      style: STYLES[which],
      markers: [{ id: 'retirement', age: r.ages.retirement, label: `retirement ${r.ages.retirement}`, anchor: 'middle' }],
      calloutAge: r.ages.payoutStart,
      value: view.format.money,
      ticks: view.format.ticks,
      name: (k) => percentileName(view, k),
    },
    options,
  );
}
