/**
 * Cross-field rules of the `returns` block (see returns-schema.ts): names that must match the
 * profile's assets, block lengths per bootstrap method, transition rows summing to 1, a unique
 * long-run regime distribution when the first regime is drawn from it, and correlation matrices
 * (each regime's, and each extended by the inflation correlations) that are valid.
 * The number of historical years (a block may not be longer) is checked when the plan is compiled.
 */
import { extendedCorrelation } from '../stats/extended-correlation.js';
import { stationaryDistribution } from '../stats/stationary-distribution.js';
import { correlationMatrixProblems } from './correlation-problems.js';
import type { Scenario } from './schema.js';
import type { Problem } from '../base/user-error.js';

/** Transition rows may differ from 1 by this much (decimal fractions such as 0.7 + 0.2 + 0.1). */
export const ROW_SUM_TOLERANCE = 1e-9;

export function returnsProblems(s: Scenario): Problem[] {
  const r = s.returns;
  if (!r) return [];
  const names = s.profile.assets.map((a) => a.name);
  const out: Problem[] = [];
  switch (r.model) {
    case 'lognormal':
    case 'student-t':
      break;
    case 'bootstrap':
      out.push(...bootstrapProblems(r, names));
      break;
    case 'regime-switching':
      out.push(...regimeProblems(r, names));
      break;
  }
  out.push(...inflationProblems(s, names));
  return out;
}

type Bootstrap = Extract<NonNullable<Scenario['returns']>, { model: 'bootstrap' }>;
type Regimes = Extract<NonNullable<Scenario['returns']>, { model: 'regime-switching' }>;

function bootstrapProblems(r: Bootstrap, names: string[]): Problem[] {
  const out: Problem[] = [];
  if (r.method === 'iid' && r.blockYears !== undefined && r.blockYears !== 1) {
    out.push({ path: 'returns.blockYears', message: `the iid bootstrap draws single years; remove blockYears or choose a block method (moving-block, circular-block, stationary); got ${r.blockYears}` });
  }
  if (r.method !== 'iid' && r.blockYears === undefined) {
    out.push({ path: 'returns.blockYears', message: `is required for the ${r.method} bootstrap: the ${r.method === 'stationary' ? 'mean ' : ''}block length in years, at least 1` });
  }
  if ((r.method === 'moving-block' || r.method === 'circular-block') && r.blockYears !== undefined && !Number.isInteger(r.blockYears)) {
    out.push({ path: 'returns.blockYears', message: `the ${r.method} bootstrap needs a whole number of years (only the stationary bootstrap takes a mean length); got ${r.blockYears}` });
  }
  out.push(...namesProblems(Object.keys(r.sources), names, 'returns.sources', 'a historical series ("stocks" or "bonds")'));
  return out;
}

function regimeProblems(r: Regimes, names: string[]): Problem[] {
  const out: Problem[] = [];
  const n = r.regimes.length;
  const regimeNames = r.regimes.map((g) => g.name);
  r.regimes.forEach((g, k) => {
    const path = `returns.regimes[${k}]`;
    if (regimeNames.indexOf(g.name) !== k) out.push({ path: `${path}.name`, message: `regime name "${g.name}" is used twice` });
    out.push(...namesProblems(Object.keys(g.assets), names, `${path}.assets`, 'its expectedReturn and volatility in this regime'));
    if (g.correlation) out.push(...correlationMatrixProblems(g.correlation, names.length, `${path}.correlation`));
  });
  if (r.initialRegime !== 'stationary' && !regimeNames.includes(r.initialRegime)) {
    out.push({ path: 'returns.initialRegime', message: `must be "stationary" or a regime name (${regimeNames.map((x) => `"${x}"`).join(', ')}); got "${r.initialRegime}"` });
  }
  const t = r.transition;
  if (t.length !== n || t.some((row) => row.length !== n)) {
    out.push({ path: 'returns.transition', message: `the transition matrix must be ${n}×${n} (one row and column per regime, in the order of returns.regimes)` });
    return out;
  }
  let rowsOk = true;
  t.forEach((row, i) => {
    const sum = row.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
      rowsOk = false;
      out.push({ path: `returns.transition[${i}]`, message: `row ${i} (from regime "${regimeNames[i]}") must sum to 1: it gives the probabilities of next year's regime; it sums to ${sum}` });
    }
  });
  if (rowsOk && r.initialRegime === 'stationary' && stationaryDistribution(t) === null) {
    out.push({ path: 'returns.initialRegime', message: 'the transition matrix has no unique long-run distribution (some regimes never reach each other); name the first year\'s regime instead of "stationary"' });
  }
  return out;
}

function inflationProblems(s: Scenario, names: string[]): Problem[] {
  const r = s.returns!;
  const infl = r.inflation;
  if (!infl) return [];
  const keys = Object.keys(infl.correlation);
  const out: Problem[] = [];
  for (const key of keys) {
    if (!names.includes(key)) out.push({ path: `returns.inflation.correlation.${key}`, message: `no asset named "${key}"; assets are ${names.join(', ')}` });
  }
  if (out.length > 0 || keys.length === 0) return out;
  if (r.model === 'bootstrap') {
    return [{ path: 'returns.inflation.correlation', message: 'is not available with the historical bootstrap: the bundled series has no inflation column, so inflation is drawn independently of the replayed years; remove it' }];
  }
  const rho = names.map((n) => infl.correlation[n] ?? 0);
  const identity = names.map((_, i) => names.map((__, j) => (i === j ? 1 : 0)));
  const matrices = r.model === 'regime-switching'
    ? r.regimes.map((g, k) => ({ c: g.correlation ?? identity, where: ` with regime "${g.name}"'s correlation (returns.regimes[${k}].correlation)` }))
    : [{ c: s.profile.correlation ?? identity, where: ' with profile.correlation' }];
  for (const { c, where } of matrices) {
    if (c.length !== names.length || c.some((row) => row.length !== names.length)) continue; // reported elsewhere
    if (correlationMatrixProblems(extendedCorrelation(c, rho), names.length + 1, 'x').length > 0) {
      out.push({ path: 'returns.inflation.correlation', message: `these correlations are impossible together${where}: the matrix extended by inflation is not positive semi-definite` });
    }
  }
  return out;
}

/** Keys must be exactly the asset names: each unknown key, and each asset left out, is a problem. */
function namesProblems(keys: string[], names: string[], path: string, what: string): Problem[] {
  const out: Problem[] = [];
  for (const key of keys) if (!names.includes(key)) out.push({ path: `${path}.${key}`, message: `no asset named "${key}"; assets are ${names.join(', ')}` });
  for (const name of names) if (!keys.includes(name)) out.push({ path, message: `asset "${name}" is missing: give every profile asset ${what}` });
  return out;
}
