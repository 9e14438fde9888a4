/**
 * Intervals from randomized blocks (stats/block-interval.ts): Student's t quantiles against
 * published values, the sectioning interval's arithmetic, and the blocks' bookkeeping
 * (random/randomized-blocks.ts).
 */
import { describe, expect, it } from 'vitest';
import { blockOfPath, blockPaths, randomizedBlocks } from '../../src/random/randomized-blocks.js';
import { blockInterval, t975 } from '../../src/stats/block-interval.js';
import { studentTQuantile } from '../../src/stats/student-t-quantile.js';

describe("Student's t quantiles (A&S 26.7.3–26.7.4 inverted by bisection)", () => {
  it('match the published two-sided 95 % points to 7 digits (A&S table 26.10; scipy.stats.t.ppf(0.975, ν))', () => {
    // ν: t(0.975, ν) from scipy 1.17 (stats.t.ppf), which agrees with A&S table 26.10 where it lists ν.
    const table: [number, number][] = [
      [1, 12.706204736174694],
      [2, 4.302652729749462],
      [3, 3.1824463052837078],
      [7, 2.364624251592784],
      [15, 2.131449545559776],
      [31, 2.039513446396408],
      [63, 1.998340542520741],
      [100, 1.9839715185235518],
    ];
    for (const [nu, t] of table) expect(Math.abs(studentTQuantile(0.975, nu) / t - 1), `ν = ${nu}`).toBeLessThan(1e-12);
    expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.182446, 6);
    expect(studentTQuantile(0.975, 7)).toBeCloseTo(2.364624, 6);
  });

  it('other levels, symmetry, and the closed forms at ν = 1 (Cauchy: tan(π(p − ½))) and ν = 2 ((2p − 1)·√(2/(1 − (2p − 1)²)))', () => {
    expect(studentTQuantile(0.995, 3)).toBeCloseTo(5.840909309733355, 10);
    expect(studentTQuantile(0.9, 4)).toBeCloseTo(1.533206274058944, 10);
    expect(studentTQuantile(0.025, 7)).toBe(-studentTQuantile(0.975, 7));
    for (const p of [0.6, 0.8, 0.99]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      const a = 2 * p - 1;
      expect(studentTQuantile(p, 2)).toBeCloseTo(a * Math.sqrt(2 / (1 - a * a)), 9);
    }
    // Large ν: the Cornish–Fisher expansion t = z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) + … (A&S 26.7.5);
    // at ν = 10 000 the ν⁻² term is 2.8·10⁻⁸, so the first two terms agree to 10⁻⁷.
    const z = 1.959963984540054;
    expect(Math.abs(studentTQuantile(0.975, 10_000) - (z + (z ** 3 + z) / 40_000))).toBeLessThan(1e-7);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
  });
});

describe('blockInterval (sectioning: the spread of the block estimates around the pooled one)', () => {
  it('the documented example: 2.5 from blocks 1, 2, 3, 4 has stderr √(5/12) and half-width t(0.975, 3)·√(5/12)', () => {
    const { stderr, ci95 } = blockInterval(2.5, [1, 2, 3, 4]);
    expect(stderr).toBeCloseTo(Math.sqrt(5 / 12), 14);
    const half = t975(3) * Math.sqrt(5 / 12);
    expect(ci95[0]).toBeCloseTo(2.5 - half, 12);
    expect(ci95[1]).toBeCloseTo(2.5 + half, 12);
    expect(half).toBeCloseTo(2.0543, 4);
  });

  it('is centred on the pooled estimate, so a block bias widens it; equal blocks give a zero width', () => {
    // Blocks all 1 but the pooled estimate 2: S² = 4·1/3, the interval around 2.
    const { stderr, ci95 } = blockInterval(2, [1, 1, 1, 1]);
    expect(stderr).toBeCloseTo(Math.sqrt(4 / 3 / 4), 14);
    expect((ci95[0] + ci95[1]) / 2).toBeCloseTo(2, 14);
    expect(blockInterval(7, [7, 7, 7, 7, 7, 7, 7, 7])).toEqual({ stderr: 0, ci95: [7, 7] });
    expect(() => blockInterval(1, [1])).toThrow(RangeError);
  });
});

describe('randomized blocks: which path is in which block', () => {
  it('pseudo has one block; sobol interleaves paths, antithetic pairs', () => {
    expect(randomizedBlocks('pseudo', undefined)).toEqual({ count: 1, unit: 1 });
    const sobol = randomizedBlocks('sobol', 4);
    const anti = randomizedBlocks('antithetic', 4);
    // The module comment's example.
    expect([0, 4, 8, 6].map((i) => blockOfPath(i, sobol))).toEqual([0, 0, 0, 2]);
    expect([0, 1, 8, 9, 6].map((i) => blockOfPath(i, anti))).toEqual([0, 0, 0, 0, 3]);
    expect(randomizedBlocks('sobol', undefined).count).toBe(8);
  });

  it('blockPaths counts the paths of each block among the first n, whatever n', () => {
    for (const blocks of [randomizedBlocks('sobol', 8), randomizedBlocks('antithetic', 4), randomizedBlocks('sobol', 64)]) {
      for (const n of [1, 2, 7, 63, 64, 65, 100, 2048, 2049, 5000]) {
        const count = new Array<number>(blocks.count).fill(0);
        for (let i = 0; i < n; i++) count[blockOfPath(i, blocks)]!++;
        expect(count.map((_, b) => blockPaths(n, b, blocks)), `n = ${n}`).toEqual(count);
        // Balanced to within one unit at any n.
        expect(Math.max(...count) - Math.min(...count)).toBeLessThanOrEqual(blocks.unit);
      }
    }
  });
});
