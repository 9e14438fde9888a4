import { describe, expect, it } from 'vitest';
import { chunkStream, chunkXor4096 } from '../../src/random/chunk-stream.js';
import { NormalSource } from '../../src/random/normal-source.js';

// The class form of the chunk streams must draw exactly what seedrandom draws: the streams per
// (seed, chunk, purpose) are what makes results reproducible across versions and threads.
describe('Xor4096 (chunkXor4096)', () => {
  it('gives the same int32 and uniform sequences as chunkStream', () => {
    for (const [seed, chunk] of [[1, 0], [42, 7], [4294967295, 488]] as const) {
      const a = chunkStream(seed, chunk, 'market');
      const b = chunkXor4096(seed, chunk, 'market');
      let differ = 0;
      for (let i = 0; i < 100_000; i++) if (b.int32() !== a.int32()) differ++;
      const u = chunkStream(seed, chunk, 'wage');
      const v = chunkXor4096(seed, chunk, 'wage');
      for (let i = 0; i < 10_000; i++) if (v.uniform() !== u()) differ++;
      expect(differ).toBe(0);
    }
  });

  it('feeds NormalSource the same draws, one by one or filled in a batch', () => {
    const a = new NormalSource(chunkStream(3, 5, 'market'));
    const b = new NormalSource(chunkXor4096(3, 5, 'market'));
    const batch = new Float64Array(200_000);
    b.fill(batch, 0, batch.length);
    let differ = 0;
    for (let i = 0; i < batch.length; i++) if (!Object.is(batch[i], a.next())) differ++;
    expect(differ).toBe(0);
  });
});
