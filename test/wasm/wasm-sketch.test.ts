/**
 * A sketch in this thread's arena (src/wasm/sketch-arena.ts), filled by WebAssembly's countRun,
 * is the same to the bit as a plain sketch filled by the JS loop: buckets, count, zeros, min, max
 * and the moment sums, over values that open new octaves mid-run, zeros, negatives and subnormals.
 * The arena's views survive its growth, and a released region comes back zeroed.
 */
import { describe, expect, it } from 'vitest';
import { LogBucketSketch } from '../../src/stats/log-bucket-sketch.js';
import { sketchArena } from '../../src/wasm/sketch-arena.js';

const arena = sketchArena()!;

/** Deterministic values: lognormal-ish over ~12 octaves, with zeros, negatives and subnormals mixed in. */
function values(n: number, seed: number): number[] {
  let s = seed;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  return Array.from({ length: n }, (_, i) => {
    const r = u();
    if (r < 0.02) return 0;
    if (r < 0.03) return -Math.exp(8 * u());
    if (r < 0.035) return 5e-324 * Math.ceil(1000 * u());
    return Math.exp(4 * (u() + u() + u() - 1.5) + 12 + i / n);
  });
}

describe('the WebAssembly sketch loop', () => {
  it('is present', () => expect(arena).not.toBeNull());

  it('fills an arena sketch exactly as the JS loop fills a plain one, sums included', () => {
    const plain = new LogBucketSketch();
    const hot = new LogBucketSketch(arena);
    for (const [seed, n] of [[1, 5000], [2, 2048], [3, 7]] as const) {
      const xs = values(n, seed);
      const inArena = arena.float64(n + 3);
      inArena.set(xs, 3);
      const outside = Float64Array.from(xs);
      const a = Float64Array.of(xs[0]!, 0, 0);
      const b = Float64Array.of(xs[0]!, 0, 0);
      plain.addAll(outside, 0, n, a);
      hot.addAll(inArena, 3, n + 3, b);
      expect([...b]).toEqual([...a]);
      arena.release(inArena);
    }
    expect(hot.toState()).toEqual(plain.toState());
    expect(plain.zeros).toBeGreaterThan(0);
    // Both give the same quantiles (the same buckets), and the merge of one into a plain sketch is exact.
    for (const p of [0, 0.01, 0.5, 0.99, 1]) expect(hot.quantile(p)).toBe(plain.quantile(p));
    const merged = new LogBucketSketch();
    merged.merge(hot);
    expect(merged.toState()).toEqual(plain.toState());
  });

  it('keeps every view valid while the arena grows, and zeroes a reused region', () => {
    const first = arena.float64(1000).fill(2.5);
    const big = Array.from({ length: 8 }, () => arena.float64(1 << 20));
    expect(first.every((x) => x === 2.5)).toBe(true);
    big.forEach((b) => b.fill(1));
    big.forEach((b) => arena.release(b));
    const again = arena.float64(1 << 20);
    expect(again.every((x) => x === 0)).toBe(true);
    expect(big.some((b) => b.byteOffset === again.byteOffset)).toBe(true);
    arena.release(again);
    arena.release(first);
  });

  it('is cleared and reused batch after batch with the same result', () => {
    const hot = new LogBucketSketch(arena);
    const xs = arena.float64(3000);
    xs.set(values(3000, 9));
    const states = [0, 1, 2].map(() => {
      hot.clear();
      hot.addAll(xs, 0, 3000);
      return hot.toState();
    });
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    hot.release();
    arena.release(xs);
  });
});
