import { describe, expect, it } from 'vitest';
import { chunkStream } from '../../src/random/chunk-stream.js';
import { NormalSource } from '../../src/random/normal-source.js';
import { LogBucketSketch, type SketchState } from '../../src/stats/log-bucket-sketch.js';
import { mergeMoments, momentState } from '../../src/stats/merge-moments.js';
import { quantileSorted } from '../../src/stats/quantile-sorted.js';

/** The stated bound: a bucket spans a relative width of 2^-11, its midpoint is within 2^-12 of any value in it. */
const BOUND = 2 ** -12;

function lognormalSample(n: number, seed: number): Float64Array {
  const normal = new NormalSource(chunkStream(seed, 0, 'market'));
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 3e6 * Math.exp(0.4 * normal.next());
  return x;
}

describe('LogBucketSketch', () => {
  const n = 200_000;
  const x = lognormalSample(n, 1);
  const sorted = Float64Array.from(x).sort();
  const sketch = new LogBucketSketch();
  for (const v of x) sketch.add(v);

  it('percentiles are within the stated relative error 2^-12 (0.0244 %) of the exact ones on 200 000 paths', () => {
    for (const p of [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999]) {
      const exact = quantileSorted(sorted, p);
      expect(Math.abs(sketch.quantile(p) / exact - 1)).toBeLessThanOrEqual(BOUND * (1 + 1e-9));
    }
    expect(sketch.quantile(0)).toBe(sorted[0]);
    expect(sketch.quantile(1)).toBe(sorted[n - 1]);
  });

  it('a quantile read between additions sees them all (the per-block totals it keeps are dropped on every change)', () => {
    const grown = new LogBucketSketch();
    const probes = [0.001, 0.05, 0.5, 0.95, 0.999];
    const quarter = n / 4;
    for (let q = 0; q < 4; q++) {
      // Each quarter added another way: add, addAll, merge, mergePacked.
      const part = x.subarray(q * quarter, (q + 1) * quarter);
      const other = new LogBucketSketch();
      for (const v of part) other.add(v);
      if (q === 0) for (const v of part) grown.add(v);
      if (q === 1) grown.addAll(part, 0, part.length);
      if (q === 2) grown.merge(other);
      if (q === 3) grown.mergePacked(other.pack());
      const sofar = Float64Array.from(x.subarray(0, (q + 1) * quarter)).sort();
      for (const p of probes) expect(Math.abs(grown.quantile(p) / quantileSorted(sofar, p) - 1)).toBeLessThanOrEqual(BOUND * (1 + 1e-9));
    }
    for (const p of probes) expect(grown.quantile(p)).toBe(sketch.quantile(p));
  });

  it('merging is exact and order-free: merge(a, b) = merge(b, a) = the sketch of all values', () => {
    const a = new LogBucketSketch();
    const b = new LogBucketSketch();
    x.forEach((v, i) => (i % 3 === 0 ? a : b).add(v));
    const ab = LogBucketSketch.fromState(a.toState());
    ab.merge(b);
    const ba = LogBucketSketch.fromState(b.toState());
    ba.merge(a);
    expect(ab.toState()).toEqual(sketch.toState());
    expect(ba.toState()).toEqual(sketch.toState());
  });

  it('keeps zeros exactly, mirrors negatives, and returns a constant sample exactly', () => {
    const s = new LogBucketSketch();
    for (const v of [-5, -1, 0, 0, 2, 8]) s.add(v);
    expect(s.quantile(0.5)).toBe(0);
    expect(Math.abs(s.quantile(0.2) / -1 - 1)).toBeLessThanOrEqual(BOUND);
    expect(s.quantile(0)).toBe(-5);
    const c = new LogBucketSketch();
    for (let i = 0; i < 1000; i++) c.add(383_792.123456789);
    expect(c.quantile(0.05)).toBe(383_792.123456789);
  });
});

