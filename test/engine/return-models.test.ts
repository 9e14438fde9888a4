/**
 * The return models through the engine: every model and inflation is thread-invariant (byte-identical
 * JSON for 1 and 2 threads), an explicit lognormal block gives the default's numbers, the result
 * says whether returns are real or nominal, real-terms outputs deflate each path by its own price
 * index (checked against a deterministic inflation, where they must equal report/deflate-result.ts),
 * the bootstrap's compiled history is the bundled calendar years (rescaled exactly when asked),
 * and traces report each year's regime, historical year and inflation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarYears } from '../../src/data/calendar-years.js';
import { bundledMonthlyReturns } from '../../src/data/bundled-history.js';
import { CHUNK_SIZE } from '../../src/base/chunk-size.js';
import { simulate } from '../../src/engine/simulate.js';
import { tracePath } from '../../src/engine/trace-path.js';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { deflateResult } from '../../src/report/deflate-result.js';
import { resultJson } from '../../src/report/result-json.js';
import { traceTable } from '../../src/report/trace-table.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import { UserError } from '../../src/base/user-error.js';

type Json = Record<string, any>;
const load = (name: string): Json => JSON.parse(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8')) as Json;
const DEFAULT = load('default.json');
const withReturns = (returns: unknown, base: Json = DEFAULT) => checkScenario({ ...structuredClone(base), returns });
const paths = 2 * CHUNK_SIZE + 77;

const MODELS: Record<string, unknown> = {
  'student-t': { model: 'student-t', nu: 5, inflation: { mean: 0.02, persistence: 0.5, sd: 0.01, correlation: { equity: -0.2 } } },
  'bootstrap iid': { model: 'bootstrap', method: 'iid', sources: { equity: 'stocks', bond: 'bonds' } },
  'bootstrap moving-block': { model: 'bootstrap', method: 'moving-block', blockYears: 5, sources: { equity: 'stocks', bond: 'bonds' }, rescale: true },
  'bootstrap circular-block': { model: 'bootstrap', method: 'circular-block', blockYears: 10, sources: { equity: 'stocks', bond: 'stocks' } },
  'bootstrap stationary + inflation': load('history-block-bootstrap.json').returns,
  'regime-switching + inflation': load('regimes.json').returns,
};

describe('thread invariance of every return model', () => {
  for (const [name, returns] of Object.entries(MODELS)) {
    it(`${name}: threads 1 and 2 give byte-identical JSON`, async () => {
      const s = withReturns(returns);
      const one = resultJson(await simulate(s, { paths, seed: 7, threads: 1 }));
      const two = resultJson(await simulate(s, { paths, seed: 7, threads: 2 }));
      expect(two).toBe(one);
    });
  }
});

describe('the lognormal default', () => {
  it('an explicit { model: lognormal } gives the same numbers as no returns block (only the hash and the returns note differ)', async () => {
    const plain = await simulate(checkScenario(DEFAULT), { paths: 3000, seed: 3, threads: 1 });
    const explicit = await simulate(withReturns({ model: 'lognormal' }), { paths: 3000, seed: 3, threads: 1 });
    expect(explicit.metrics).toEqual(plain.metrics);
    expect(explicit.fan).toEqual(plain.fan);
    expect(plain.returns).toBeUndefined();
    expect(plain.inflation).toBeUndefined();
    expect(explicit.returns?.terms).toBe('nominal');
  });

  it('inflation does not move the nominal results of a lognormal run (its own stream)', async () => {
    const plain = await simulate(checkScenario(DEFAULT), { paths: 3000, seed: 3, threads: 1 });
    const infl = await simulate(withReturns({ model: 'lognormal', inflation: { mean: 0.02, persistence: 0.6, sd: 0.015, correlation: { equity: -0.3 } } }), { paths: 3000, seed: 3, threads: 1 });
    expect(infl.metrics).toEqual(plain.metrics);
    expect(infl.inflation!.real.capitalAtRetirement.percentiles.p50).toBeLessThan(plain.metrics.capitalAtRetirement.percentiles.p50);
  });
});

describe('real terms', () => {
  it('with a deterministic inflation (sd 0) the real outputs are the nominal ones over (1 + μ)^years — exactly report/deflate-result.ts', async () => {
    const r = await simulate(withReturns({ model: 'lognormal', inflation: { mean: 0.025, sd: 0 } }), { paths: 2000, seed: 1, threads: 1 });
    const d = deflateResult(r, 0.025);
    const real = r.inflation!.real;
    for (const m of ['capitalAtRetirement', 'payoutGross', 'payoutNet'] as const) {
      for (const [k, v] of Object.entries(d.metrics[m].percentiles)) expect(real[m].percentiles[k]).toBeCloseTo(v, 6);
      expect(real[m].mean).toBeCloseTo(d.metrics[m].mean, 6);
    }
    r.inflation!.priceIndex.mean.forEach((v, i) => expect(v).toBeCloseTo(1.025 ** i, 12));
    d.fan.capital.p50!.forEach((v, i) => expect(r.inflation!.realFan.capital.p50![i]).toBeCloseTo(v, 6));
  });

  it('historical bootstrap: real returns without inflation, nominal (1 + r)(1 + π) with it — said in the result', async () => {
    const real = await simulate(withReturns(MODELS['bootstrap iid']), { paths: 500, seed: 1, threads: 1 });
    expect(real.returns).toMatchObject({ model: 'bootstrap', terms: 'real', history: { years: '1871-2024 (calendar years)' } });
    expect(real.returns!.note).toMatch(/REAL/);
    const nominal = await simulate(withReturns(MODELS['bootstrap stationary + inflation']), { paths: 500, seed: 1, threads: 1 });
    expect(nominal.returns!.terms).toBe('nominal');
    expect(nominal.inflation!.real.capitalAtRetirement.mean).toBeLessThan(nominal.metrics.capitalAtRetirement.mean);
  });
});

describe('compiled bootstrap history', () => {
  const hist = calendarYears(bundledMonthlyReturns());
  it('holds the mapped calendar years as gross returns, asset by asset', () => {
    const plan = compilePlan(withReturns({ model: 'bootstrap', method: 'iid', sources: { equity: 'bonds', bond: 'stocks' } }));
    const m = plan.market!;
    if (m.kind !== 'bootstrap') throw new Error('not a bootstrap');
    expect(m.nHistory).toBe(154);
    expect(m.history[0]).toBe(1 + hist.returns.bonds[0]!);
    expect(m.history[2 * 153 + 1]).toBe(1 + hist.returns.stocks[153]!);
  });

  it('rescale: each column has exactly the asset\'s expectedReturn and volatility (population moments over the history)', () => {
    const plan = compilePlan(withReturns(MODELS['bootstrap moving-block']));
    const m = plan.market!;
    if (m.kind !== 'bootstrap') throw new Error('not a bootstrap');
    DEFAULT.profile.assets.forEach((a: { expectedReturn: number; volatility: number }, i: number) => {
      const col = Array.from({ length: m.nHistory }, (_, t) => m.history[t * 2 + i]! - 1);
      const mean = col.reduce((x, y) => x + y, 0) / col.length;
      const sd = Math.sqrt(col.reduce((x, y) => x + (y - mean) ** 2, 0) / col.length);
      expect(mean).toBeCloseTo(a.expectedReturn, 12);
      expect(sd).toBeCloseTo(a.volatility, 12);
    });
  });

  it('a block longer than the history is a UserError naming returns.blockYears', () => {
    expect(() => compilePlan(withReturns({ model: 'bootstrap', method: 'circular-block', blockYears: 155, sources: { equity: 'stocks', bond: 'bonds' } }))).toThrow(/returns\.blockYears: a block cannot be longer than the history: 154 calendar years/);
  });

  it('rescaling to a volatility that loses more than everything in a historical year is a UserError', () => {
    const s = structuredClone(DEFAULT);
    s.profile.assets[0].volatility = 2;
    expect(() => compilePlan(withReturns({ ...(MODELS['bootstrap iid'] as object), rescale: true }, s))).toThrow(UserError);
  });
});

describe('trace reports the market state of each year', () => {
  it('regimes: every row names its regime (calm/crisis), the table has a regime and an inflation column', () => {
    const s = withReturns(MODELS['regime-switching + inflation']);
    const t = tracePath(s, 5, { paths: 100 });
    expect(t.rows.every((r) => r.regimeName === 'calm' || r.regimeName === 'crisis')).toBe(true);
    expect(t.rows.every((r) => typeof r.inflation === 'number')).toBe(true);
    const table = traceTable(t, 'NOK');
    expect(table.split('\n')[2]).toMatch(/regime\s+inflation$/);
    expect(table).toMatch(/\b(calm|crisis)\s+-?\d+\.\d\d %\n/);
  });

  it('bootstrap: every row names the historical year it replays; 5-year moving blocks replay consecutive years', () => {
    const s = withReturns(MODELS['bootstrap moving-block']);
    const t = tracePath(s, 3, { paths: 100 });
    const years = t.rows.map((r) => r.historyYear!);
    expect(years.every((y) => y >= 1871 && y <= 2024)).toBe(true);
    for (let i = 1; i < years.length; i++) if (i % 5 !== 0) expect(years[i]).toBe(years[i - 1]! + 1);
  });
});
