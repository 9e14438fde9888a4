/**
 * What the HTML, SVG and PNG reports draw: the run's result in the chosen money (deflated when the
 * basis is real, divided by G when it is G), the basis itself, the number style (the currency's, or G's) and the names of the percentiles
 * (a preset may name them: PRIIPs' p5 is "stress"). Built once, so every chart and table of one
 * report shows the same numbers.
 */
import { percentileKey, type SimulationResult } from '../result/simulation-result.js';
import { isInG, type AmountBasis } from './amount-basis.js';
import { currencyFormat, gFormat, type CurrencyFormat } from './currency-format.js';
import { resultInBasis } from './result-in-basis.js';

export interface ReportView {
  /** The result with its amounts in the basis's money. */
  result: SimulationResult;
  basis: AmountBasis;
  format: CurrencyFormat;
  labels: Readonly<Record<string, string>>;
}

export function reportView(result: SimulationResult, basis: AmountBasis, labels: Readonly<Record<string, string>> = {}): ReportView {
  return {
    result: resultInBasis(result, basis),
    basis,
    format: isInG(basis) ? gFormat(result.currency) : currencyFormat(result.currency),
    labels,
  };
}

/** "p5", or "p5 stress" when the view names it. */
export function percentileName(view: ReportView, key: string): string {
  const name = view.labels[key];
  return name ? `${key} ${name}` : key;
}

/** The percentile keys of the run, lowest first. */
export function percentileKeys(view: ReportView): string[] {
  return [...view.result.percentiles].sort((a, b) => a - b).map(percentileKey);
}
