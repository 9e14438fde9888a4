/**
 * The PDF client report (pdfkit, no browser): `pensim run --format pdf` writes a PDF with two pages,
 * the summary sentence and the amount basis as text (today's money unless --amounts says
 * otherwise), the capital fan as filled band paths and the median line, and the percentile table
 * whose p50 cell is the JSON's p50 of the same run in the same money. The HTML report also
 * defaults to today's money.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { currencyFormat } from '../../src/report/currency-format.js';
import { pdfText } from './pdf-text.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const RUN = ['run', 'scenarios/default.json', '--paths', '2000', '--seed', '3', '--threads', '1', '--quiet'];
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

describe('pensim run --format pdf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pensim-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes pages, the summary in today's money, the fan and the table's p50 from the same run", () => {
    const out = join(dir, 'report.pdf');
    const r = pensim(...RUN, '--format', 'pdf', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\n/g)).toHaveLength(2);
    const text = pdfText(pdf);
    expect(text).toMatch(/In 9 of 10 outcomes the yearly pension from 67 is at least [\d ]+ kr before tax; the median is [\d ]+ kr/);
    expect(text).toContain('Amounts in real NOK in 2026 money (deflated by 2.0 % inflation a year).');
    expect(text).toContain('Pension capital by age');
    expect(text).toContain('Assumptions');
    const json = JSON.parse(pensim(...RUN, '--format', 'json', '--amounts', 'real').stdout) as { metrics: { payoutGross: { percentiles: Record<string, number> } } };
    expect(text).toContain(currencyFormat('NOK').value(json.metrics.payoutGross.percentiles.p50!).replaceAll('\u00a0', ' '));
    // The fan: the band colour (#2f6db5) filled at 24 % opacity, curves as path operators.
    const raw = pdf.toString('latin1');
    const bands = raw.match(/0\.1843\d* 0\.4274\d* 0\.7098\d* scn/g) ?? [];
    expect(bands).toHaveLength(3); // p5-p95, p10-p90, p25-p75 of the default percentiles
    expect(raw).toContain('/ca 0.24');
    expect((raw.match(/ l\n/g) ?? []).length).toBeGreaterThan(100);
  });

  it('--amounts nominal stays available and says so; the HTML report defaults to today\'s money', () => {
    const out = join(dir, 'nominal.pdf');
    expect(pensim(...RUN, '--format', 'pdf', '--amounts', 'nominal', '--out', out).status).toBe(0);
    expect(pdfText(readFileSync(out))).toContain('Amounts in nominal NOK (the money of each year).');
    const html = pensim(...RUN, '--format', 'html').stdout;
    expect(html).toContain('data-basis="real"');
    expect(pensim(...RUN, '--format', 'html', '--amounts', 'nominal').stdout).toContain('data-basis="nominal"');
  });
});
