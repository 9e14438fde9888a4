import { describe, expect, it } from 'vitest';
import { deflateResult } from '../../src/report/deflate-result.js';
import { reportView } from '../../src/report/report-view.js';
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
