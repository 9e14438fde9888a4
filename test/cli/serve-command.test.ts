/**
 * pensim serve as a command: --port 0 takes a free port on 127.0.0.1, the printed URL carries a
 * 64-hex-digit token that opens the page (and sets its cookie) while a request without it gets
 * 401; the page's Content-Security-Policy allows nothing beyond the server; SIGTERM stops it with
 * exit 0. Bad flags exit 2 naming the flag. An uploaded file's problems come back with their fields.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');

describe('pensim serve', () => {
  it('prints a tokened URL on 127.0.0.1, refuses requests without the token, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--no-open', '--threads', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})/.exec(out);
        if (m) resolve(m[0]);
      });
    });
    const u = new URL(url);
    const token = u.searchParams.get('token')!;
    expect((await fetch(`${u.origin}/`)).status).toBe(401);
    expect((await fetch(`${u.origin}/?token=${'0'.repeat(64)}`)).status).toBe(401);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
    expect(page.headers.get('set-cookie')).toBe(`pensim_token=${token}; HttpOnly; SameSite=Strict; Path=/`);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    // The cookie alone is enough afterwards (the page's script and style files).
    expect((await fetch(`${u.origin}/app.js`, { headers: { Cookie: `pensim_token=${token}` } })).status).toBe(200);

    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const yaml = 'person:\n  birthYear: 1990\n  startYear: 2026\n  retirementAge: 67\n  salary: -3\nplan: {kind: no-otp-dc, contribution: {method: percent-of-pay, rate: 0.05}}\nprofile: {assets: [{name: equity, expectedReturn: 0.06, volatility: 0.15}], weights: {equity: 1}}\npayout: {years: 10, method: {kind: balance-over-remaining-years}}\n';
    const parsed = (await (await fetch(`${u.origin}/api/scenario/parse`, { method: 'POST', headers: auth, body: JSON.stringify({ text: yaml, format: 'yaml' }) })).json()) as { scenario: { person: { salary: number } }; problems: { path: string }[] };
    expect(parsed.scenario.person.salary).toBe(-3);
    expect(parsed.problems.map((p) => p.path)).toEqual(['person.salary']);
    const garbage = await fetch(`${u.origin}/api/scenario/parse`, { method: 'POST', headers: auth, body: JSON.stringify({ text: 'a: [unclosed', format: 'yaml' }) });
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { error: string }).error).toMatch(/not valid YAML/);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('bad flags exit 2 naming the flag', () => {
    for (const [flags, message] of [
      [['--port', '70000'], /--port: must be a whole number from 0 to 65535/],
      [['--host', 'a b'], /--host: must be an address or host name/],
      [['--host', '203.0.113.9', '--port', '0'], /--host: cannot listen: 203.0.113.9 is not an address of this machine/],
    ] as const) {
      const r = spawnSync(process.execPath, [cli, 'serve', '--no-open', ...flags], { cwd: root, encoding: 'utf8', timeout: 10_000 });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
