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
const cli = join(root, 'dist/bundle/cli/pensim.js');
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
    // p5-p95, p10-p90, p25-p75 of the account fan on page 1 and of company stock's share on page 2.
    expect(raw.match(/0\.1843\d* 0\.4274\d* 0\.7098\d* scn/g) ?? []).toHaveLength(6);
    expect(text).toContain("Company stock's share of the account".replace("'", '\u2019').replace('\u2019', "'"));
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

interface PayoutJson {
  percentiles: number[];
  ages: { start: number; retirement: number };
  fan: { ages: number[]; capital: Record<string, number[]> };
  payout: {
    ages: { retirement: number; horizon: number };
    ranOut: { probability: number };
    ranOutByAge: { ages: number[]; probability: number[] };
    fan: { accountAges: number[]; account: Record<string, number[]>; spendingAges: number[]; spending: Record<string, number[]> };
  };
}

describe('pensim run <US scenario with payout years> as a client report', () => {
  const RUN_PAYOUT = ['run', 'scenarios/ksop-retirement.json', '--paths', '1500', '--seed', '4', '--threads', '1', '--quiet'];
  let json: PayoutJson;
  beforeAll(() => {
    const r = pensim(...RUN_PAYOUT, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    json = JSON.parse(r.stdout) as PayoutJson;
  });

  it('the summary sentence, the first year\'s spending, the fans through the payout and the chance of running out, from the JSON', () => {
    const html = pensim(...RUN_PAYOUT, '--format', 'html', '--amounts', 'nominal').stdout;
    const usd = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    // X: the lowest p10 of the year's real spending over the payout ages, computed here from the JSON.
    const x = Math.min(...json.payout.fan.spending['p10']!);
    const p = json.payout.ranOut.probability;
    const sentence =
      p <= 0.1
        ? `In 9 of 10 outcomes you can spend at least ${usd(x)} a year from 65 and not run out before 95 (after tax, in today&#39;s dollars; the chance of running out is ${pct(p)})`
        : `In 9 of 10 outcomes you can spend at least ${usd(x)} a year from 65 (after tax, in today&#39;s dollars), but the chance of running out before 95 is ${pct(p)}`;
    expect(html.replaceAll("'", '&#39;')).toContain(sentence);
    expect(html).toContain(`data-ran-out="${p}"`);
    // The first year's spending row, nominal: the real p50 times the index of age 65 (the first payout year) at 2.5 %.
    const m = /data-metric="firstYearSpending" data-stat="p50" data-value="([^"]+)"/.exec(html)!;
    expect(Number(m[1])).toBeCloseTo(json.payout.fan.spending['p50']![0]! * 1.025 ** (65 - json.ages.start), 6);
    // The accounts fan runs from the start age to the horizon: the saving ages, then the payout's.
    const fan = [...html.matchAll(/data-metric="fan" data-age="(\d+)" data-stat="p50" data-value="([^"]+)"/g)].map((g) => [Number(g[1]), Number(g[2])]);
    expect(fan.map(([age]) => age)).toEqual([...json.fan.ages, ...json.payout.fan.accountAges]);
    expect(fan.at(-1)![1]).toBe(json.payout.fan.account['p50']!.at(-1));
    for (const chart of ['capital-fan', 'spending-fan', 'stock-share-fan', 'first-spending-distribution']) expect(html, chart).toContain(`data-chart="${chart}"`);
    // The first year's spending distribution: its p50 dot is the first payout age's spending p50, nominal (as the row above).
    const dist = html.slice(html.indexOf('data-chart="first-spending-distribution"'));
    const dot = /data-percentile="p50" data-value="([^"]+)"/.exec(dist)!;
    expect(Number(dot[1])).toBeCloseTo(json.payout.fan.spending['p50']![0]! * 1.025 ** (65 - json.ages.start), 6);
    expect(html).toContain('Payout, taxes and Social Security');
    expect(html).toContain('$30,000 a year at full retirement age');
  });

  it('the PDF: the spending fan on its own page, gamma spelled out, every assumption row with its value on one page', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pensim-us-payout-pdf-')), 'r.pdf');
    const r = pensim(...RUN_PAYOUT, '--format', 'pdf', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const pdf = readFileSync(out);
    const text = pdfText(pdf);
    expect(text).toContain('Yearly spending after tax, 65 to 94');
    expect(text).toContain('gamma = 3');
    expect(text).not.toMatch(/\? = 3/);
    expect(text).toContain('Federal income tax by the 2026 brackets in the payout years');
    // pdfkit writes each page's content stream as the page ends, in page order: no page may hold a
    // lone line (a label whose value went to the next page: a row split by the page break).
    const pages = pdf.toString('latin1').split('endstream').filter((p) => /TJ/.test(p));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect((page.match(/\]\s*TJ/g) ?? []).length).toBeGreaterThan(2);
    rmSync(out);
  });

  it('CSV: the spending and ran-out rows of every payout age', () => {
    const csv = pensim(...RUN_PAYOUT, '--format', 'csv').stdout.split('\n');
    const spending = csv.filter((l) => l.startsWith('spending,'));
    expect(spending.map((l) => Number(l.split(',')[1]))).toEqual(json.payout.fan.spendingAges);
    const ranOut = csv.filter((l) => l.startsWith('ranOut,'));
    expect(ranOut.map((l) => Number(l.split(',')[2]))).toEqual(json.payout.ranOutByAge.probability.map((q) => Math.round(q * 1e6) / 1e6));
  });
});