describe('LogBucketSketch.addAll, pack and clear', () => {
  // Zeros (both signs), negatives, subnormals and values across many octaves: every path of the loop.
  const mixed = Float64Array.from({ length: 50_000 }, (_, i) => {
    const u = ((i * 2654435761) >>> 0) / 2 ** 32;
    if (i % 17 === 0) return 0;
    if (i % 19 === 0) return -0;
    if (i % 23 === 0) return -Math.exp(40 * (u - 0.5));
    if (i % 29 === 0) return u * 1e-310;
    return Math.exp(1000 * (u - 0.5));
  });

  it('every rank of a sample with negatives, zeros and subnormals lies in the exact order statistic\'s bucket', () => {
    // quantile at p = r/(n − 1) reads rank r alone; the search walks the negatives from the largest
    // octave down, the zeros, then the positives (subnormals first): a wrong order or a skipped
    // octave puts a rank in another bucket. A bucket holds [a, a(1 + 2⁻¹¹)) of normal values
    // (its midpoint within 2⁻¹² of each), or a 2⁻¹⁰²²/2¹¹ slice of the subnormals.
    // n − 1 = 2¹⁵, so p = r/(n − 1) and h = (n − 1)p are exact: no interpolation between ranks.
    const sample = mixed.subarray(0, 2 ** 15 + 1);
    const s = new LogBucketSketch();
    for (const v of sample) s.add(v);
    const sorted = Float64Array.from(sample).sort();
    const n = sorted.length;
    const subnormalWidth = 2 ** -1022 / 2 ** 11;
    let negatives = 0;
    let subnormals = 0;
    for (let r = 0; r < n; r++) {
      const exact = sorted[r]!;
      const q = s.quantile(r / (n - 1));
      if (exact === 0) expect(q).toBe(0);
      else if (Math.abs(exact) < 2 ** -1022) {
        subnormals++;
        expect(Math.abs(q - exact)).toBeLessThanOrEqual(subnormalWidth / 2);
      } else {
        if (exact < 0) negatives++;
        expect(Math.abs(q / exact - 1)).toBeLessThanOrEqual(BOUND * (1 + 1e-9));
      }
    }
    expect(negatives).toBeGreaterThan(1000);
    expect(subnormals).toBeGreaterThan(900);
  });

  it('addAll counts as add does, and its shifted sums give momentState', () => {
    const one = new LogBucketSketch();
    for (const v of mixed) one.add(v);
    const all = new LogBucketSketch();
    const sums = Float64Array.from([mixed[100]!, 0, 0]);
    all.addAll(mixed, 100, mixed.length, sums);
    const rest = new LogBucketSketch();
    rest.addAll(mixed, 0, 100);
    all.merge(rest);
    expect(all.toState()).toEqual(one.toState());
    const m = momentState(mixed, 100, mixed.length);
    expect(m.mean).toBe(mixed[100]! + sums[1]! / (mixed.length - 100));
    expect(m.m2).toBe(Math.max(0, sums[2]! - (sums[1]! * sums[1]!) / (mixed.length - 100)));
  });

  it('a merge that brings many new octaves at once (a fresh sink taking a full sketch) counts as adding the values', () => {
    // 200 000 values over dozens of octaves (a block each, a sign apart), dense enough to pack dense,
    // so a merge needs many new blocks in one go (the first pool holds 4); `few` holds values of two
    // octaves only, so merging `wide` into a sketch that has it grows a pool that already has blocks.
    const wide = new LogBucketSketch();
    const few = new LogBucketSketch();
    const all = new LogBucketSketch();
    const octaves = new Set<number>();
    const normal = new NormalSource(chunkStream(7, 0, 'market'));
    for (let i = 0; i < 200_000; i++) {
      const v = (i % 5 === 0 ? -1 : 1) * Math.exp(3 * normal.next());
      octaves.add(Math.sign(v) * (Math.floor(Math.log2(Math.abs(v))) + 2000));
      wide.add(v);
      all.add(v);
    }
    for (let i = 0; i < 1_000; i++) {
      const v = 1 + 3 * (i / 1_000);
      few.add(v);
      all.add(v);
    }
    expect(octaves.size).toBeGreaterThan(32);
    const sink = new LogBucketSketch();
    sink.merge(few);
    sink.merge(wide);
    expect(sink.toState()).toEqual(all.toState());
    const packed = new LogBucketSketch();
    packed.mergePacked(structuredClone(few.pack()));
    const densePack = wide.pack();
    expect(densePack.keys).toBeUndefined();
    packed.mergePacked(structuredClone(densePack));
    expect(packed.toState()).toEqual(all.toState());
  });

  it('a packed sketch merges like the sketch itself, and clear() empties it for reuse', () => {
    const a = new LogBucketSketch();
    a.addAll(mixed, 0, 20_000);
    const b = new LogBucketSketch();
    b.addAll(mixed, 20_000, mixed.length);
    const viaPack = LogBucketSketch.fromState(a.toState());
    viaPack.mergePacked(structuredClone(b.pack()));
    const direct = LogBucketSketch.fromState(a.toState());
    direct.merge(b);
    expect(viaPack.toState()).toEqual(direct.toState());
    b.clear();
    expect(b.toState()).toEqual(new LogBucketSketch().toState());
    b.addAll(mixed, 20_000, mixed.length);
    const again = LogBucketSketch.fromState(a.toState());
    again.merge(b);
    expect(again.toState()).toEqual(direct.toState());
  });
});

