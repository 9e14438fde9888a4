/**
 * Gamma and unit-variance Student-t generators: moments within standard errors derived from the
 * distributions' higher moments, and a tail probability at a tabulated quantile.
 */
import { describe, expect, it } from 'vitest';
import { chunkStream } from '../../src/random/chunk-stream.js';
import { GammaSource } from '../../src/random/gamma-source.js';
import { NormalSource } from '../../src/random/normal-source.js';
import { StudentTSource } from '../../src/random/student-t.js';

const N = 400_000;

function sources(seed: number) {
  const stream = chunkStream(seed, 0, 'fat-tail');
  const normal = new NormalSource(stream);
  return { normal, gamma: new GammaSource(normal, stream) };
}

function meanVar(x: Float64Array): { mean: number; variance: number } {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let s = 0;
  for (const v of x) s += (v - m) ** 2;
  return { mean: m, variance: s / (x.length - 1) };
}

describe('GammaSource (Marsaglia–Tsang)', () => {
  // Gamma(a): mean a, variance a, 4th central moment 3a² + 6a, so the sample variance has
  // SE √((μ4 − σ⁴)/n) = √((2a² + 6a)/n).
  for (const shape of [0.7, 2, 7.5]) {
    it(`Gamma(${shape}) has mean and variance ${shape} within 4 SE`, () => {
      const { gamma } = sources(11);
      const x = new Float64Array(N);
      for (let i = 0; i < N; i++) x[i] = gamma.next(shape);
      const { mean, variance } = meanVar(x);
      expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / N));
      expect(Math.abs(variance - shape)).toBeLessThan(4 * Math.sqrt((2 * shape * shape + 6 * shape) / N));
      expect(x.every((v) => v > 0)).toBe(true);
    });
  }
});

describe('StudentTSource: unit-variance scaling t·√((ν − 2)/ν)', () => {
  // T has variance 1 and kurtosis κ = 3 + 6/(ν − 4) (ν > 4). The sample variance s² of n draws has
  // Var(s²) = (μ4 − σ⁴)/n + O(1/n²) = (κ − 1)/n, so its SE is √((κ − 1)/n): for ν = 5 (κ = 9) that is
  // √(8/n), almost three times the normal's √(2/n). (For ν ≤ 4 the SE is infinite: no such test.)
  for (const nu of [5, 8, 30]) {
    it(`ν = ${nu}: mean 0 and variance 1 within 4 SE (SE from the t's kurtosis)`, () => {
      const { normal, gamma } = sources(100 + nu);
      const t = new StudentTSource(normal, gamma, nu);
      const x = new Float64Array(N);
      for (let i = 0; i < N; i++) x[i] = t.next();
      const { mean, variance } = meanVar(x);
      const kurtosis = 3 + 6 / (nu - 4);
      expect(Math.abs(mean)).toBeLessThan(4 * Math.sqrt(1 / N));
      expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt((kurtosis - 1) / N));
    });
  }

  it('ν = 5: P(T > 2.5706·√(3/5)) = 0.025 (t₅\'s tabulated 97.5 % quantile), within 4 binomial SE', () => {
    const { normal, gamma } = sources(7);
    const t = new StudentTSource(normal, gamma, 5);
    const q = 2.5706 * Math.sqrt(3 / 5);
    let above = 0;
    for (let i = 0; i < N; i++) if (t.next() > q) above++;
    expect(Math.abs(above / N - 0.025)).toBeLessThan(4 * Math.sqrt((0.025 * 0.975) / N));
  });

  it('the mixing factor w has E[w²] = 1: E[(ν − 2)/V] = (ν − 2)/(ν − 2) for V ~ χ²_ν', () => {
    // Var(w²) = (ν−2)² Var(1/V) = (ν−2)²·2/((ν−2)²(ν−4)) = 2/(ν − 4) for ν > 4.
    const nu = 9;
    const { normal, gamma } = sources(3);
    const t = new StudentTSource(normal, gamma, nu);
    let s = 0;
    for (let i = 0; i < N; i++) s += t.mixing() ** 2;
    expect(Math.abs(s / N - 1)).toBeLessThan(4 * Math.sqrt(2 / (nu - 4) / N));
  });

  it('refuses ν <= 2 (no finite variance to scale to 1)', () => {
    const { normal, gamma } = sources(1);
    expect(() => new StudentTSource(normal, gamma, 2)).toThrow(/ν > 2/);
  });
});
