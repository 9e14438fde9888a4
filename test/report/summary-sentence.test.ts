import { describe, expect, it } from 'vitest';
import { reportView } from '../../src/report/report-view.js';
import { outcomesAbove, summarySentence } from '../../src/report/summary-sentence.js';
import { fixtureResult } from './fixture-result.js';

const nb = (s: string) => s.replaceAll(' ', '\u00a0');

describe('summarySentence', () => {
  it('uses p10 when chosen: "In 9 of 10 outcomes …", the median and the median replacement ratio', () => {
    // Fixture: first gross payout p10 = 0.7 × 380 000, p50 = 380 000; median ratio 0.3162.
    expect(summarySentence(reportView(fixtureResult(), { kind: 'nominal' }))).toBe(
      `In 9 of 10 outcomes the yearly pension from 67 is at least ${nb('266 000 kr')} before tax; the median is ${nb('380 000 kr')}, ${nb('31,6 %')} of pay at 67.`,
    );
  });

  it('without p10 it uses the lowest chosen percentile; without p50 the mean', () => {
    expect(summarySentence(reportView(fixtureResult([5, 50, 95]), { kind: 'nominal' }))).toMatch(/^In 19 of 20 outcomes .* at least 228\u00a0000\u00a0kr/);
    expect(summarySentence(reportView(fixtureResult([25, 75]), { kind: 'nominal' }))).toBe(
      `In 3 of 4 outcomes the yearly pension from 67 is at least ${nb('323 000 kr')} before tax; the mean is ${nb('399 000 kr')}, on average ${nb('33,2 %')} of pay at 67.`,
    );
  });

  it('outcomesAbove writes 1 − q/100 as a small fraction, or a percentage', () => {
    expect([10, 5, 2.5, 25, 50, 1].map(outcomesAbove)).toEqual(['9 of 10', '19 of 20', '39 of 40', '3 of 4', '1 of 2', '99 of 100']);
    expect(outcomesAbove(33.3)).toBe('66.7 % of');
  });
});
