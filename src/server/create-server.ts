/**
 * The `pensim serve` web server (Fastify): the advisor's workbench page and its JSON/event API,
 * for one user on the same machine, like `jupyter lab`.
 *
 * - Every request must carry the session's access token (access-token.ts), else 401; and its Host
 *   must be this machine's (a web page elsewhere cannot rebind its own name to 127.0.0.1), else 403.
 * - Bodies over 1 MB are refused (413); malformed JSON (400), unknown fields (400, naming them),
 *   unknown routes (404): always a JSON body {error, problems?}, never a stack trace.
 * - Runs wait in one bounded queue (run-queue.ts): a full queue answers 429 with Retry-After.
 * - Every response carries a Content-Security-Policy that allows nothing beyond this server, so the
 *   page loads nothing from the network and works offline.
 * - Nothing is read from disk after start-up (bundled-assets.ts), and nothing is written.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { pairingProblems } from '../studies/compare.js';
import { compareWithRuns } from '../studies/compare-with-runs.js';
import { compileAny, isUsScenario, planSeriesCount, planYears, type AnyScenario } from '../plan/compiled-plan.js';
import { checkAnyScenario } from '../scenario/load-any-scenario.js';
import { usAmountBasis } from '../report/us-amount-basis.js';
import { usResultInBasis } from '../report/us-result-in-basis.js';
import type { UsRunResult } from '../result/us-result.js';
import { checkRunSize } from '../engine/limits.js';
import { resolveSetup, simulate } from '../engine/simulate.js';
import type { SimulationResult } from '../result/simulation-result.js';
import { checkSolveField, parseSolveTarget, solve, SOLVE_DEFAULT_PATHS } from '../studies/solve.js';
import { compilePlan } from '../plan/compile-plan.js';
import { amountBasis } from '../report/amount-basis-of.js';
import { basisLabel, isInG } from '../report/amount-basis.js';
import { compareFanSvg } from '../report/compare-fan-svg.js';
import { currencyFormat, gFormat } from '../report/currency-format.js';
import { resultInBasis } from '../report/result-in-basis.js';
import type { Scenario } from '../scenario/schema.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { pathToString, UserError } from '../base/user-error.js';
import { sameToken, TOKEN_COOKIE, tokenOf } from './access-token.js';
import { loadBundledAssets, type BundledAssets } from './bundled-assets.js';
import { streamJob } from './event-stream.js';
import { AmountsQuery, CompareBody, MAX_COMPARE_PATHS, MAX_RUN_PATHS, MAX_SOLVE_PATHS, ParseBody, RunBody, SolveBody } from './request-schemas.js';
import { ResultStore } from './result-store.js';
import { resultView } from './result-view.js';
import { DOWNLOADS } from './downloads.js';
import { RunQueue } from './run-queue.js';
import { createSharedPool, destroyPool } from '../engine/worker-pool.js';

export const BODY_LIMIT = 1_048_576;

export interface ServerOptions {
  token: string;
  /** The address the server binds (for the Host check). */
  host: string;
  /** Worker threads per run. */
  threads: number;
  /** Runs at once, sharing one pool of `threads` workers (default 2). */
  concurrency?: number;
  /** Runs waiting beyond those; more are refused with 429. */
  capacity?: number;
  /** Finished runs kept for downloads. */
  keep?: number;
  assets?: BundledAssets;
  logger?: boolean;
}

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const LOCAL_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A request body against its schema; a UserError listing each problem with its field otherwise. */
function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (body === undefined || body === null || typeof body !== 'object') throw new UserError([{ path: '', message: 'send a JSON object (Content-Type: application/json)' }]);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new UserError(parsed.error.issues.map((i) => ({ path: pathToString(i.path), message: i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message })));
  return parsed.data;
}

/** A scenario of any plan kind from a body, checked in full before it queues: schema, rules, legal band, resource limits. */
function runnableScenario(raw: unknown, paths: number | undefined, seed: number | undefined, threads: number, max: number, source = 'scenario'): { scenario: AnyScenario; paths: number; seed: number } {
  const scenario = checkAnyScenario(raw, source);
  const plan = compileAny(scenario);
  const setup = resolveSetup(scenario, { ...(paths !== undefined && { paths }), ...(seed !== undefined && { seed }), threads });
  if (setup.paths > max) {
    throw new UserError([{ path: paths !== undefined ? 'paths' : 'simulation.paths', message: `${setup.paths} paths is above the workbench's limit of ${max} for this kind of run (a larger run is for the command line: pensim run --paths N)` }], source);
  }
  checkRunSize({ paths: setup.paths, years: planYears(plan), series: planSeriesCount(plan), method: setup.method });
  return { scenario, paths: setup.paths, seed: setup.seed };
}

