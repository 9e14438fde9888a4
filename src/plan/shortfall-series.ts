/** The Norwegian shortfall is of the total replacement ratio when the folketrygd is modelled, else of the DC one. */
import { SCALAR_SERIES, type SimulationPlan } from './simulation-plan.js';

export function shortfallSeries(plan: SimulationPlan): number {
  const total = plan.extraSeries.indexOf('totalReplacementRatio');
  return total >= 0 ? SCALAR_SERIES.length + total : SCALAR_SERIES.indexOf('replacementRatio');
}
