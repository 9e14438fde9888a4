/**
 * Whether a report's amounts are nominal (the money of each year, as simulated) or real (today's
 * money: deflated to the start year's prices by the scenario's inflation assumption, or real
 * already because the return model replays inflation-adjusted returns). Every report format
 * states it, so a reader never has to guess.
 *
 * Example (a test checks it): describeBasis({ kind: 'real', inflation: 0.02, baseYear: 2026 }, 'NOK')
 * = "real NOK in 2026 money (deflated by 2.0 % inflation a year)".
 */
import { formatPercent } from './format-number.js';

export type AmountBasis =
  | { kind: 'nominal' }
  | { kind: 'real'; inflation: number; baseYear: number }
  /** The return model's returns are themselves real (historical bootstrap without an inflation model). */
  | { kind: 'real-returns' }
  /** Real by the scenario's stochastic inflation model: each path deflated by its own simulated price index. */
  | { kind: 'real-simulated'; baseYear: number };

export const NOMINAL: AmountBasis = { kind: 'nominal' };

/** The basis in words, after "Amounts in …". */
export function describeBasis(basis: AmountBasis, currency: string): string {
  switch (basis.kind) {
    case 'nominal':
      return `nominal ${currency} (the money of each year)`;
    case 'real':
      return `real ${currency} in ${basis.baseYear} money (deflated by ${formatPercent(basis.inflation)} inflation a year)`;
    case 'real-returns':
      return `real ${currency}: the return model replays inflation-adjusted returns, so capital grows in start-year money`;
    case 'real-simulated':
      return `real ${currency} in ${basis.baseYear} money (each path deflated by its own simulated price index; the payout fan by the mean index)`;
    default:
      return unreachable(basis);
  }
}

/** The basis as it appears in the JSON output: { "basis": "nominal" } or { "basis": "real", "baseYear", "inflation" }. */
export function basisJson(basis: AmountBasis): Record<string, string | number> {
  switch (basis.kind) {
    case 'nominal':
      return { basis: 'nominal' };
    case 'real':
      return { basis: 'real', baseYear: basis.baseYear, inflation: basis.inflation };
    case 'real-returns':
      return { basis: 'real-returns' };
    case 'real-simulated':
      return { basis: 'real-simulated', baseYear: basis.baseYear };
    default:
      return unreachable(basis);
  }
}

/**
 * Whether the run's own amounts are nominal or real: an engine with return models says so in
 * `result.returns.terms` (engine/returns-result.ts; 'real' for a historical bootstrap without an
 * inflation model). Read through a narrow type so this works with results that lack the block.
 */
export function resultTerms(result: object): 'nominal' | 'real' {
  const returns = (result as { returns?: { terms?: string } }).returns;
  return returns?.terms === 'real' ? 'real' : 'nominal';
}

function unreachable(x: never): never {
  throw new Error(`unexpected amount basis ${JSON.stringify(x)}`);
}
