/**
 * The scenario's `returns` block compiled into the plan's market model and inflation model (plain
 * data for the workers). No block: no fields at all, so the plan — and every number — is the
 * engine's lognormal one. The historical bootstrap reads the bundled series here, in the
 * coordinator (src/data/bundled-history.ts); only the yearly gross returns of the mapped series
 * travel in the plan (154 years × assets), and workers read no files.
 *
 * Years of history: the calendar years 1871–2024 (each the compounded 12 months January–December);
 * the 9 months of 2025 are not used. The returns are real (inflation-adjusted).
 */
import { calendarYears } from '../data/calendar-years.js';
import { bundledMonthlyReturns } from '../data/bundled-history.js';
import { cholesky } from '../stats/cholesky.js';
import { inflationLoadings } from '../market/inflation-loadings.js';
import { lognormalParams } from '../market/lognormal-params.js';
import type { InflationModel, MarketModel } from '../market/market-model.js';
import { rescaleHistory } from '../market/rescale-history.js';
import { stationaryDistribution } from '../stats/stationary-distribution.js';
import type { Scenario } from '../scenario/schema.js';
import { UserError } from '../base/user-error.js';

export interface CompiledReturns {
  market?: MarketModel;
  inflation?: InflationModel;
}

export function compileReturns(s: Scenario): CompiledReturns {
  const r = s.returns;
  if (!r) return {};
  const out: CompiledReturns = { market: compileMarketModel(s) };
  if (r.inflation) out.inflation = compileInflation(s);
  return out;
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (i === j ? 1 : 0)));
}

function compileMarketModel(s: Scenario): MarketModel {
  const r = s.returns!;
  switch (r.model) {
    case 'lognormal':
      return { kind: 'lognormal' };
    case 'student-t':
      return { kind: 'student-t', nu: r.nu };
    case 'bootstrap':
      return compileBootstrap(s, r);
    case 'regime-switching':
      return compileRegimes(s, r);
  }
}

type Bootstrap = Extract<NonNullable<Scenario['returns']>, { model: 'bootstrap' }>;
type Regimes = Extract<NonNullable<Scenario['returns']>, { model: 'regime-switching' }>;

function compileBootstrap(s: Scenario, r: Bootstrap): MarketModel {
  const hist = calendarYears(bundledMonthlyReturns());
  const nHistory = hist.years.length;
  const blockYears = r.blockYears ?? 1;
  if (blockYears > nHistory) {
    throw new UserError([{ path: 'returns.blockYears', message: `a block cannot be longer than the history: ${nHistory} calendar years (${hist.years[0]}–${hist.years.at(-1)}); got ${blockYears}` }]);
  }
  const assets = s.profile.assets;
  const n = assets.length;
  const history = new Float64Array(nHistory * n);
  assets.forEach((a, i) => {
    const source = hist.returns[r.sources[a.name]!];
    const series = r.rescale ? rescaleHistory(source, a.expectedReturn, a.volatility) : source;
    for (let t = 0; t < nHistory; t++) {
      if (series[t]! <= -1) {
        throw new UserError([{
          path: 'returns.rescale',
          message: `rescaling ${r.sources[a.name]} to asset "${a.name}"'s expectedReturn ${a.expectedReturn} and volatility ${a.volatility} gives ${hist.years[t]} a return of ${(100 * series[t]!).toFixed(1)} %, a loss of more than everything; lower the volatility or do not rescale`,
        }]);
      }
      history[t * n + i] = 1 + series[t]!;
    }
  });
  return { kind: 'bootstrap', method: r.method, blockYears, nHistory, history, firstYear: hist.years[0]! };
}

function compileRegimes(s: Scenario, r: Regimes): MarketModel {
  const assets = s.profile.assets;
  const n = assets.length;
  const k = r.regimes.length;
  const logMean = new Float64Array(k * n);
  const covFactor = new Float64Array(k * n * n);
  r.regimes.forEach((g, j) => {
    const l = cholesky(g.correlation ?? identity(n));
    if (l === null) throw new Error('regime correlation was validated as PSD but has no Cholesky factor');
    assets.forEach((a, i) => {
      const spec = g.assets[a.name]!;
      const { logMean: m, logSd } = lognormalParams(spec.expectedReturn, spec.volatility);
      logMean[j * n + i] = m;
      for (let c = 0; c < n; c++) covFactor[j * n * n + i * n + c] = logSd * l[i * n + c]!;
    });
  });
  const transitionCum = new Float64Array(k * k);
  r.transition.forEach((row, i) => {
    let acc = 0;
    row.forEach((p, j) => (transitionCum[i * k + j] = acc += p));
  });
  const names = r.regimes.map((g) => g.name);
  const initial = r.initialRegime === 'stationary' ? stationaryDistribution(r.transition) : names.map((x) => (x === r.initialRegime ? 1 : 0));
  if (initial === null) throw new Error('the transition matrix was validated to have a unique stationary distribution');
  const initialCum = new Float64Array(k);
  let acc = 0;
  initial.forEach((p, j) => (initialCum[j] = acc += p));
  return { kind: 'regime-switching', nRegimes: k, names, logMean, covFactor, transitionCum, initialCum };
}

function compileInflation(s: Scenario): InflationModel {
  const r = s.returns!;
  const infl = r.inflation!;
  const names = s.profile.assets.map((a) => a.name);
  const n = names.length;
  const rho = names.map((x) => infl.correlation[x] ?? 0);
  const groups = r.model === 'regime-switching' ? r.regimes.map((g) => g.correlation ?? identity(n)) : [s.profile.correlation ?? identity(n)];
  const loadings = new Float64Array(groups.length * (n + 1));
  groups.forEach((c, g) => {
    const row = r.model === 'bootstrap' ? null : inflationLoadings(c, rho);
    if (r.model !== 'bootstrap' && row === null) throw new Error('the inflation correlations were validated as possible');
    if (row) loadings.set(row, g * (n + 1));
    else loadings[g * (n + 1) + n] = 1;
  });
  return {
    mean: infl.mean,
    persistence: infl.persistence,
    sd: infl.sd,
    initial: infl.initial ?? infl.mean,
    loadings,
    nominalizeReturns: r.model === 'bootstrap',
  };
}
