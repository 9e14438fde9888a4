import { describe, expect, it } from 'vitest';
import { cholesky } from '../../src/stats/cholesky.js';
import { fillCorrelatedLognormal } from '../../src/market/correlated-lognormal.js';
import { chunkStream } from '../../src/random/chunk-stream.js';
import { NormalSource } from '../../src/random/normal-source.js';
import { moments } from '../../src/stats/moments.js';

describe('cholesky', () => {
  it('factors the doc example: [[1, 0.1], [0.1, 1]] -> [1, 0, 0.1, √0.99]', () => {
    const l = cholesky([
      [1, 0.1],
      [0.1, 1],
    ])!;
    expect(Array.from(l)).toEqual([1, 0, 0.1, Math.sqrt(0.99)]);
  });

  it('accepts a semi-definite matrix (perfect correlation) and rejects an indefinite one', () => {
    expect(cholesky([[1, 1], [1, 1]])).not.toBeNull();
    expect(cholesky([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])).toBeNull();
  });
});

describe('correlated lognormal returns', () => {
  it('log returns have the given means, volatilities and correlation (within 4 SE)', () => {
    const rho = 0.6;
    const sd = [0.15, 0.05];
    const logMean = new Float64Array([0.05, 0.02]);
    const l = cholesky([[1, rho], [rho, 1]])!;
    const cov = new Float64Array([sd[0]! * l[0]!, 0, sd[1]! * l[2]!, sd[1]! * l[3]!]);
    const years = 50_000;
    const out = new Float64Array(years * 2);
    fillCorrelatedLognormal(new NormalSource(chunkStream(3, 0, 'market')), logMean, cov, years, new Float64Array(2), out);
    const a = new Float64Array(years);
    const b = new Float64Array(years);
    for (let y = 0; y < years; y++) {
      a[y] = Math.log(out[2 * y]!);
      b[y] = Math.log(out[2 * y + 1]!);
    }
    const ma = moments(a);
    const mb = moments(b);
    expect(Math.abs(ma.mean - 0.05)).toBeLessThan(4 * ma.stderr);
    expect(Math.abs(mb.mean - 0.02)).toBeLessThan(4 * mb.stderr);
    let cross = 0;
    for (let y = 0; y < years; y++) cross += (a[y]! - ma.mean) * (b[y]! - mb.mean);
    const r = cross / (years - 1) / (ma.sd * mb.sd);
    // SE of a sample correlation: (1 − ρ²)/√n.
    expect(Math.abs(r - rho)).toBeLessThan((4 * (1 - rho * rho)) / Math.sqrt(years));
    // SE of a sample sd of a normal sample: σ/√(2(n−1)).
    expect(Math.abs(ma.sd - 0.15)).toBeLessThan((4 * 0.15) / Math.sqrt(2 * (years - 1)));
  });
});
