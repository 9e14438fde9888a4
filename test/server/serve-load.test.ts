/**
 * pensim serve under load: 20 concurrent clients send 200 run requests over loopback (small path
 * counts, one run at a time, 4 may wait). Every request ends with its result or a 429 carrying
 * Retry-After: none lost, none hung (each has a 20 s deadline); the results are the same digits
 * (same scenario and seed); the health check answers throughout; memory stays bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { UsRunResult } from '../../src/result/us-result.js';
import { checkUsScenario } from '../../src/scenario/load-us-scenario.js';
import { defaultScenario, ksopScenario, parseEvents, postJson, startServer, type TestServer } from './serve-helpers.js';

const CLIENTS = 20;
const REQUESTS = 200;
const PATHS = 64;

describe('pensim serve under load', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ capacity: 4, keep: 8 });
  });
  afterAll(async () => server?.close());

  it('answers 200 concurrent run requests with a result or 429 + Retry-After, and its health check throughout', async () => {
    const scenario = defaultScenario();
    const rssBefore = process.memoryUsage().rss;
    const outcomes: { status: number; retryAfter?: number; p50?: number }[] = [];
    let next = 0;
    let stop = false;
    const health: number[] = [];
    const healthLoop = (async () => {
      while (!stop) {
        const r = await fetch(`${server.base}/api/health`, { headers: server.auth, signal: AbortSignal.timeout(20_000) });
        health.push(r.status);
        await r.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const client = async () => {
      while (next < REQUESTS) {
        next++;
        const r = await postJson(server, '/api/run', { scenario, paths: PATHS, seed: 5 }, AbortSignal.timeout(20_000));
        if (r.status === 429) {
          const body = (await r.json()) as { error: string };
          expect(body.error).toMatch(/busy/);
          outcomes.push({ status: 429, retryAfter: Number(r.headers.get('retry-after')) });
          continue;
        }
        const events = parseEvents(await r.text());
        const result = events.find((e) => e.event === 'result')?.data as { rows: { metric: string; cells: { stat: string; value: number }[] }[] } | undefined;
        const p50 = result?.rows.find((row) => row.metric === 'payoutGross')?.cells.find((c) => c.stat === 'p50')?.value;
        outcomes.push({ status: r.status, ...(p50 !== undefined && { p50 }) });
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    stop = true;
    await healthLoop;

    expect(outcomes).toHaveLength(REQUESTS);
    const ok = outcomes.filter((o) => o.status === 200);
    const busy = outcomes.filter((o) => o.status === 429);
    expect(ok.length + busy.length).toBe(REQUESTS);
    expect(ok.length).toBeGreaterThan(0);
    // Every 200 carried its result, the same digits each time (same scenario, seed and paths).
    expect(ok[0]!.p50).toBeGreaterThan(0);
    for (const o of ok) expect(o.p50).toBe(ok[0]!.p50);
    for (const o of busy) expect(o.retryAfter).toBeGreaterThanOrEqual(1);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
    const after = await (await fetch(`${server.base}/api/health`, { headers: server.auth })).json();
    expect(after).toMatchObject({ ok: true, running: 0, waiting: 0 });
    expect((after as { kept: number }).kept).toBeLessThanOrEqual(8);
    // Bounded memory: kept results are capped, queued ones are refused; generous for GC timing.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 2 ** 20);
  }, 60_000);
});

describe('pensim serve under load with a US plan', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ capacity: 4, keep: 8 });
  });
  afterAll(async () => server?.close());

  it('20 clients × 10 KSOP runs: every run answered (a 429 is retried after a pause), all the same digits, the library\'s in today\'s dollars', async () => {
    const scenario = ksopScenario();
    const results: number[] = [];
    let refused = 0;
    const client = async () => {
      for (let i = 0; i < 10; i++) {
        for (;;) {
          const r = await postJson(server, '/api/run', { scenario, paths: PATHS, seed: 9 }, AbortSignal.timeout(20_000));
          if (r.status === 429) {
            refused++;
            expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
            await r.arrayBuffer();
            await new Promise((resolve) => setTimeout(resolve, 50));
            continue;
          }
          expect(r.status).toBe(200);
          const result = parseEvents(await r.text()).find((e) => e.event === 'result')?.data as { rows: { metric: string; cells: { stat: string; value: number }[] }[] };
          results.push(result.rows.find((row) => row.metric === 'capitalAtRetirement')!.cells.find((c) => c.stat === 'p50')!.value);
          break;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    expect(results).toHaveLength(CLIENTS * 10);
    // The same run in-process, nominal, deflated here by the limits' indexation (2.5 %) over the 25 years to 65.
    const direct = (await simulate(checkUsScenario(scenario), { paths: PATHS, seed: 9, threads: 1 })) as UsRunResult;
    const expected = direct.metrics.capitalAtRetirement.percentiles['p50']! / 1.025 ** 25;
    for (const v of results) expect(v).toBeCloseTo(expected, 6);
    expect(refused).toBeGreaterThan(0); // the queue did fill: the retry path was exercised
    const after = await (await fetch(`${server.base}/api/health`, { headers: server.auth })).json();
    expect(after).toMatchObject({ ok: true, running: 0, waiting: 0 });
  }, 90_000);
});

describe('pensim serve: cancelling a run', () => {
  it('closing the request aborts the run on the server: the slot frees, nothing is kept, the next run goes ahead', async () => {
    const server = await startServer({ keep: 8 });
    try {
      const controller = new AbortController();
      const r = await postJson(server, '/api/run', { scenario: defaultScenario(), paths: 200_000, seed: 3 }, controller.signal);
      expect(r.status).toBe(200);
      const reader = r.body!.getReader();
      let text = '';
      while (!text.includes('event: progress')) text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      let health = { running: 1, kept: -1 };
      for (let i = 0; i < 100 && health.running !== 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        health = (await (await fetch(`${server.base}/api/health`, { headers: server.auth })).json()) as typeof health;
      }
      expect(health).toMatchObject({ running: 0, waiting: 0, kept: 0 });
      const next = parseEvents(await (await postJson(server, '/api/run', { scenario: defaultScenario(), paths: 64 })).text());
      expect(next.map((e) => e.event)).toContain('result');
    } finally {
      await server.close();
    }
  }, 30_000);
});