export function createServer(o: ServerOptions): FastifyInstance {
  const assets = o.assets ?? loadBundledAssets();
  // One pool of `threads` workers for every request (engine/worker-pool.ts), closed with the server;
  // two jobs at a time share it, their batches interleaved.
  const pool = createSharedPool(o.threads);
  const queue = new RunQueue(o.concurrency ?? 2, o.capacity ?? 8);
  const store = new ResultStore(o.keep ?? 32);
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: BODY_LIMIT, return503OnClosing: true, routerOptions: { maxParamLength: 200 } });

  app.addHook('onRequest', async (req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) void reply.header(k, v);
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '');
    const wildcard = o.host === '0.0.0.0' || o.host === '::';
    if (!wildcard && !LOCAL_NAMES.has(hostName) && hostName !== o.host) {
      return reply.code(403).send({ error: `the Host header "${req.headers.host ?? ''}" is not this server's address` });
    }
    if (!sameToken(tokenOf(req.headers, req.query), o.token)) {
      return reply.code(401).send({ error: 'missing or wrong access token: open the URL that pensim serve printed (it ends in ?token=…)' });
    }
    return undefined;
  });

  app.setErrorHandler((error: { statusCode?: number; message: string; code?: string }, req, reply) => {
    if (error instanceof UserError) return reply.code(400).send({ error: error.message, problems: error.problems });
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `the request body is over the limit of ${BODY_LIMIT} bytes (1 MB)`
          : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /JSON/.test(error.message)
            ? `the body is not valid JSON: ${error.message}`
            : error.message;
      return reply.code(status).send({ error: message });
    }
    req.log.error(error);
    return reply.code(500).send({ error: 'internal error (a bug: the server log has the details)' });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `no such page or API: ${req.method} ${req.url.split('?')[0]}` }));

  // The page: three fixed files from memory. Opening it with the token sets the session cookie.
  for (const [url, asset] of assets.page) {
    app.get(url, async (req, reply) => {
      if (url === '/' && typeof (req.query as { token?: unknown }).token === 'string') {
        void reply.header('Set-Cookie', `${TOKEN_COOKIE}=${o.token}; HttpOnly; SameSite=Strict; Path=/`);
      }
      return reply.type(asset.type).send(asset.body);
    });
  }

  app.get('/api/health', async () => ({ ok: true, ...queue.load, kept: store.size }));

  app.get('/api/scenarios', async () => [...assets.scenarios.values()].map((s) => ({ name: s.name, title: s.title, kind: s.kind })));
  app.get<{ Params: { name: string } }>('/api/scenarios/:name', async (req, reply) => {
    const s = assets.scenarios.get(req.params.name);
    if (!s) return reply.code(404).send({ error: `no bundled scenario named "${req.params.name}"; the names are ${[...assets.scenarios.keys()].join(', ')}` });
    return { name: s.name, title: s.title, scenario: s.raw };
  });

  // An uploaded file: parsed and validated; its problems come back with their fields.
  app.post('/api/scenario/parse', async (req) => {
    const body = parseBody(ParseBody, req.body);
    let raw: unknown;
    try {
      raw = body.format === 'json' ? JSON.parse(body.text) : parseYaml(body.text, { maxAliasCount: 100 });
    } catch (e) {
      throw new UserError([{ path: '', message: `the file is not valid ${body.format.toUpperCase()}: ${(e as Error).message.split('\n')[0]}` }], 'the uploaded file');
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UserError([{ path: '', message: 'the file must hold one scenario object' }], 'the uploaded file');
    // A file that parses is loaded into the form even when invalid: its problems show beside their fields.
    try {
      compileAny(checkAnyScenario(raw, 'the uploaded file'));
      return { scenario: raw, problems: [] };
    } catch (e) {
      if (e instanceof UserError) return { scenario: raw, problems: e.problems };
      throw e;
    }
  });

  // The page checks a scenario before it runs it: the problems are the answer here, not an error.
  app.post('/api/validate', async (req) => {
    const body = parseBody(RunBody, req.body);
    try {
      runnableScenario(body.scenario, body.paths, body.seed, o.threads, MAX_RUN_PATHS);
      return { problems: [] };
    } catch (e) {
      if (e instanceof UserError) return { problems: e.problems };
      throw e;
    }
  });

  app.post('/api/run', async (req, reply) => {
    const body = parseBody(RunBody, req.body);
    const { scenario, paths, seed } = runnableScenario(body.scenario, body.paths, body.seed, o.threads, MAX_RUN_PATHS);
    await streamJob(reply, queue, SECURITY_HEADERS, async (signal, send) => {
      let last = 0;
      const result = await simulate(scenario, {
        paths,
        seed,
        threads: o.threads,
        pool,
        signal,
        onProgress: (done, total) => {
          const now = performance.now();
          if (now - last > 100 || done === total) {
            last = now;
            send('progress', { done, total });
          }
        },
      });
      return resultView(store.add(scenario, result), 'real');
    });
  });

  app.post('/api/compare', async (req, reply) => {
    const body = parseBody(CompareBody, req.body);
    const checked = body.variants.map((v, i) => runnableScenario(v.scenario, body.paths, body.seed, o.threads, MAX_COMPARE_PATHS, `variants[${i}] (${v.label})`));
    const first = checked[0]!;
    const scenarios = checked.map((c, i) => ({ ...c.scenario, name: body.variants[i]!.label })) as AnyScenario[];
    const us = isUsScenario(first.scenario);
    if (us && body.metric !== undefined) throw new UserError([{ path: 'metric', message: 'a US comparison compares the account at the retirement age (terminal wealth): leave metric out' }]);
    const metric = us ? undefined : (body.metric ?? 'replacementRatio');
    // Variants that would not pair path by path are refused before they queue.
    const unpaired = pairingProblems(scenarios.map((s) => compileAny(s)), scenarios, metric);
    if (unpaired.length > 0) throw new UserError(unpaired);
    await streamJob(reply, queue, SECURITY_HEADERS, async (signal, send) => {
      const { comparison, results: all } = await compareWithRuns(scenarios, {
        ...(metric !== undefined && { metric }),
        paths: first.paths,
        seed: body.seed ?? first.scenario.simulation.seed,
        threads: o.threads,
        pool,
        gamma: 3,
        alpha: 0.05,
        percentiles: first.scenario.simulation.percentiles,
        signal,
        onProgress: (done, total) => send('progress', { done, total }),
      });
      const runs = all.map((r, i) => store.add(scenarios[i]!, r));
      const views = runs.map((run) => resultView(run, 'real'));
      // The overlaid fans in today's money, as the views are.
      let fans: { ages: number[]; capital: Record<string, number[]> }[];
      let fmt;
      let label: string;
      if (us) {
        const real = all.map((r, i) => usResultInBasis(r as UsRunResult, usAmountBasis(scenarios[i] as UsScenario, 'real')));
        fans = real.map((r) => r.fan);
        fmt = currencyFormat('USD');
        label = basisLabel(usAmountBasis(scenarios[0] as UsScenario, 'real'), 'USD');
      } else {
        const results = all as SimulationResult[];
        const real = results.map((r, i) => resultInBasis(r, amountBasis(scenarios[i] as Scenario, r, 'real')));
        const basis = amountBasis(scenarios[0] as Scenario, results[0]!, 'real');
        fans = real.map((r) => r.fan);
        fmt = isInG(basis) ? gFormat(results[0]!.currency) : currencyFormat(results[0]!.currency);
        label = basisLabel(basis, results[0]!.currency);
      }
      const chart = compareFanSvg(fans.map((f, i) => ({ name: body.variants[i]!.label, ages: f.ages, capital: f.capital })), first.scenario.simulation.percentiles, fmt, label);
      return { kind: us ? 'us' : 'norway', comparison, chart, variants: views.map((v, i) => ({ label: body.variants[i]!.label, id: v.id, summary: v.summary, rows: v.rows, columns: v.columns })) };
    });
  });

  app.post('/api/solve', async (req, reply) => {
    const body = parseBody(SolveBody, req.body);
    const target = parseSolveTarget(body.target);
    const { scenario, paths, seed } = runnableScenario(body.scenario, body.paths ?? SOLVE_DEFAULT_PATHS, body.seed, o.threads, MAX_SOLVE_PATHS);
    // A field the scenario has not is refused before the job queues, as a bad scenario is.
    checkSolveField(scenario as Scenario, body.field);
    await streamJob(reply, queue, SECURITY_HEADERS, (signal, send) =>
      solve(scenario as Scenario, body.field, target, { paths, seed, threads: o.threads, pool, signal, onStep: (done, most) => send('progress', { done, total: most }) }),
    );
  });

  app.get<{ Params: { id: string } }>('/api/results/:id', async (req, reply) => {
    const run = store.get(req.params.id);
    if (!run) return notKept(reply, req.params.id);
    const q = parseBody(AmountsQuery, req.query);
    return resultView(run, q.amounts);
  });

  app.get<{ Params: { id: string; file: string } }>('/api/results/:id/:file', async (req, reply) => {
    const run = store.get(req.params.id);
    if (!run) return notKept(reply, req.params.id);
    const q = parseBody(AmountsQuery, req.query);
    // Own keys only: "constructor" or "__proto__" must not reach Object.prototype.
    const make = Object.hasOwn(DOWNLOADS, req.params.file) ? DOWNLOADS[req.params.file] : undefined;
    if (!make) return reply.code(404).send({ error: `no download named "${req.params.file}"; they are ${Object.keys(DOWNLOADS).join(', ')}` });
    const [type, body] = await make(run, q.amounts);
    return reply.type(type).header('Content-Disposition', `attachment; filename="pensim-${req.params.file}"`).send(body);
  });

  app.addHook('onClose', async () => {
    await destroyPool(pool);
  });
  return app;
}


function notKept(reply: FastifyReply, id: string): FastifyReply {
  return reply.code(404).send({ error: `no kept result "${id.slice(0, 40)}" (results are kept in memory for the last runs only; run again)` });
}

export type { FastifyRequest };
