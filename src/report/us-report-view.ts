/**
 * What a US run's reports draw (the US counterpart of report-view.ts): the result in the chosen
 * dollars (us-result-in-basis.ts), the basis, the en-US number style and the percentiles' names.
 * Built once, so every chart and table of one report shows the same numbers.
 */
import { percentileKey } from '../result/simulation-result.js';
import type { UsRunResult } from '../result/us-result.js';
import type { UsScenario } from '../scenario/us-schema.js';
import type { AmountBasis } from './amount-basis.js';
import { currencyFormat, type CurrencyFormat } from './currency-format.js';
import { usInflation } from './us-amount-basis.js';
import { usResultInBasis } from './us-result-in-basis.js';

export interface UsReportView {
  result: UsRunResult;
  basis: AmountBasis;
  format: CurrencyFormat;
  labels: Readonly<Record<string, string>>;
  /** The scenario's price inflation (us-amount-basis.ts): real series of the engine are turned nominal with it. */
  inflation: number;
}

export function usReportView(scenario: UsScenario, result: UsRunResult, basis: AmountBasis, labels: Readonly<Record<string, string>> = {}): UsReportView {
  return { result: usResultInBasis(result, basis), basis, format: currencyFormat('USD'), labels, inflation: usInflation(scenario) };
}

/** The percentile keys of the run, lowest first. */
export function usPercentileKeys(view: UsReportView): string[] {
  return [...view.result.percentiles].sort((a, b) => a - b).map(percentileKey);
}

/** "p5", or "p5 stress" when the view names it. */
export function usPercentileName(view: UsReportView, key: string): string {
  const name = view.labels[key];
  return name ? `${key} ${name}` : key;
}
