/**
 * pensim run --format svg | png, --percentiles, --preset and --real through the built CLI (npm test
 * builds first). The --real checks are closed forms on GOLDEN.md G1 (zero volatility): capital
 * 3 112 899 at 67 after 30 years, so in start-year money 3 112 899 / (1 + i)^30.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
const TMP = mkdtempSync(join(tmpdir(), 'pensim-formats-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const G1 = 'scenarios/golden-smartepenger.json';
const G1_CAPITAL = 3_112_899;
const G1_PAYOUT = 383_792;
const FAST = ['--paths', '200', '--threads', '1', '--quiet'];

interface Json {
  percentiles: number[];
  amounts: { basis: string; baseYear?: number; inflation?: number };
  ages: { start: number };
  metrics: Record<string, { mean: number; percentiles: Record<string, number> }>;
  fan: { ages: number[]; capital: Record<string, number[]> };
}
const runJson = (...args: string[]): Json => {
  const r = pensim('run', ...args, '--format', 'json', ...FAST);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
};

/** Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian), after checking the signature. */
function pngSize(b: Buffer): [number, number] {
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('--format svg and png: the capital fan alone', () => {
  it('svg: a standalone SVG with the three bands, the median line and the retirement marker', () => {
    const r = pensim('run', 'scenarios/default.json', '--format', 'svg', ...FAST);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 880 480" width="880" height="480"')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</svg>')).toBe(true);
    const bands = [...r.stdout.matchAll(/data-band="([^"]+)"/g)].map((m) => m[1]);
    expect(bands).toEqual(['p5-p95', 'p10-p90', 'p25-p75']);
    expect(r.stdout).toMatch(/<path d="M[^"]+"[^>]*data-line="p50"/);
    expect(r.stdout).toContain('data-marker="retirement"');
    expect(r.stdout).toContain('nominal NOK');
  });

  it('png: twice the SVG size, a real image (not blank), also to standard output when it is not a terminal', () => {
    const out = join(TMP, 'fan.png');
    const r = pensim('run', 'scenarios/default.json', '--format', 'png', '--out', out, ...FAST);
    expect(r.status, r.stderr).toBe(0);
    const png = readFileSync(out);
    expect(pngSize(png)).toEqual([1760, 960]);
    // A blank 1760×960 PNG compresses to a few kB; bands, lines and text take far more.
    expect(statSync(out).size).toBeGreaterThan(40_000);
    const piped = spawnSync(process.execPath, [cli, 'run', 'scenarios/default.json', '--format', 'png', ...FAST], { cwd: root });
    expect(piped.status).toBe(0);
    expect(pngSize(piped.stdout)).toEqual([1760, 960]);
  });

  it('--preset priips: the band 10–90, the stress value p5 as its own line, named', () => {
    const r = pensim('run', 'scenarios/default.json', '--format', 'svg', '--preset', 'priips', ...FAST);
    expect(r.status, r.stderr).toBe(0);
    expect([...r.stdout.matchAll(/data-band="([^"]+)"/g)].map((m) => m[1])).toEqual(['p10-p90']);
    expect([...r.stdout.matchAll(/data-line="([^"]+)"/g)].map((m) => m[1])).toEqual(['p5', 'p50']);
    expect(r.stdout).toContain('p5 stress');
  });
});

describe('--percentiles and --preset replace the scenario percentiles for the run', () => {
  it('--preset nl-urm is 5/50/95 in real terms (the other presets: percentile-flags.test.ts)', () => {
    const urm = runJson(G1, '--preset', 'nl-urm');
    expect(urm.percentiles).toEqual([5, 50, 95]);
    expect(urm.amounts).toEqual({ basis: 'real', baseYear: 2026, inflation: 0.02 });
  });
});

describe('--real: amounts in start-year money (closed form on GOLDEN.md G1)', () => {
  it('default inflation 2 %: capital and payout at 67 divided by 1.02^30; the ratio unchanged; with --percentiles 95,5,50', () => {
    const nominal = runJson(G1);
    const real = runJson(G1, '--real', '--percentiles', '95,5,50');
    expect(nominal.amounts).toEqual({ basis: 'nominal' });
    expect(real.amounts).toEqual({ basis: 'real', baseYear: 2026, inflation: 0.02 });
    expect(real.percentiles).toEqual([5, 50, 95]);
    expect(Object.keys(real.metrics.capitalAtRetirement!.percentiles)).toEqual(['p5', 'p50', 'p95']);
    expect(Object.keys(real.fan.capital)).toEqual(['p5', 'p50', 'p95']);
    const index = 1.02 ** 30;
    // Within rounding: the nominal figures are GOLDEN's whole kroner ± 0.5.
    expect(Math.abs(real.metrics.capitalAtRetirement!.percentiles['p50']! - G1_CAPITAL / index)).toBeLessThan(0.5 / index + 1e-6);
    expect(Math.abs(real.metrics.payoutGross!.percentiles['p5']! - G1_PAYOUT / index)).toBeLessThan(0.5 / index + 1e-6);
    expect(real.metrics.replacementRatio!.percentiles['p50']).toBe(nominal.metrics.replacementRatio!.percentiles['p50']);
    // The fan: age 47 is 10 years after the start (37).
    const k = nominal.fan.ages.indexOf(47);
    expect(real.fan.capital['p95']![k]).toBeCloseTo(nominal.fan.capital['p95']![k]! / 1.02 ** 10, 6);
  });

  it("the scenario's own inflation (3.5 %) is used, and table and csv say the amounts are real", () => {
    const s = JSON.parse(readFileSync(join(root, G1), 'utf8')) as Record<string, unknown>;
    const file = join(TMP, 'g1-inflation.json');
    writeFileSync(file, JSON.stringify({ ...s, inflation: 0.035 }));
    const table = pensim('run', file, '--real', ...FAST);
    expect(table.stdout).toContain('Amounts in real NOK in 2026 money (deflated by 3.5 % inflation a year).');
    // 3 112 899 / 1.035^30 = 1 109 058.7…, whole kroner in the table (every percentile: zero volatility).
    const expected = Math.round(G1_CAPITAL / 1.035 ** 30).toLocaleString('en-US').replaceAll(',', ' ');
    expect(table.stdout).toMatch(new RegExp(`Capital at payout start \\(NOK\\)\\s+${expected}\\s+${expected}`));
    const csv = pensim('run', file, '--real', '--format', 'csv', ...FAST);
    expect(csv.stdout.split('\n')[0]).toBe('# amounts in real NOK in 2026 money (deflated by 3.5 % inflation a year)');
  });
});

describe('bad report flags: exit 2 and a message naming the flag', () => {
  it.each([
    // The other flag faults are unit-tested in percentile-flags.test.ts; these two check the wiring.
    [['--percentiles', '0,50'], /^pensim: --percentiles: "0" is not a number between 0 and 100/m],
    [['--preset', 'eu'], /^pensim: Invalid values: Argument: preset, Given: "eu", Choices: "nl-urm", "priips", "pv"/m],
  ])('%j', (flags, message) => {
    const r = pensim('run', 'scenarios/default.json', ...flags, '--threads', '1');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
