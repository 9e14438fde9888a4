/**
 * Whether a report's amounts are nominal (the money of each year, as simulated), real (today's
 * money: deflated to the start year's prices by the scenario's inflation assumption, or real
 * already because the return model replays inflation-adjusted returns), or in G (each amount
 * divided by the grunnbeløp of its year, the unit Norwegian pension rules are written in). Every
 * report format states it, so a reader never has to guess.
 *
 * Example (a test checks it): describeBasis({ kind: 'real', inflation: 0.02, baseYear: 2026 }, 'NOK')
 * = "real NOK in 2026 money (deflated by 2.0 % inflation a year)".
 */
import { formatMoney, formatPercent } from './format-number.js';

export type AmountBasis =
  | { kind: 'nominal' }
  | { kind: 'real'; inflation: number; baseYear: number }
  /** The return model's returns are themselves real (historical bootstrap without an inflation model). */
  | { kind: 'real-returns' }
  /** Real by the scenario's stochastic inflation model: each path deflated by its own simulated price index. */
  | { kind: 'real-simulated'; baseYear: number }
  /** In G, the same on every path (certain pay growth): G of the year of each age, from the start age. */
  | { kind: 'g'; gGrowth: number; lastPublished: PublishedG; g: { ages: number[]; values: number[] } }
  /** In G, each path divided by its own G (G follows the path's pay growth after the last published year). */
  | { kind: 'g-simulated'; gGrowth: number; lastPublished: PublishedG };

/** The last G in the built-in table: the projection starts after it. */
export interface PublishedG {
  year: number;
  value: number;
}

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
      return `real ${currency} in ${basis.baseYear} money (each path deflated by its own simulated price index)`;
    case 'g':
      return `G: each amount divided by the G of its year (G = ${formatMoney(basis.lastPublished.value)} ${currency} from 1 May ${basis.lastPublished.year}, the last published, then growing ${formatPercent(basis.gGrowth)} a year)`;
    case 'g-simulated':
      return `G: each path's amounts divided by its own G of their year (published to ${basis.lastPublished.year}, then growing with the path's pay: ${formatPercent(basis.gGrowth)} a year plus its shock)`;
    default:
      return unreachable(basis);
  }
}

/** The basis in a few words, for a chart's subtitle: "real NOK, 2026 money", "in G of each year". */
export function basisLabel(basis: AmountBasis, currency: string): string {
  switch (basis.kind) {
    case 'nominal':
      return `nominal ${currency}`;
    case 'real':
    case 'real-simulated':
      return `real ${currency}, ${basis.baseYear} money`;
    case 'real-returns':
      return `real ${currency}, start-year money`;
    case 'g':
      return 'in G of each year';
    case 'g-simulated':
      return "in G of each year, each path's own";
    default:
      return unreachable(basis);
  }
}

/** Whether amounts are in G (a unit of its own: shown with decimals, labelled G, not the currency). */
export function isInG(basis: AmountBasis): basis is Extract<AmountBasis, { kind: 'g' | 'g-simulated' }> {
  return basis.kind === 'g' || basis.kind === 'g-simulated';
}

/** The unit amounts are labelled with: the currency, or G. */
export function amountUnit(basis: AmountBasis, currency: string): string {
  return isInG(basis) ? 'G' : currency;
}

/**
 * The basis as it appears in the JSON output: { "basis": "nominal" }, { "basis": "real", "baseYear", "inflation" },
 * or { "basis": "G", "perPath", "gGrowth", "lastPublished", and with one G for all paths "g": its value by age }.
 */
export function basisJson(basis: AmountBasis): Record<string, unknown> {
  switch (basis.kind) {
    case 'nominal':
      return { basis: 'nominal' };
    case 'real':
      return { basis: 'real', baseYear: basis.baseYear, inflation: basis.inflation };
    case 'real-returns':
      return { basis: 'real-returns' };
    case 'real-simulated':
      return { basis: 'real-simulated', baseYear: basis.baseYear };
    case 'g':
      return { basis: 'G', perPath: false, gGrowth: basis.gGrowth, lastPublished: basis.lastPublished, g: basis.g };
    case 'g-simulated':
      return { basis: 'G', perPath: true, gGrowth: basis.gGrowth, lastPublished: basis.lastPublished };
    default:
      return unreachable(basis);
  }
}

/**
 * Whether the run's own amounts are nominal or real: an engine with return models says so in
 * `result.returns.terms` (result/returns-result.ts; 'real' for a historical bootstrap without an
 * inflation model). Read through a narrow type so this works with results that lack the block.
 */
export function resultTerms(result: object): 'nominal' | 'real' {
  const returns = (result as { returns?: { terms?: string } }).returns;
  return returns?.terms === 'real' ? 'real' : 'nominal';
}

function unreachable(x: never): never {
  throw new Error(`unexpected amount basis ${JSON.stringify(x)}`);
}
