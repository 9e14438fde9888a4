/**
 * Adds the market's per-year state to a traced path's years: the regime (regime-switching), the
 * historical calendar year replayed (bootstrap) and the year's inflation (inflation model). The
 * kernel's trace calls stay as they are; this wraps the trace hook once per chunk.
 */
import type { MarketModel } from '../market/market-model.js';
import type { MarketPath } from '../market/market-path.js';
import type { TraceYear } from './run-chunk.js';

export interface TraceHook {
  path: number;
  year: (t: TraceYear) => void;
}

export function withMarketTrace(trace: TraceHook, market: MarketPath, model: MarketModel | undefined): TraceHook {
  if (!market.regimes && !market.historyYears && !market.inflation) return trace;
  const firstYear = model?.kind === 'bootstrap' ? model.firstYear : 0;
  return {
    path: trace.path,
    year: (t) =>
      trace.year({
        ...t,
        ...(market.regimes && { regime: market.regimes[t.y]! }),
        ...(market.historyYears && { historyYear: firstYear + market.historyYears[t.y]! }),
        ...(market.inflation && { inflation: market.inflation[t.y]! }),
      }),
  };
}
