import { describe, expect, it } from 'vitest';
import { deflateResult } from '../../src/report/deflate-result.js';
import { reportView } from '../../src/report/report-view.js';
import { resultInG } from '../../src/report/deflate-result.js';
import { fixtureResult } from './fixture-result.js';

describe('deflateResult: amounts in start-year money', () => {
  const nominal = fixtureResult();
  const i = 0.025;
  const real = deflateResult(nominal, i);

  it('divides an amount of age a by (1 + i)^(a − start age), for the fan, the payout fan and the metrics', () => {
    nominal.fan.ages.forEach((age, k) => {
      const index = (1 + i) ** (age - 37);
      expect(real.fan.capital['p50']![k]).toBeCloseTo(nominal.fan.capital['p50']![k]! / index, 6);
      expect(real.fan.mean[k]).toBeCloseTo(nominal.fan.mean[k]! / index, 6);
    });
    nominal.payoutFan.ages.forEach((age, k) => {
      expect(real.payoutFan.net['p5']![k]).toBeCloseTo(nominal.payoutFan.net['p5']![k]! / (1 + i) ** (age - 37), 6);
    });
    const at67 = (1 + i) ** 30;
    expect(real.metrics.capitalAtRetirement.percentiles['p90']).toBeCloseTo(3_000_000 * 1.4 / at67, 6);
    expect(real.metrics.payoutGross.stderr).toBeCloseTo(nominal.metrics.payoutGross.stderr / at67, 9);
    expect(real.metrics.payoutNet.mean).toBeCloseTo(nominal.metrics.payoutNet.mean / at67, 6);
  });

  it('leaves ratios, the shortfall, ages and the start year amount alone, and does not touch its input', () => {
    expect(real.metrics.replacementRatio).toEqual(nominal.metrics.replacementRatio);
    expect(real.shortfall).toEqual(nominal.shortfall);
    expect(real.ages).toEqual(nominal.ages);
    expect(real.fan.capital['p50']![1]).toBeCloseTo(100_000 / (1 + i), 9);
    expect(nominal.fan.capital['p50']![1]).toBe(100_000);
  });

  it('zero inflation changes nothing; reportView deflates only for a real basis', () => {
    expect(deflateResult(nominal, 0)).toEqual(nominal);
    expect(reportView(nominal, { kind: 'nominal' }).result).toBe(nominal);
    expect(reportView(nominal, { kind: 'real', inflation: i, baseYear: 2026 }).result.fan).toEqual(real.fan);
  });
});

describe('resultInG: amounts over G of their year', () => {
  const nominal = fixtureResult();
  // A G path: 136 549 in the start year (age 37), growing 3 % a year.
  const values = nominal.fan.ages.map((a) => 136_549 * 1.03 ** (a - 37));
  const inG = resultInG(nominal, { ages: nominal.fan.ages, values });

  it('divides the capital fan, the payout fans and the payout-start metrics by G of the age; ratios stay', () => {
    expect(inG.fan.capital['p50']![1]).toBeCloseTo(100_000 / (136_549 * 1.03), 12);
    expect(inG.payoutFan.gross['p90']![3]).toBeCloseTo(nominal.payoutFan.gross['p90']![3]! / values[33]!, 12);
    expect(inG.metrics.capitalAtRetirement.percentiles['p50']).toBeCloseTo(3_000_000 / values[30]!, 12);
    expect(inG.metrics.replacementRatio).toEqual(nominal.metrics.replacementRatio);
  });

  it('the HTML view of a G basis shows these amounts in G', () => {
    const view = reportView(nominal, { kind: 'g', gGrowth: 0.03, lastPublished: { year: 2026, value: 136_549 }, g: { ages: nominal.fan.ages, values } });
    expect(view.result.fan).toEqual(inG.fan);
    expect(view.format.unit).toBe('G');
  });

  it('a G path that does not cover the result\'s ages is a programming error, not a silent NaN', () => {
    expect(() => resultInG(nominal, { ages: [40], values: [1] })).toThrow(/no G for age 67/);
  });
});
