/** A workbench server on a free loopback port for a test, and readers for its event streams. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type ServerOptions } from '../../src/server/create-server.js';
import { newAccessToken } from '../../src/server/access-token.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface TestServer {
  base: string;
  token: string;
  auth: Record<string, string>;
  close(): Promise<void>;
}

export async function startServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const token = newAccessToken();
  const app = createServer({ token, host: '127.0.0.1', threads: 1, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, token, auth: { Authorization: `Bearer ${token}` }, close: () => app.close() };
}

export interface StreamEvent {
  event: string;
  data: unknown;
}

export function parseEvents(text: string): StreamEvent[] {
  return text
    .split('\n\n')
    .filter((b) => b.trim() !== '')
    .map((b) => ({ event: /^event: (.*)$/m.exec(b)![1]!, data: JSON.parse(/^data: (.*)$/m.exec(b)![1]!) as unknown }));
}

const DEFAULT_TEXT = readFileSync(`${root}scenarios/default.json`, 'utf8');
const KSOP_TEXT = readFileSync(`${root}scenarios/ksop-concentrated.json`, 'utf8');

/** A fresh copy of the bundled KSOP scenario (ksop-concentrated.json) as written. */
export function ksopScenario(): Record<string, unknown> {
  return JSON.parse(KSOP_TEXT) as Record<string, unknown>;
}

/** A fresh copy of the bundled default scenario as written (read once, when the test module loads). */
export function defaultScenario(): Record<string, unknown> {
  return JSON.parse(DEFAULT_TEXT) as Record<string, unknown>;
}

export async function postJson(server: TestServer, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(`${server.base}${path}`, { method: 'POST', headers: { ...server.auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body), ...(signal && { signal }) });
}
