import { describe, expect, it } from 'vitest';
import { BrownianBridge } from '../../src/random/brownian-bridge.js';
import { NormalSource } from '../../src/random/normal-source.js';
import { chunkStream } from '../../src/random/chunk-stream.js';

function increments(bridge: BrownianBridge, z: number[]): Float64Array {
  const out = new Float64Array(bridge.nSteps);
  bridge.transform(Float64Array.from(z), 0, out, 0, 1);
  return out;
}
const sum = (a: Float64Array, to = a.length) => a.subarray(0, to).reduce((s, x) => s + x, 0);

describe('Brownian bridge', () => {
  it('decides the terminal value by the first coordinate: Σ increments = √N·z₀', () => {
    for (const n of [1, 2, 7, 42, 62]) {
      const z = Array.from({ length: n }, (_, i) => (i === 0 ? 1.25 : Math.sin(i)));
      expect(sum(increments(new BrownianBridge(n), z))).toBeCloseTo(Math.sqrt(n) * 1.25, 12);
      // Only the first coordinate moves the end: the others shift the path, not W_N.
      const zeroFirst = [0, ...z.slice(1)];
      expect(sum(increments(new BrownianBridge(n), zeroFirst))).toBeCloseTo(0, 12);
    }
  });

  it('with a first point K (the payout start): Σ of the first K increments = √K·z₀, then the walk to K, and coordinate K decides the end: the total = that + √(N − K)·z_K', () => {
    const n = 62;
    const k = 42;
    const z = Array.from({ length: n }, (_, i) => Math.cos(3 * i) + (i === 0 ? 0.5 : 0));
    const dw = increments(new BrownianBridge(n, k), z);
    expect(sum(dw, k)).toBeCloseTo(Math.sqrt(k) * z[0]!, 12);
    expect(sum(dw)).toBeCloseTo(Math.sqrt(k) * z[0]! + Math.sqrt(n - k) * z[k]!, 12);
    // Coordinates 1..K − 1 fill the walk before K and leave W_K; coordinates after K leave the first K increments.
    const moved = increments(new BrownianBridge(n, k), z.map((x, i) => (i > k ? x + 1 : x)));
    for (let y = 0; y < k; y++) expect(moved[y]).toBeCloseTo(dw[y]!, 12);
  });

  it('gives iid standard normal increments from iid standard normals: unit variances, zero covariances', () => {
    // The bridge is linear, dw = A·z with A·Aᵀ = I: each unit vector's image has unit norm and the images are orthogonal.
    const n = 13;
    const bridge = new BrownianBridge(n, 9);
    const cols = Array.from({ length: n }, (_, j) => increments(bridge, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += cols[j]![a]! * cols[j]![b]!;
        expect(s).toBeCloseTo(a === b ? 1 : 0, 12);
      }
    }
    // And on draws: a strided layout (several assets) reads and writes only its own column.
    const normal = new NormalSource(chunkStream(1, 0, 'market'));
    const z = new Float64Array(3 * n);
    normal.fill(z, 0, z.length);
    const out = new Float64Array(3 * n);
    bridge.transform(z, 1, out, 1, 3);
    const alone = increments(bridge, Array.from({ length: n }, (_, j) => z[1 + 3 * j]!));
    for (let y = 0; y < n; y++) {
      expect(out[1 + 3 * y]).toBe(alone[y]);
      expect(out[3 * y]).toBe(0);
    }
  });
});
