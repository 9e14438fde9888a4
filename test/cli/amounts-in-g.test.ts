/**
 * `--amounts g` through the built CLI (issue 4: reports in G on request): every format shows the
 * amounts of each year divided by that year's G, says so, and agrees with the nominal run divided
 * by G (certain pay growth) or with the engine's per-path G block (uncertain pay growth).
 * G from 1 May 2026 = 136 549 NOK (NAV); total-pension-with-folketrygd.json starts at 34 in 2026
 * with pay growing 3 %, so G at 67 is 136 549 · 1.03^33.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

type Metric = { mean: number; percentiles: Record<string, number> };
interface Json {
  amounts: { basis: string; perPath: boolean; gGrowth: number; lastPublished: { year: number; value: number }; g?: { ages: number[]; values: number[] } };
  metrics: Record<string, Metric>;
  fan: { ages: number[]; capital: Record<string, number[]> };
  payoutFan: { ages: number[]; gross: Record<string, number[]> };
  inG?: { metrics: Record<string, Metric>; fan: { capital: Record<string, number[]> }; payoutFan: { gross: Record<string, number[]> } };
}
const json = (...args: string[]): Json => {
  const r = pensim('run', ...args, '--format', 'json', '--quiet');
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
};

const FOLKETRYGD = ['scenarios/total-pension-with-folketrygd.json', '--paths', '3000'];
const UNCERTAIN = ['scenarios/hybrid-in-g-uncertain-pay.json', '--paths', '3000'];
const G_2026 = 136_549;
const gAt = (age: number) => G_2026 * 1.03 ** (age - 34);
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.abs(b));

describe('--amounts g, certain pay growth: the nominal run divided by G of each year', () => {
  const nominal = json(...FOLKETRYGD);
  const inG = json(...FOLKETRYGD, '--amounts', 'g');

  it('JSON: the basis and the G path used, and every amount over its G', () => {
    expect(inG.amounts).toMatchObject({ basis: 'G', perPath: false, gGrowth: 0.03, lastPublished: { year: 2026, value: G_2026 } });
    expect(inG.amounts.g!.ages[0]).toBe(34);
    expect(inG.amounts.g!.values[0]).toBe(G_2026);
    close(inG.amounts.g!.values[33]!, gAt(67));
    for (const m of ['capitalAtRetirement', 'payoutGross', 'payoutNet', 'folketrygdPension', 'totalPension']) {
      for (const [k, v] of Object.entries(nominal.metrics[m]!.percentiles)) close(inG.metrics[m]!.percentiles[k]!, v / gAt(67));
    }
    expect(inG.metrics.replacementRatio).toEqual(nominal.metrics.replacementRatio);
    expect(inG.metrics.inheritance).toBeUndefined();
    nominal.fan.ages.forEach((age, i) => close(inG.fan.capital.p90![i]!, nominal.fan.capital.p90![i]! / gAt(age)));
    nominal.payoutFan.ages.forEach((age, i) => close(inG.payoutFan.gross.p50![i]!, nominal.payoutFan.gross.p50![i]! / gAt(age)));
  });

  it('table: labelled in G, two decimals, the basis in words', () => {
    const r = pensim('run', ...FOLKETRYGD, '--amounts', 'g', '--quiet');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Amounts in G: each amount divided by the G of its year \(G = 136 549 NOK from 1 May 2026/);
    const median = inG.metrics.capitalAtRetirement!.percentiles.p50!.toFixed(2);
    expect(r.stdout).toMatch(new RegExp(`^Capital at payout start \\(G\\) .* ${median.replace('.', '\\.')}\\b`, 'm'));
    expect(r.stdout).toMatch(/^Folketrygd pension \(G\)/m);
    expect(r.stdout).toMatch(/^Capital by age \(G, /m);
  });

  it('CSV: a comment line says G; values to 4 decimals', () => {
    const r = pensim('run', ...FOLKETRYGD, '--amounts', 'g', '--format', 'csv', '--quiet');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^# amounts in G: /);
    const at67 = lines.find((l) => l.startsWith('capital,67,'))!.split(',');
    const keys = lines[1]!.split(',').slice(2);
    expect(Number(at67[2 + keys.indexOf('p50')])).toBe(Math.round(inG.fan.capital.p50![33]! * 1e4) / 1e4);
  });

  it('HTML: the tables show G with decimals; the values behind them are the JSON\'s', () => {
    const r = pensim('run', ...FOLKETRYGD, '--amounts', 'g', '--format', 'html', '--quiet');
    expect(r.stdout).toContain('data-basis="g"');
    expect(r.stdout).toContain('<th scope="col">G</th>');
    const v = inG.metrics.capitalAtRetirement!.percentiles.p50!;
    expect(r.stdout).toContain(`data-metric="capitalAtRetirement" data-stat="p50" data-value="${v}"`);
    expect(r.stdout).toContain(`${v.toFixed(2).replace('.', ',')}</td>`);
    expect(r.stdout).toMatch(/capital at the start of each age \(G\)/);
  });
});

describe('--amounts g, uncertain pay growth: each path over its own G', () => {
  it('the report\'s amounts are the engine\'s per-path G block, and it says per path', () => {
    const nominal = json(...UNCERTAIN);
    const inG = json(...UNCERTAIN, '--amounts', 'g');
    expect(inG.amounts).toMatchObject({ basis: 'G', perPath: true });
    expect(inG.amounts.g).toBeUndefined();
    expect(inG.metrics.capitalAtRetirement).toEqual(nominal.inG!.metrics.capitalAtRetirement);
    expect(inG.metrics.folketrygdPension).toEqual(nominal.inG!.metrics.folketrygdPension);
    expect(inG.fan.capital).toEqual(nominal.inG!.fan.capital);
    expect(inG.payoutFan.gross).toEqual(nominal.inG!.payoutFan.gross);
    expect(inG.metrics.replacementRatio).toEqual(nominal.metrics.replacementRatio);
  });

  it('shards merged with --amounts g equal the unsharded run in G', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pensim-g-'));
    for (const i of [0, 1]) expect(pensim('run', ...UNCERTAIN, '--percentile-method', 'sketch', '--shard', `${i}/2`, '--out', join(dir, `part-${i}.json`), '--quiet').status).toBe(0);
    const merged = pensim('merge', join(dir, 'part-1.json'), join(dir, 'part-0.json'), '--amounts', 'g', '--format', 'table');
    const direct = pensim('run', ...UNCERTAIN, '--amounts', 'g', '--percentile-method', 'sketch', '--quiet');
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(direct.stdout);
  });
});

describe('--amounts: bad combinations are refused with exit 2 and no output file', () => {
  const cases: [string, string[], RegExp][] = [
    ['--real with --amounts g', [...FOLKETRYGD, '--real', '--amounts', 'g'], /--amounts: --real asks for real amounts and --amounts for g/],
    ['an unknown unit', [...FOLKETRYGD, '--amounts', 'euro'], /amounts.*Choices: "nominal", "real", "g"/s],
    ['a shard in G', [...FOLKETRYGD, '--shard', '0/2', '--amounts', 'g'], /--amounts: cannot be combined with --shard: a shard file holds the raw run/],
    ['a US plan in G', ['scenarios/401k-diversified.json', '--amounts', 'g'], /--amounts: G \(the Norwegian grunnbeløp\) is not a unit of a US plan: give nominal or real/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const dir = mkdtempSync(join(tmpdir(), 'pensim-g-bad-'));
      const r = pensim('run', ...args, '--out', join(dir, 'out.txt'));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
