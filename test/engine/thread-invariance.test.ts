import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../src/base/chunk-size.js';
import { simulate } from '../../src/engine/simulate.js';
import { resultJson } from '../../src/report/result-json.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';

// Architecture rule 3: fixed chunks seeded by (seed, chunk), merged at fixed offsets, so the
// same seed gives byte-identical JSON with 1, 2 or 4 threads. Stochastic wages are switched on so
// the wage stream is covered too, and the path count leaves a short last chunk.
const raw = JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8')) as {
  person: Record<string, unknown>;
};
const scenario = checkScenario({ ...raw, person: { ...raw.person, wageGrowth: { mean: 0.03, sd: 0.02 } } });
const paths = 4 * CHUNK_SIZE + 123;

describe('thread invariance', () => {
  it('threads 1, 2 and 4 give byte-identical JSON for one seed', async () => {
    const one = resultJson(await simulate(scenario, { paths, seed: 42, threads: 1 }));
    const two = resultJson(await simulate(scenario, { paths, seed: 42, threads: 2 }));
    const four = resultJson(await simulate(scenario, { paths, seed: 42, threads: 4 }));
    expect(two).toBe(one);
    expect(four).toBe(one);
  });

  it('a different seed gives different results', async () => {
    const a = await simulate(scenario, { paths, seed: 42, threads: 2 });
    const b = await simulate(scenario, { paths, seed: 43, threads: 2 });
    expect(b.metrics.capitalAtRetirement.percentiles.p50).not.toBe(a.metrics.capitalAtRetirement.percentiles.p50);
    expect(resultJson(b)).not.toBe(resultJson(a));
  });

  it('results carry their seed, scenario hash and version', async () => {
    const r = await simulate(scenario, { paths: 100, seed: 9, threads: 1 });
    expect(r.seed).toBe(9);
    expect(r.scenario.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(r.pensim).toBe(pkg.version);
  });

  it('the progress callback reaches the total, chunk by chunk', async () => {
    const seen: number[] = [];
    await simulate(scenario, { paths: 2 * CHUNK_SIZE + 1, seed: 1, threads: 1, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([CHUNK_SIZE, 2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 1]);
  });
});
