/**
 * The US client report (issue 23): `pensim run` on a US scenario writes the same report as a
 * Norwegian one, through the same HTML and PDF writers. Checked here without a browser: the PDF's
 * pages, text and fan; the deflation to today's dollars against the nominal JSON divided in the
 * test by (1 + inflation)^(age − start); company stock's share fan against the share at
 * retirement the kernel writes separately; CSV and JSON in real dollars; --amounts g refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');
const RUN = ['run', 'scenarios/ksop-concentrated.json', '--paths', '2000', '--seed', '7', '--threads', '1', '--quiet'];
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

interface Metric {
  mean: number;
  percentiles: Record<string, number>;
}
interface UsJson {
  ages: { start: number; retirement: number };
  percentiles: number[];
  metrics: Record<string, Metric>;
  fan: { ages: number[]; mean: number[]; capital: Record<string, number[]> };
  stockShareFan?: { ages: number[]; share: Record<string, number[]> };
  amounts?: { basis: string; inflation: number; baseYear: number };
}

/** ksop-concentrated has no payout section: its price inflation is limits.indexation's default. */
const INFLATION = 0.025;

describe('pensim run <US scenario> as a client report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pensim-us-report-'));
  let nominal: UsJson;
  beforeAll(() => {
    const r = pensim(...RUN, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    nominal = JSON.parse(r.stdout) as UsJson;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the stock-share fan ends at the share at retirement, and starts at 0 (the account starts in funds)', () => {
    const fan = nominal.stockShareFan!;
    expect(fan.ages).toEqual(nominal.fan.ages);
    for (const k of Object.keys(nominal.metrics.employerStockShare!.percentiles)) {
      expect(fan.share[k]![fan.ages.length - 1]).toBe(nominal.metrics.employerStockShare!.percentiles[k]);
      expect(fan.share[k]![0]).toBe(0);
    }
  });

  it("--amounts real: every amount divided by (1 + inflation)^(age − start), shares unchanged, the sums paid in left out", () => {
    const real = JSON.parse(pensim(...RUN, '--format', 'json', '--amounts', 'real').stdout) as UsJson;
    expect(real.amounts).toEqual({ basis: 'real', baseYear: 2026, inflation: INFLATION });
    const start = nominal.ages.start;
    nominal.fan.ages.forEach((age, i) => {
      const index = (1 + INFLATION) ** (age - start);
      expect(real.fan.capital['p50']![i]).toBeCloseTo(nominal.fan.capital['p50']![i]! / index, 6);
    });
    const atRetirement = (1 + INFLATION) ** (nominal.ages.retirement - start);
    expect(real.metrics.afterTaxNua!.percentiles['p10']).toBeCloseTo(nominal.metrics.afterTaxNua!.percentiles['p10']! / atRetirement, 6);
    expect(real.metrics.employerStockShare).toEqual(nominal.metrics.employerStockShare);
    expect(real.metrics.deferrals).toBeUndefined();
    const csv = pensim(...RUN, '--format', 'csv', '--amounts', 'real').stdout.split('\n');
    expect(csv[0]).toBe('# amounts in real USD in 2026 money (deflated by 2.5 % inflation a year)');
    expect(csv[1]).toBe(`series,age,${nominal.percentiles.map((p) => `p${p}`).join(',')}`);
    const at65 = csv.find((l) => l.startsWith('account,65,'))!.split(',');
    expect(Number(at65[2 + nominal.percentiles.indexOf(50)])).toBeCloseTo(nominal.fan.capital['p50']![25]! / atRetirement, 2);
    expect(csv.some((l) => l.startsWith('stockShare,65,'))).toBe(true);
  });

  it('the PDF: two pages, the summary in today\'s dollars, the account fan as bands, the IRS limits and the stock model', () => {
    const out = join(dir, 'ksop.pdf');
    const r = pensim(...RUN, '--format', 'pdf', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.toString('latin1').match(/\/Type \/Page\n/g)!.length).toBeGreaterThanOrEqual(2);
    const text = pdfText(pdf);
    const atRetirement = (1 + INFLATION) ** 25;
    const usd = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;
    expect(text).toContain(`In 9 of 10 outcomes the account at 65 is at least ${usd(nominal.metrics.capitalAtRetirement!.percentiles['p10']! / atRetirement)} before tax`);
    expect(text).toContain('Amounts in real USD in 2026 money (deflated by 2.5 % inflation a year).');
    expect(text).toContain('Account by age, to 65');
    expect(text).toContain('$24,500 (IRC §402(g))'.replace('§', '\u00a7'));
    expect(text).toContain('idiosyncratic volatility 30% a year');
    const raw = pdf.toString('latin1');
    expect(raw.match(/0\.1843\d* 0\.4274\d* 0\.7098\d* scn/g) ?? []).toHaveLength(3); // p5-p95, p10-p90, p25-p75
  });

  it('svg and png draw the account fan; --amounts g is refused naming the flag', () => {
    const svg = pensim(...RUN, '--format', 'svg').stdout;
    expect(svg).toContain('data-chart="capital-fan"');
    expect((svg.match(/data-band="/g) ?? []).length).toBe(3);
    const png = join(dir, 'fan.png');
    expect(pensim(...RUN, '--format', 'png', '--out', png).status).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    const g = pensim(...RUN, '--format', 'html', '--amounts', 'g');
    expect(g.status).toBe(2);
    expect(g.stderr).toContain('--amounts: G (the Norwegian grunnbeløp) is not a unit of a US plan');
    expect(g.stderr).not.toMatch(/\n\s+at /);
  });

  it('--preset priips names the percentiles in the report, in today\'s dollars by default', () => {
    const html = pensim(...RUN, '--format', 'html', '--preset', 'priips').stdout;
    expect(html).toContain('p5 stress');
    expect(html).toContain('data-basis="real"');
    for (const plan of ['401k-diversified', 'simple-ira', 'sep-ira', 'ksop-enron-stress']) {
      const r = pensim('run', `scenarios/${plan}.json`, '--paths', '300', '--threads', '1', '--quiet', '--format', 'html');
      expect(r.status, `${plan}: ${r.stderr}`).toBe(0);
      expect(r.stdout, plan).toContain('data-chart="capital-fan"');
    }
  });
});
