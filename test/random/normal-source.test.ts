import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { chunkStream } from '../../src/random/chunk-stream.js';
import { NormalSource } from '../../src/random/normal-source.js';
import { moments } from '../../src/stats/moments.js';

const Phi = (x: number) => 0.5 * (1 + errorFunction(x / Math.SQRT2));
const N = 1_000_000;
const draws = (() => {
  const normal = new NormalSource(chunkStream(12345, 0, 'market'));
  const x = new Float64Array(N);
  for (let i = 0; i < N; i++) x[i] = normal.next();
  return x;
})();

describe('ziggurat normal source', () => {
  it('mean 0, variance 1 and kurtosis 3 within 4 standard errors', () => {
    const m = moments(draws);
    expect(Math.abs(m.mean)).toBeLessThan(4 / Math.sqrt(N));
    // SE of the sample variance of a normal sample: √(2/(n−1)).
    expect(Math.abs(m.sd * m.sd - 1)).toBeLessThan(4 * Math.sqrt(2 / (N - 1)));
    let m4 = 0;
    for (const x of draws) m4 += x ** 4;
    // E[Z⁴] = 3, Var[Z⁴] = E[Z⁸] − 9 = 105 − 9 = 96.
    expect(Math.abs(m4 / N - 3)).toBeLessThan(4 * Math.sqrt(96 / N));
  });

  it('the tail beyond the base strip (|z| > 3.4426) has its normal probability (4 SE)', () => {
    const p = 2 * (1 - Phi(3.442619855899));
    const count = draws.filter((x) => Math.abs(x) > 3.442619855899).length;
    expect(Math.abs(count - N * p)).toBeLessThan(4 * Math.sqrt(N * p * (1 - p)));
    expect(draws.some((x) => Math.abs(x) > 4.5)).toBe(true);
  });

  it('a chi-square test over 82 bins (width 0.1 in [−4, 4] plus two tails) passes at the 0.1 % level', () => {
    const edges: number[] = [];
    for (let i = -40; i <= 40; i++) edges.push(i / 10);
    const counts = new Array<number>(edges.length + 1).fill(0);
    for (const x of draws) {
      const k = x < -4 ? 0 : x >= 4 ? edges.length : Math.floor((x + 4) * 10) + 1;
      counts[k]!++;
    }
    let chi2 = 0;
    for (let k = 0; k < counts.length; k++) {
      const lo = k === 0 ? -Infinity : edges[k - 1]!;
      const hi = k === edges.length ? Infinity : edges[k]!;
      const expected = N * ((hi === Infinity ? 1 : Phi(hi)) - (lo === -Infinity ? 0 : Phi(lo)));
      chi2 += (counts[k]! - expected) ** 2 / expected;
    }
    // 81 degrees of freedom: the 99.9 % quantile of χ²(81) is 124.84.
    expect(chi2).toBeLessThan(124.84);
  });

  it('successive draws are uncorrelated (lag-1 autocorrelation within 4/√n)', () => {
    let s = 0;
    for (let i = 1; i < N; i++) s += draws[i]! * draws[i - 1]!;
    expect(Math.abs(s / (N - 1))).toBeLessThan(4 / Math.sqrt(N));
  });

  it('is reproducible from its key and differs between chunks', () => {
    const a = new NormalSource(chunkStream(1, 5, 'market'));
    const b = new NormalSource(chunkStream(1, 5, 'market'));
    const c = new NormalSource(chunkStream(1, 6, 'market'));
    const xa = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xa);
    expect([c.next(), c.next(), c.next()]).not.toEqual(xa);
  });
});
