import { describe, expect, it } from 'vitest';
import { currencyFormat, gFormat } from '../../src/report/currency-format.js';
import { formatAmount } from '../../src/report/format-number.js';
import { basisJson, describeBasis, resultTerms } from '../../src/report/amount-basis.js';
import { fixtureResult } from './fixture-result.js';

const NBSP = '\u00a0';
const nb = (s: string) => s.replaceAll(' ', NBSP);

describe('currencyFormat', () => {
  it('NOK in nb-NO: non-breaking-space groups, "kr" after, half-up to whole kroner', () => {
    const f = currencyFormat('NOK');
    expect(f.money(3_112_899.4)).toBe(nb('3 112 899 kr'));
    expect(f.money(3_112_899.5)).toBe(nb('3 112 900 kr'));
    expect(f.amount(999.5)).toBe('1' + NBSP + '000');
    expect(f.amount(-0.4)).toBe('0');
    expect(f.percent(0.3162)).toBe(nb('31,6 %'));
  });

  it('USD in en-US: "$" before, comma groups', () => {
    const f = currencyFormat('USD');
    expect(f.money(3_112_899.4)).toBe('$3,112,899');
    expect(f.money(-1234.5)).toBe('-$1,235');
    expect(f.percent(0.3162)).toBe('31.6%');
  });

  it('axis ticks: millions with the decimals the step needs, whole amounts below a million', () => {
    const f = currencyFormat('NOK');
    expect(f.ticks([0, 1e6, 2e6, 3e6])).toEqual(['0', nb('1 mill. kr'), nb('2 mill. kr'), nb('3 mill. kr')]);
    expect(f.ticks([0, 500_000, 1_000_000])).toEqual(['0', nb('0,5 mill. kr'), nb('1,0 mill. kr')]);
    expect(f.ticks([0, 100_000, 200_000])).toEqual(['0', nb('100 000 kr'), nb('200 000 kr')]);
    expect(currencyFormat('USD').ticks([0, 2e6, 4e6])).toEqual(['0', '$2M', '$4M']);
  });

  it('an unknown currency is a programming error', () => {
    expect(() => currencyFormat('EUR')).toThrow(/EUR/);
  });
});

describe('describeBasis', () => {
  it('says nominal or real, and for real the base year and the inflation', () => {
    expect(describeBasis({ kind: 'nominal' }, 'NOK')).toBe('nominal NOK (the money of each year)');
    expect(describeBasis({ kind: 'real', inflation: 0.02, baseYear: 2026 }, 'NOK')).toBe('real NOK in 2026 money (deflated by 2.0 % inflation a year)');
  });
});

describe('the amount basis of a run', () => {
  it('a result whose return model replays real returns is real already; others are nominal', () => {
    expect(resultTerms(fixtureResult())).toBe('nominal');
    expect(resultTerms({ ...fixtureResult(), returns: { model: 'bootstrap', terms: 'real', note: '' } })).toBe('real');
    expect(resultTerms({ ...fixtureResult(), returns: { model: 'bootstrap', terms: 'nominal', note: '' } })).toBe('nominal');
    expect(basisJson({ kind: 'real-returns' })).toEqual({ basis: 'real-returns' });
    expect(describeBasis({ kind: 'real-returns' }, 'NOK')).toMatch(/^real NOK: the return model replays inflation-adjusted returns/);
  });
});

describe('amounts in G', () => {
  const basis = { kind: 'g', gGrowth: 0.03, lastPublished: { year: 2026, value: 136_549 }, g: { ages: [37], values: [136_549] } } as const;

  it('gFormat: two decimals half-up in the currency\'s locale, "G" after; counts stay whole; ticks carry the decimals their step needs', () => {
    const f = gFormat('NOK');
    expect(f.unit).toBe('G');
    expect(f.money(3.456)).toBe(nb('3,46 G'));
    expect(f.money(3.455)).toBe(nb('3,46 G'));
    expect(f.value(1234.5)).toBe(nb('1 234,50'));
    expect(f.amount(20_000)).toBe(nb('20 000'));
    expect(f.ticks([0, 0.5, 1, 1.5])).toEqual(['0', nb('0,5 G'), nb('1,0 G'), nb('1,5 G')]);
    expect(f.ticks([0, 10, 20])).toEqual(['0', nb('10 G'), nb('20 G')]);
    expect(gFormat('USD').money(3.456)).toBe(nb('3.46 G'));
    expect(currencyFormat('NOK').unit).toBe('NOK');
  });

  it('formatAmount: grouped whole part, half-up to the given places', () => {
    expect(formatAmount(1234.5678, 2)).toBe('1 234.57');
    expect(formatAmount(0.005, 2)).toBe('0.01');
    expect(formatAmount(-0.004, 2)).toBe('0.00');
    expect(formatAmount(3_112_899.5, 0)).toBe('3 112 900');
  });

  it('the basis says G, the last published G and the growth after it; JSON carries the G path', () => {
    expect(describeBasis(basis, 'NOK')).toBe('G: each amount divided by the G of its year (G = 136 549 NOK from 1 May 2026, the last published, then growing 3.0 % a year)');
    expect(basisJson(basis)).toEqual({ basis: 'G', perPath: false, gGrowth: 0.03, lastPublished: { year: 2026, value: 136_549 }, g: { ages: [37], values: [136_549] } });
    expect(basisJson({ kind: 'g-simulated', gGrowth: 0.03, lastPublished: basis.lastPublished })).toEqual({ basis: 'G', perPath: true, gGrowth: 0.03, lastPublished: basis.lastPublished });
  });
});