describe('a sparse packed sketch (few values over many buckets: one randomized block of a batch)', () => {
  it('packs as keys and counts when under a quarter of its buckets are used, and merges like the sketch itself', () => {
    // Values over 29 octaves, a subnormal, a zero and a negative.
    const spread = Float64Array.from({ length: 5_000 }, (_, i) => Math.exp(20 * (((i * 2654435761) >>> 0) / 2 ** 32 - 0.5)));
    const few = new LogBucketSketch();
    few.addAll(spread, 0, 300);
    few.add(0);
    few.add(-3.5);
    few.add(1e-310);
    const packed = few.pack();
    expect(packed.keys).toBeDefined();
    expect(packed.slots.length).toBe(0);
    // Every count is a used bucket's: they add up to the values that are not 0.
    expect(packed.counts.every((c) => c > 0)).toBe(true);
    expect(packed.counts.reduce((a, c) => a + c, 0)).toBe(few.count - few.zeros);
    const base = new LogBucketSketch();
    base.addAll(spread, 1_000, 5_000);
    const viaPack = LogBucketSketch.fromState(base.toState());
    viaPack.mergePacked(structuredClone(packed));
    const direct = LogBucketSketch.fromState(base.toState());
    direct.merge(few);
    expect(viaPack.toState()).toEqual(direct.toState());
    // A full sketch stays dense.
    const many = new LogBucketSketch();
    for (let i = 0; i < 20_000; i++) many.add(1 + i / 20_000);
    expect(many.pack().keys).toBeUndefined();
  });
});

describe('an empty sketch through JSON (a shard whose block or column got no values)', () => {
  it('merges as nothing: its min and max (±Infinity, written as null) do not become 0', () => {
    const full = new LogBucketSketch();
    for (const x of [5, 7, 11, 13]) full.add(x);
    const empty = LogBucketSketch.fromState(JSON.parse(JSON.stringify(new LogBucketSketch().toState())) as SketchState);
    expect(empty.count).toBe(0);
    full.merge(empty);
    expect([full.min, full.max, full.quantile(0), full.quantile(1)]).toEqual([5, 13, 5, 13]);
  });
});

describe('mergeMoments', () => {
  it('doc example: (1, 2) merged with (3, 4) has the moments of (1, 2, 3, 4)', () => {
    expect(mergeMoments(momentState([1, 2]), momentState([3, 4]))).toEqual({ n: 4, mean: 2.5, m2: 5 });
  });
});
