/**
 * A run with the folketrygd: the HTML report shows its rows, words the shortfall by the ratio it is
 * of (the total one), and the summary names the total pension. Review finding: the shortfall of
 * the TOTAL ratio used to be described as the first payout's.
 */
import { describe, expect, it } from 'vitest';
import type { Metric, SimulationResult } from '../../src/result/simulation-result.js';
import { htmlReport } from '../../src/report/html-report.js';
import { reportView } from '../../src/report/report-view.js';
import { summarySentence } from '../../src/report/summary-sentence.js';
import { scenarioFrom } from '../norway/helpers.js';
import { fixtureResult } from './fixture-result.js';

const nb = (s: string) => s.replaceAll(' ', '\u00a0');
const flatMetric = (v: number): Metric => ({ mean: v, sd: 0, stderr: 0, percentiles: { p5: v, p10: v, p25: v, p50: v, p75: v, p90: v, p95: v } });

function withFolketrygd(): SimulationResult {
  const r = fixtureResult();
  return {
    ...r,
    metrics: { ...r.metrics, folketrygdPension: flatMetric(250_000), totalPension: flatMetric(630_000), totalReplacementRatio: flatMetric(0.6) },
    shortfall: { of: 'totalReplacementRatio', targetReplacementRatio: 0.5, probability: 0.075, stderr: 0.006 },
  };
}

describe('the report of a run with the folketrygd', () => {
  const view = reportView(withFolketrygd(), { kind: 'nominal' });

  it('the summary gives the total pension and its ratio', () => {
    expect(summarySentence(view)).toBe(
      `In 9 of 10 outcomes the yearly pension from 67 is at least ${nb('266 000 kr')} before tax; the median is ${nb('380 000 kr')}, ${nb('31,6 %')} of pay at 67; ` +
        `with the folketrygd the median total is ${nb('630 000 kr')}, ${nb('60,0 %')} of pay.`,
    );
  });

  it('the HTML words the shortfall as of the total pension, and has the folketrygd rows', () => {
    const html = htmlReport({ scenario: scenarioFrom('total-pension-with-folketrygd.json', {}), view, runDate: '2026-11-23' });
    expect(html).toContain(`The probability that the total pension (first yearly payout plus folketrygd, before tax) replaces less than ${nb('50,0 %')} of pay in the payout start year is ${nb('7,5 %')}`);
    expect(html).toContain('data-metric="totalPension" data-stat="p50" data-value="630000"');
    expect(html).toContain('data-metric="folketrygdPension" data-stat="mean" data-value="250000"');
    expect(html).toContain('data-metric="totalReplacementRatio" data-stat="p5" data-value="0.6"');
  });

  it('without the folketrygd, the shortfall is of the first payout and there are no folketrygd rows', () => {
    const html = htmlReport({ scenario: scenarioFrom('default.json', {}), view: reportView(fixtureResult(), { kind: 'nominal' }), runDate: '2026-11-23' });
    expect(html).toContain('The probability that the first yearly payout replaces less than');
    expect(html).not.toContain('data-metric="totalPension"');
  });
});
