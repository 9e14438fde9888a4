/**
 * The workbench in a real browser: headless Chromium (Debian's chromium package) driven by
 * playwright-core against `pensim serve` started from the built CLI. It opens the page with the
 * token, loads the default scenario, changes the equity share and runs: the fan appears and the
 * table's p50 is the p50 of `pensim run --format json` for the same scenario, seed and paths. Then
 * it compares three equity shares, solves for the contribution rate (the answer equals
 * `pensim solve`), downloads the PDF (pages, text, the fan), cancels a long run and closes a tab
 * mid-run (the server frees its slot both times). No console errors, and no request leaves 127.0.0.1.
 * With UPDATE_SCREENSHOT=1 it also saves docs/serve.png (the README's picture).
 *
 * Without /usr/bin/chromium it is skipped with its reason on a developer machine, but FAILS under
 * CI (CI=1), as test/report/html-chromium.test.ts does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../report/pdf-text.js';
import { defaultScenario, root } from './serve-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const present = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const SKIP_REASON = `skipped: ${CHROMIUM} not found (apt-get install chromium; under CI this fails instead)`;
if (!present && !inCi) console.warn(`test/server/serve-chromium.test.ts ${SKIP_REASON}`);

const cli = join(root, 'dist/bundle/cli/pensim.js');
const PATHS = 3000;
const SEED = 11;

describe('the workbench in headless Chromium', () => {
  if (!present && inCi) {
    it('Chromium is installed under CI', () => {
      expect.fail(`${CHROMIUM} is missing under CI: .ci/run must install the chromium package before npm test`);
    });
  }

  describe.skipIf(!present)(present ? 'pensim serve, driven like an advisor would' : SKIP_REASON, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pensim-serve-'));
    let server: ChildProcess;
    let url = '';
    let origin = '';
    let browser: Browser;
    let page: Page;
    const errors: string[] = [];
    const requests: string[] = [];

    beforeAll(async () => {
      server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--no-open', '--threads', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      url = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}/.exec(out);
          if (m) resolve(m[0]);
        });
        server.on('exit', (code) => reject(new Error(`pensim serve exited with ${code}`)));
      });
      origin = new URL(url).origin;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
      page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
    }, 30_000);

    afterAll(async () => {
      await browser?.close();
      server?.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    });

    const cliJson = (args: string[]) => {
      const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    };
    const setField = async (path: string, value: string) => {
      const field = page.locator(`[data-path="${path}"]`);
      await field.fill(value);
      await field.dispatchEvent('change');
    };

    it('opens with the token, loads the default, runs with another equity share: the fan and the CLI\'s p50', async () => {
      await page.goto(url);
      await page.waitForSelector('body[data-ready=true]');
      expect(await page.inputValue('[data-path="profile.weights.equity"]')).toBe('50');
      await setField('profile.weights.equity', '80');
      await page.fill('#paths', String(PATHS));
      await page.fill('#seed', String(SEED));
      await page.click('#run');
      const cell = page.locator('#table td[data-metric=payoutGross][data-stat=p50]');
      await cell.waitFor({ timeout: 30_000 });
      expect(await page.locator('#chart-capital svg[data-chart=capital-fan] path[data-band]').count()).toBeGreaterThanOrEqual(3);
      expect(await page.textContent('#summary')).toMatch(/^In 9 of 10 outcomes the yearly pension from 67 is at least/);
      expect(await page.textContent('#basis')).toMatch(/^Amounts in real NOK in 2026 money/);

      const s = defaultScenario();
      (s.profile as { weights: Record<string, number> }).weights = { equity: 0.8, bond: 0.2 };
      writeFileSync(join(dir, 'equity80.json'), JSON.stringify(s));
      const json = cliJson(['run', join(dir, 'equity80.json'), '--paths', String(PATHS), '--seed', String(SEED), '--threads', '1', '--quiet', '--format', 'json', '--amounts', 'real']) as { metrics: Record<string, { percentiles: Record<string, number> }> };
      for (const metric of ['capitalAtRetirement', 'payoutGross', 'replacementRatio']) {
        const shown = await page.getAttribute(`#table td[data-metric=${metric}][data-stat=p50]`, 'data-value');
        expect(Number(shown), metric).toBe(json.metrics[metric]!.percentiles.p50);
      }
      // Nominal and G on the same run.
      await page.check('input[name=amounts][value=nominal]');
      await page.waitForFunction(() => document.getElementById('basis')!.textContent!.startsWith('Amounts in nominal'));
      const nominal = cliJson(['run', join(dir, 'equity80.json'), '--paths', String(PATHS), '--seed', String(SEED), '--threads', '1', '--quiet', '--format', 'json']) as typeof json;
      expect(Number(await page.getAttribute('#table td[data-metric=payoutGross][data-stat=p50]', 'data-value'))).toBe(nominal.metrics.payoutGross!.percentiles.p50);
      await page.check('input[name=amounts][value=real]');
      await page.waitForFunction(() => document.getElementById('basis')!.textContent!.startsWith('Amounts in real'));
      if (process.env.UPDATE_SCREENSHOT) {
        const shot = join(dir, 'serve.png');
        await page.screenshot({ path: shot });
        copyFileSync(shot, join(root, 'docs', 'serve.png'));
      }
    }, 60_000);

    it('an invalid value shows its problem beside the field', async () => {
      await setField('person.salary', '-1');
      await page.click('#run');
      const err = page.locator('.err[data-err-for="person.salary"]');
      await err.waitFor();
      expect(await err.textContent()).toMatch(/>0|positive|greater than 0|above 0/i);
      expect(await page.textContent('#general-errors')).not.toMatch(/\bat \w+ \(|\.ts:\d+/);
      await setField('person.salary', '650000');
    }, 30_000);

    it('compares three equity shares on common random numbers: overlaid fans and paired figures', async () => {
      await page.selectOption('#vary', 'profile.weights.equity');
      await page.fill('#vary-values', '20, 50, 80');
      await page.click('#compare-run');
      await page.locator('#compare-chart svg[data-chart=compare-fan]').waitFor({ timeout: 60_000 });
      expect(await page.locator('#compare-chart g[data-scenario]').count()).toBe(3);
      expect(await page.locator('#compare-table td[data-metric=paired]').count()).toBe(2);
      const medians = await page.$$eval('#compare-table td[data-metric=payoutGross][data-stat=p50]', (tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
      expect(medians).toHaveLength(3);
      // More equity, higher median payout (expected return 6.6 % against 3.8 %).
      expect(medians[0]!).toBeLessThan(medians[1]!);
      expect(medians[1]!).toBeLessThan(medians[2]!);
    }, 90_000);

    it('solves for the contribution rate: the answer equals pensim solve on the same seed and paths', async () => {
      await page.selectOption('#solve-field', 'plan.contribution.rate');
      await page.fill('#solve-target', 'replacementRatio.p10>=0.15');
      await page.click('#solve-run');
      const answer = page.locator('#solve-answer[data-reachable]');
      await answer.waitFor({ timeout: 60_000 });
      expect(await answer.getAttribute('data-reachable')).toBe('true');
      const cli = cliJson(['solve', join(dir, 'equity80.json'), '--for', 'plan.contribution.rate', '--target', 'replacementRatio.p10>=0.15', '--paths', String(PATHS), '--seed', String(SEED), '--threads', '1', '--format', 'json']) as { value: number };
      expect(Number(await answer.getAttribute('data-value'))).toBe(cli.value);
      expect(await answer.textContent()).toMatch(/reaches replacementRatio\.p10>=0\.15/);
    }, 90_000);

    it('downloads the PDF report: pages, text and the fan', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-pdf')]);
      const file = join(dir, 'report.pdf');
      await download.saveAs(file);
      const pdf = readFileSync(file);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type \/Page\n/g)!.length).toBeGreaterThanOrEqual(2);
      const text = pdfText(pdf);
      expect(text).toContain('Pension capital by age');
      expect(text).toContain("Amounts in real NOK in 2026 money");
      expect(pdf.toString('latin1').match(/0\.1843\d* 0\.4274\d* 0\.7098\d* scn/g)).toHaveLength(3);
    }, 30_000);

    it('a drawn disability degree: the form shows the choice, not the object; the group fans on reach the report', async () => {
      await page.selectOption('#bundled', 'otp-disability-drawn-degree');
      await page.click('#load');
      await page.waitForFunction(() => (document.getElementById('scenario-name')!.textContent ?? '').includes('drawn'));
      expect(await page.inputValue('#degree-kind')).toBe('nav-2022');
      expect(await page.locator('[data-path="disability.degree"]').isHidden()).toBe(true);
      const values = await page.$$eval('input, select', (els) => els.map((e) => (e as HTMLInputElement).value));
      expect(values.filter((v) => v.includes('[object'))).toEqual([]);
      await page.check('#group-fans');
      await page.fill('#paths', '2000');
      await page.click('#run');
      // The disability rows appear with this run's result (the default scenario's table had none).
      await page.locator('#table td[data-metric="disability:0"][data-stat=p50]').waitFor({ timeout: 30_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-html')]);
      const file = join(dir, 'drawn.html');
      await download.saveAs(file);
      const html = readFileSync(file, 'utf8');
      expect(html).toContain('data-chart="capital-fan-disabled"');
      expect(html).toContain('data-chart="capital-fan-others"');
      // Back to a degree the same on every path: the number shows again, at 100 %.
      await page.selectOption('#degree-kind', 'fixed');
      expect(await page.inputValue('[data-path="disability.degree"]')).toBe('100');
    }, 60_000);

    it('cancels a long run: the page says so and the server frees its slot', async () => {
      await page.fill('#paths', '200000');
      await page.click('#run');
      await page.waitForFunction(() => / of /.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 30_000 });
      await page.click('#cancel');
      await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Run: cancelled');
      const token = new URL(url).searchParams.get('token')!;
      let health = { running: 1 };
      for (let i = 0; i < 100 && health.running !== 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        health = (await (await fetch(`${origin}/api/health`, { headers: { Authorization: `Bearer ${token}` } })).json()) as typeof health;
      }
      expect(health).toMatchObject({ running: 0, waiting: 0 });
    }, 60_000);

    it('closing the tab mid-run aborts the run on the server', async () => {
      const tab = await page.context().newPage();
      tab.on('request', (r) => requests.push(r.url()));
      await tab.goto(url);
      await tab.waitForSelector('body[data-ready=true]');
      await tab.fill('#paths', '200000');
      await tab.click('#run');
      await tab.waitForFunction(() => / of /.test(document.getElementById('status')!.textContent ?? ''), undefined, { timeout: 30_000 });
      const token = new URL(url).searchParams.get('token')!;
      const health = async () => (await (await fetch(`${origin}/api/health`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { running: number; waiting: number };
      expect((await health()).running).toBe(1);
      await tab.close();
      let h = { running: 1, waiting: 0 };
      for (let i = 0; i < 100 && h.running !== 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        h = await health();
      }
      expect(h).toMatchObject({ running: 0, waiting: 0 });
    }, 60_000);

    it('logged no console error and sent no request beyond 127.0.0.1', () => {
      expect(errors).toEqual([]);
      expect(requests.length).toBeGreaterThan(5);
      for (const r of requests) expect(r.startsWith(`${origin}/`), r).toBe(true);
    });
  });
});
