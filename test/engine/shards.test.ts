import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../src/base/chunk-size.js';
import { mergeShards, simulateShard } from '../../src/engine/shard.js';
import { checkAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { resultJson } from '../../src/report/result-json.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import { UserError } from '../../src/base/user-error.js';

const raw = JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8')) as object;
const scenario = checkScenario(raw);
const paths = 7 * CHUNK_SIZE + 5;
const opts = { paths, seed: 11, threads: 1, percentileMethod: 'sketch' as const };

describe('shards', () => {
  it('4 shards merged in shuffled order equal the unsharded run, byte for byte', async () => {
    const whole = resultJson(await simulate(scenario, opts));
    const parts = await Promise.all([0, 1, 2, 3].map((index) => simulateShard(scenario, { index, count: 4 }, opts)));
    // Through JSON, as the files travel between machines.
    const files = [parts[2], parts[0], parts[3], parts[1]].map((p, i) => ({ source: `part-${i}.json`, file: JSON.parse(JSON.stringify(p)) as unknown }));
    expect(resultJson(mergeShards(files, checkAnyScenario))).toBe(whole);
  });

  it('a missing, repeated or foreign shard is a clear error', async () => {
    const parts = await Promise.all([0, 1, 2].map((index) => simulateShard(scenario, { index, count: 3 }, opts)));
    const as = (list: unknown[]) => list.map((file, i) => ({ source: `p${i}.json`, file }));
    expect(() => mergeShards(as([parts[0], parts[2]]), checkAnyScenario)).toThrow(/shard\(s\) 1 of 3 are missing/);
    expect(() => mergeShards(as([parts[0], parts[1], parts[1], parts[2]]), checkAnyScenario)).toThrow(/shard 1 is given twice/);
    const other = await simulateShard(scenario, { index: 1, count: 3 }, { ...opts, seed: 12 });
    expect(() => mergeShards(as([parts[0], other, parts[2]]), checkAnyScenario)).toThrow(/not a shard of the same run/);
    expect(() => mergeShards(as([{ hello: 1 }]), checkAnyScenario)).toThrow(UserError);
  });

  it('shards refuse exact percentiles and shard numbers outside 0..n−1', async () => {
    await expect(simulateShard(scenario, { index: 0, count: 2 }, { ...opts, percentileMethod: 'exact' })).rejects.toThrow(/sketch/);
    await expect(simulateShard(scenario, { index: 2, count: 2 }, opts)).rejects.toThrow(/0 <= i < n/);
  });
});
