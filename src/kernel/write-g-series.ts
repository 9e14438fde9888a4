/**
 * Writes one path's G series (layout in plan/g-series.ts) once its years are done: its own G in
 * the year of each age, and its capital, payouts and headline amounts divided by it. Reads the
 * path's nominal values from `series`; `gYear` holds the path's G of years 0..nYears − 1. The headline amounts are of the payout start year, so they
 * are divided by that year's G, as the capital at the start of that age is.
 */
import { G_SCALARS } from '../plan/g-series.js';
import { fanOffset, gSeriesAt, SCALAR_SERIES, type SimulationPlan } from '../plan/simulation-plan.js';

export function writeGSeries(plan: SimulationPlan, series: Float64Array, paths: number, p: number, gYear: Float64Array): void {
  const n = plan.nYears + 1;
  // The last age (the payout end) starts after the last simulated year: no wage shock is drawn
  // for it, so its G is the published one or last year's grown at the expected rate.
  gYear[plan.nYears] = plan.nYears < plan.nKnownG ? plan.gDet[plan.nYears]! : gYear[plan.nYears - 1]! * (1 + plan.gGrowth);
  const m = plan.nYears - plan.payStart;
  const at = gSeriesAt(plan);
  const capitalAt = fanOffset(plan);
  const payoutAt = capitalAt + n;
  for (let a = 0; a < n; a++) {
    series[(at + a) * paths + p] = gYear[a]!;
    series[(at + n + a) * paths + p] = series[(capitalAt + a) * paths + p]! / gYear[a]!;
  }
  // The gross and net payout fans are adjacent, as are their series in G.
  for (let j = 0; j < 2 * m; j++) {
    series[(at + 2 * n + j) * paths + p] = series[(payoutAt + j) * paths + p]! / gYear[plan.payStart + (j % m)]!;
  }
  const atPayout = gYear[plan.payStart]!;
  const scalarsAt = at + 2 * n + 2 * m;
  G_SCALARS.forEach((name, s) => {
    const from = scalarIndex(plan, name);
    series[(scalarsAt + s) * paths + p] = from < 0 ? 0 : series[from * paths + p]! / atPayout;
  });
}

/** Where a headline amount is among the path's series; −1 when the plan has no such series (no folketrygd). */
function scalarIndex(plan: SimulationPlan, name: (typeof G_SCALARS)[number]): number {
  const scalar = (SCALAR_SERIES as readonly string[]).indexOf(name);
  if (scalar >= 0) return scalar;
  const extra = (plan.extraSeries as readonly string[]).indexOf(name);
  return extra < 0 ? -1 : SCALAR_SERIES.length + extra;
}
