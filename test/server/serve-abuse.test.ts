/**
 * pensim serve against bad requests: each gets a 4xx with a JSON message (never a stack trace) and
 * the server stays up (the health check answers after each). And no request makes the server open
 * a file: every filesystem open during the requests is recorded (node:fs patched, ESM bindings
 * synced) and must be none outside the PDF library's own font metrics.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RUN_PATHS } from '../../src/server/request-schemas.js';
import { defaultScenario, ksopScenario, parseEvents, postJson, root, startServer, type TestServer } from './serve-helpers.js';

/** A raw GET with the path exactly as given (fetch would normalise "..").*/
function rawGet(server: TestServer, path: string, headers: Record<string, string> = server.auth): Promise<{ status: number; body: string }> {
  const url = new URL(server.base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('pensim serve: bad requests', () => {
  let server: TestServer;
  const opened: string[] = [];
  const originals: Record<string, unknown> = {};
  const WATCHED = ['openSync', 'readFileSync', 'readFile', 'open', 'createReadStream', 'writeFileSync', 'writeFile', 'createWriteStream', 'readdirSync', 'statSync', 'existsSync'] as const;

  beforeAll(async () => {
    server = await startServer();
    const f = fs as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of WATCHED) {
      const original = f[name]!;
      originals[name] = original;
      f[name] = function (this: unknown, ...args: unknown[]) {
        opened.push(`${name} ${String(args[0])}`);
        return original.apply(this, args);
      };
    }
    const p = fs.promises as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of ['open', 'readFile', 'writeFile'] as const) {
      const original = p[name]!;
      originals[`promises.${name}`] = original;
      p[name] = function (this: unknown, ...args: unknown[]) {
        opened.push(`promises.${name} ${String(args[0])}`);
        return original.apply(this, args);
      };
    }
    syncBuiltinESMExports();
  });
  afterAll(async () => {
    const f = fs as unknown as Record<string, unknown>;
    for (const name of WATCHED) f[name] = originals[name];
    const p = fs.promises as unknown as Record<string, unknown>;
    for (const name of ['open', 'readFile', 'writeFile']) p[name] = originals[`promises.${name}`];
    syncBuiltinESMExports();
    await server?.close();
  });

  const healthy = async () => {
    const r = await fetch(`${server.base}/api/health`, { headers: server.auth });
    expect(r.status).toBe(200);
  };
  const expectMessage = (body: string) => {
    const json = JSON.parse(body) as { error: string };
    expect(typeof json.error).toBe('string');
    expect(json.error.length).toBeGreaterThan(10);
    expect(body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    return json;
  };

  it('malformed JSON: 400 saying so', async () => {
    const r = await fetch(`${server.base}/api/run`, { method: 'POST', headers: { ...server.auth, 'Content-Type': 'application/json' }, body: '{"scenario": {' });
    expect(r.status).toBe(400);
    expect(expectMessage(await r.text()).error).toMatch(/JSON/);
    await healthy();
  });

  it('a body over 1 MB: 413 naming the limit', async () => {
    const r = await fetch(`${server.base}/api/run`, { method: 'POST', headers: { ...server.auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: { pad: 'x'.repeat(1_100_000) } }) });
    expect(r.status).toBe(413);
    expect(expectMessage(await r.text()).error).toMatch(/1048576 bytes/);
    await healthy();
  });

  it('an invalid scenario: 400 with each problem and its field path', async () => {
    const s = defaultScenario();
    (s.person as Record<string, unknown>).salary = -5;
    (s.plan as { contribution: { rate: number } }).contribution.rate = 0.5;
    const r = await postJson(server, '/api/run', { scenario: s, paths: 100 });
    expect(r.status).toBe(400);
    const body = expectMessage(await r.text()) as { problems: { path: string; message: string }[] };
    expect(body.problems.map((p) => p.path)).toContain('person.salary');
    // Past the schema, the legal band names its field too.
    (s.person as Record<string, unknown>).salary = 650000;
    const band = (await (await postJson(server, '/api/run', { scenario: s, paths: 100 })).json()) as { problems: { path: string; message: string }[] };
    expect(band.problems[0]).toMatchObject({ path: 'plan.contribution' });
    expect(band.problems[0]!.message).toMatch(/above the legal maximum/);
    const unknown = await postJson(server, '/api/run', { scenario: defaultScenario(), paths: 100, rm: '-rf' });
    expect(unknown.status).toBe(400);
    expect(expectMessage(await unknown.text()).error).toMatch(/unknown field\(s\) rm/);
    await healthy();
  });

  it('a US scenario with bad fields: 400 with each field; G, a foreign metric, a mixed comparison and a Norwegian solve field refused by name', async () => {
    const s = ksopScenario();
    (s.plan as Record<string, unknown>).deferralRate = 2;
    (s.employerStock as Record<string, unknown>).idiosyncraticVolatility = -0.1;
    const r = await postJson(server, '/api/run', { scenario: s, paths: 100 });
    expect(r.status).toBe(400);
    const body = expectMessage(await r.text()) as { problems: { path: string; message: string }[] };
    expect(body.problems.map((p) => p.path).sort()).toEqual(['employerStock.idiosyncraticVolatility', 'plan.deferralRate']);
    // Past the schema: the stock's market asset must be one of the profile's funds.
    const t = ksopScenario();
    (t.employerStock as Record<string, unknown>).marketAsset = 'gold';
    const cross = (await (await postJson(server, '/api/run', { scenario: t, paths: 100 })).json()) as { problems: { path: string }[] };
    expect(cross.problems.map((p) => p.path)).toContain('employerStock.marketAsset');
    // A kept US run in G: refused naming the parameter.
    const run = parseEvents(await (await postJson(server, '/api/run', { scenario: ksopScenario(), paths: 64, seed: 3 })).text());
    const id = (run.find((e) => e.event === 'result')!.data as { id: string }).id;
    for (const url of [`/api/results/${id}?amounts=g`, `/api/results/${id}/report.html?amounts=g`]) {
      const g = await fetch(`${server.base}${url}`, { headers: server.auth });
      expect(g.status, url).toBe(400);
      expect(expectMessage(await g.text()).error).toMatch(/amounts: G \(the Norwegian grunnbeløp\) is not a unit of a US plan/);
    }
    const metric = await postJson(server, '/api/compare', { variants: [{ label: 'a', scenario: ksopScenario() }, { label: 'b', scenario: ksopScenario() }], paths: 64, metric: 'payoutGross' });
    expect(metric.status).toBe(400);
    expect(expectMessage(await metric.text()).error).toMatch(/metric: a US comparison compares the account/);
    const mixed = await postJson(server, '/api/compare', { variants: [{ label: 'a', scenario: ksopScenario() }, { label: 'b', scenario: defaultScenario() }], paths: 64 });
    expect(mixed.status).toBe(400);
    expect(expectMessage(await mixed.text()).error).toMatch(/plan\.kind: .*compare takes one kind/);
    const solve = await postJson(server, '/api/solve', { scenario: ksopScenario(), field: 'plan.contribution.rate', target: 'capitalAtRetirement.p10>=1', paths: 64 });
    expect(solve.status).toBe(400);
    expect(expectMessage(await solve.text()).error).toMatch(/--for: cannot solve a US plan for "plan\.contribution\.rate"/);
    await healthy();
  });

  it('a wrong or missing token: 401; a foreign Host: 403', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: `Bearer ${server.token}x` }, { Cookie: 'pensim_token=nope' }]) {
      const r = await rawGet(server, '/api/health', headers);
      expect(r.status).toBe(401);
      expectMessage(r.body);
    }
    expect((await rawGet(server, '/?token=wrong', {})).status).toBe(401);
    expect((await rawGet(server, '/app.js', {})).status).toBe(401);
    const run = await fetch(`${server.base}/api/run`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: defaultScenario() }) });
    expect(run.status).toBe(401);
    expect((await rawGet(server, '/api/health', { ...server.auth, Host: 'evil.example:80' })).status).toBe(403);
    expect((await rawGet(server, `/api/health?token=${server.token}`, {})).status).toBe(200);
    await healthy();
  });

  it('path traversal in every parameter: 404 or 400, and no file content leaks', async () => {
    const attempts = [
      '/api/scenarios/..%2F..%2Fpackage.json',
      '/api/scenarios/..%2Fpackage',
      '/api/scenarios/%2Fetc%2Fpasswd',
      '/api/scenarios/constructor',
      '/api/scenarios/__proto__',
      '/api/scenarios/../../package.json',
      '/api/results/..%2F..%2Fetc%2Fpasswd',
      '/api/results/0123456789abcdef/..%2F..%2Fpackage.json',
      '/api/results/0123456789abcdef/report.pdf?amounts=..%2F..%2Fetc%2Fpasswd',
      '/app.js/../../package.json',
      '/..%2Fpackage.json',
      '/assets/serve/app.js',
      '/scenarios/default.json',
      '/%2e%2e/%2e%2e/etc/passwd',
    ];
    for (const path of attempts) {
      const r = await rawGet(server, path);
      expect([400, 404], path).toContain(r.status);
      expectMessage(r.body);
      expect(r.body).not.toMatch(/"name":\s*"pensim"|root:x:0/);
    }
    // A kept result's downloads are a fixed list of names.
    const run = await postJson(server, '/api/run', { scenario: defaultScenario(), paths: 64 });
    const id = (parseEvents(await run.text()).find((e) => e.event === 'result')!.data as { id: string }).id;
    for (const file of ['..%2F..%2Fpackage.json', 'package.json', '..', 'report.pdf%00.json', 'constructor', '__proto__', 'toString']) {
      const r = await rawGet(server, `/api/results/${id}/${file}`);
      expect(r.status, file).toBe(404);
      expectMessage(r.body);
    }
    expect((await rawGet(server, `/api/results/${id}/report.pdf?amounts=real`)).status).toBe(200);
    expect((await rawGet(server, `/api/results/${id}?amounts=%2Fetc%2Fpasswd`)).status).toBe(400);
    await healthy();
  });

  it('an unknown route: 404 naming it', async () => {
    const r = await rawGet(server, '/api/nothing-here');
    expect(r.status).toBe(404);
    expect(expectMessage(r.body).error).toMatch(/no such page or API: GET \/api\/nothing-here/);
    const del = await fetch(`${server.base}/api/run`, { method: 'DELETE', headers: server.auth });
    expect(del.status).toBe(404);
    await healthy();
  });

  it('a run over the resource limits: 400 naming paths, before any work', async () => {
    const over = await postJson(server, '/api/run', { scenario: defaultScenario(), paths: MAX_RUN_PATHS + 1 });
    expect(over.status).toBe(400);
    expect(expectMessage(await over.text()).error).toMatch(/paths/);
    const s = defaultScenario();
    (s.simulation as Record<string, unknown>).paths = 50_000_000;
    const big = await postJson(server, '/api/run', { scenario: s });
    expect(big.status).toBe(400);
    expect(expectMessage(await big.text()).error).toMatch(/simulation\.paths: 50000000 paths is above the workbench's limit/);
    const compare = await postJson(server, '/api/compare', { variants: [1, 2, 3, 4, 5].map((i) => ({ label: `v${i}`, scenario: defaultScenario() })), paths: 100 });
    expect(compare.status).toBe(400);
    expect(expectMessage(await compare.text()).error).toMatch(/at most 4 variants/);
    const older = defaultScenario();
    (older.person as Record<string, unknown>).birthYear = 1980;
    const unpaired = await postJson(server, '/api/compare', { variants: [{ label: 'a', scenario: defaultScenario() }, { label: 'b', scenario: older }], paths: 100 });
    expect(unpaired.status).toBe(400);
    expect(expectMessage(await unpaired.text()).error).toMatch(/a paired comparison needs the same simulated years/);
    const solve = await postJson(server, '/api/solve', { scenario: defaultScenario(), field: 'plan.contribution.rate', target: 'replacementRatio.p10>=0.1', paths: 1_000_000 });
    expect(solve.status).toBe(400);
    await healthy();
  });

  it('opened no file during the requests except the PDF library reading its own font metrics', () => {
    // pdfkit's own folder, through any symlink (a git worktree links node_modules to the main checkout's).
    const pdfkit = fs.realpathSync(`${root}node_modules/pdfkit`);
    const outside = opened.filter((o) => !o.includes(`${root}node_modules/pdfkit/`) && !o.includes(`${pdfkit}/`));
    expect(outside).toEqual([]);
    // The recorder works: the PDF download above did read Helvetica's metrics.
    expect(opened.some((o) => o.includes('Helvetica'))).toBe(true);
  });
});
