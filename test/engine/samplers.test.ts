/**
 * The samplers through the engine (README "Samplers"): unbiased against the exact expectation,
 * the identities (GOLDEN.md G1 at zero volatility, thread invariance, shards and merge) under every
 * sampler, and a US plan under each.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../src/base/chunk-size.js';
import { loadUsScenario } from '../../src/scenario/load-us-scenario.js';
import { mergeShards, simulateShard } from '../../src/engine/shard.js';
import { checkAnyScenario } from '../../src/scenario/load-any-scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { usRun } from '../us/helpers.js';
import { projectLedger } from '../../src/ledger/project-ledger.js';
import { SAMPLERS, type Sampler } from '../../src/random/sampler.js';
import { resultJson } from '../../src/report/result-json.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8')) as { simulation?: object; person: object };
const withSampler = (raw: { simulation?: object }, sampler: Sampler, extra: object = {}) =>
  checkScenario({ ...raw, simulation: { ...raw.simulation, ...extra, sampler } });

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stderr = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

describe('the samplers are unbiased: the mean capital at 67 on bench-reference', () => {
  // With deterministic pay and proportional fees, E[capital at 67] is the ledger's capital
  // (pensim project: expected returns every year, returns independent across years).
  const raw = read('bench-reference.json');
  const exact = projectLedger(checkScenario(raw)).capitalAtRetirement.toNumber();
  const replications = 32;

  for (const sampler of ['sobol', 'antithetic'] as const) {
    it(`${sampler}: over ${replications} independent randomizations (seeds) of 512 paths, the mean of the estimates is within 4 SE of the exact value`, async () => {
      const scenario = withSampler(raw, sampler);
      const estimates: number[] = [];
      for (let seed = 1; seed <= replications; seed++) {
        const r = await simulate(scenario, { paths: 512, seed, threads: 1, percentileMethod: 'exact' });
        estimates.push(r.metrics.capitalAtRetirement.mean);
      }
      const se = stderr(estimates);
      expect(Math.abs(mean(estimates) - exact)).toBeLessThan(4 * se);
      // A real spread, not a degenerate zero: the scrambles differ.
      expect(se).toBeGreaterThan(0);
      if (sampler === 'sobol') {
        // And far tighter than pseudo-random paths: the run's own SE of one pseudo run of the same size.
        const pseudo = await simulate(checkScenario(raw), { paths: 512, seed: 1, threads: 1, percentileMethod: 'exact' });
        expect(se * Math.sqrt(replications)).toBeLessThan(pseudo.metrics.capitalAtRetirement.stderr / 5);
      }
    });
  }
});

describe('GOLDEN.md G1 at zero volatility under every sampler', () => {
  const raw = read('golden-smartepenger.json');
  for (const sampler of SAMPLERS) {
    it(`${sampler}: every percentile of the capital and payout equals the ledger to 1e-9 relative`, async () => {
      const scenario = withSampler(raw, sampler);
      const l = projectLedger(scenario);
      const r = await simulate(scenario, { paths: 300, threads: 1 });
      for (const [m, want] of [
        [r.metrics.capitalAtRetirement, l.capitalAtRetirement.toNumber()],
        [r.metrics.payoutGross, l.firstPayoutGross.toNumber()],
        [r.metrics.payoutNet, l.firstPayoutNet.toNumber()],
      ] as const) {
        for (const v of [m.mean, ...Object.values(m.percentiles)]) expect(Math.abs(v / want - 1)).toBeLessThan(1e-9);
      }
    });
  }
});

describe('thread invariance and shards under sobol and antithetic (Norwegian, stochastic pay)', () => {
  const raw = read('default.json');
  const paths = 2 * CHUNK_SIZE + 123;
  for (const sampler of ['sobol', 'antithetic'] as const) {
    const scenario = checkScenario({ ...raw, person: { ...raw.person, wageGrowth: { mean: 0.03, sd: 0.02 } }, simulation: { ...raw.simulation, sampler } });
    it(`${sampler}: byte-identical JSON on 1 and 2 threads, and 3 shards merge into the unsharded run`, async () => {
      const one = resultJson(await simulate(scenario, { paths, seed: 42, threads: 1 }));
      const two = resultJson(await simulate(scenario, { paths, seed: 42, threads: 2 }));
      expect(two).toBe(one);
      const opts = { paths, seed: 42, threads: 1, percentileMethod: 'sketch' as const };
      const whole = resultJson(await simulate(scenario, opts));
      const parts = await Promise.all([0, 1, 2].map((index) => simulateShard(scenario, { index, count: 3 }, opts)));
      const files = [parts[1], parts[2], parts[0]].map((p, i) => ({ source: `p${i}.json`, file: JSON.parse(JSON.stringify(p)) as unknown }));
      expect(resultJson(mergeShards(files, checkAnyScenario))).toBe(whole);
      // The sampler is in use: not the pseudo run's digits.
      const pseudo = resultJson(await simulate(checkScenario({ ...raw, person: { ...raw.person, wageGrowth: { mean: 0.03, sd: 0.02 } } }), { paths, seed: 42, threads: 1 }));
      expect(one).not.toBe(pseudo);
    });
  }

  it('pseudo is today\'s run: an explicit sampler "pseudo" gives the digits of a scenario without one', async () => {
    const plain = await simulate(checkScenario(raw), { paths: 3000, seed: 5, threads: 1 });
    const explicit = await simulate(withSampler(raw, 'pseudo'), { paths: 3000, seed: 5, threads: 1 });
    expect(explicit.metrics).toEqual(plain.metrics);
  });
});

describe('a US plan under each sampler', () => {
  it('401(k): finite values, and each sampler\'s mean terminal wealth within 4 SE of the pseudo run\'s', async () => {
    const base = await loadUsScenario(new URL('../../scenarios/401k-diversified.json', import.meta.url).pathname);
    const runs = await Promise.all(SAMPLERS.map(async (sampler) => (await usRun({ ...base, simulation: { ...base.simulation, sampler } }, { paths: 4096, seed: 3 })).values.terminalWealth));
    for (const v of runs) expect(v.every(Number.isFinite)).toBe(true);
    const [pseudo] = runs;
    const se = stderr([...pseudo!]);
    for (const v of runs.slice(1)) expect(Math.abs(mean([...v]) - mean([...pseudo!]))).toBeLessThan(4 * Math.SQRT2 * se);
    // Each sampler drew paths of its own (a sampler the US kernel ignored would give pseudo's).
    for (let i = 0; i < runs.length; i++) for (let j = i + 1; j < runs.length; j++) expect(runs[j]!, `${SAMPLERS[i]} against ${SAMPLERS[j]}`).not.toEqual(runs[i]!);
  });

  it('KSOP under sobol and antithetic: the same values on 2 worker threads as inline', async () => {
    const base = await loadUsScenario(new URL('../../scenarios/ksop-concentrated.json', import.meta.url).pathname);
    for (const sampler of ['sobol', 'antithetic'] as const) {
      const scenario = { ...base, simulation: { ...base.simulation, sampler } };
      const inline = await usRun(scenario, { paths: CHUNK_SIZE + 77, seed: 4 });
      const pooled = await usRun(scenario, { paths: CHUNK_SIZE + 77, seed: 4, threads: 2 });
      expect(pooled.values).toEqual(inline.values);
      expect(JSON.stringify(pooled.result)).toBe(JSON.stringify(inline.result));
    }
  });
});
