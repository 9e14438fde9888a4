/**
 * Issue 24: a degree drawn per path, and the fans of the disabled and the others.
 * - The drawn degrees' shares among the disabled (the per-path Arrow file's raw values, through the CLI)
 *   match the table within 4 binomial standard errors.
 * - A table that always draws 100 % gives the fixed degree's run to the byte (the degree has its
 *   own stream, so the onsets and markets are the same draws), but for the degree's own series.
 * - Each group's capital and payout fan p50 at an age equals the percentile computed here from the
 *   kernel's raw per-path values split by the disabled flag (exact percentiles, Hyndman–Fan type 7).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../src/base/chunk-size.js';
import { simulate } from '../../src/engine/simulate.js';
import { projectLedger } from '../../src/ledger/project-ledger.js';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { fanOffset, SCALAR_SERIES } from '../../src/plan/simulation-plan.js';
import { resultCsv } from '../../src/report/result-csv.js';
import { navDegreeTable } from '../../src/rules/no/disability-degree.js';
import { scenarioFrom } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const TMP = mkdtempSync(join(tmpdir(), 'pensim-degree-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const table = [
  { degree: 1, share: 0.6 },
  { degree: 0.75, share: 0.25 },
  { degree: 0.5, share: 0.15 },
];

describe('a drawn degree', () => {
  it("the shares of the disabled's drawn degrees in the per-path file are the table's within 4 binomial standard errors", () => {
    const base = JSON.parse(readFileSync(join(root, 'scenarios/otp-with-disability.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    base.disability = { ...base.disability, incidence: { kind: 'constant', rate: 0.03 }, degree: { kind: 'drawn', table } };
    const file = join(TMP, 'drawn.json');
    writeFileSync(file, JSON.stringify(base));
    const arrow = join(TMP, 'paths.arrow');
    const r = spawnSync(process.execPath, [cli, 'run', file, '--paths', '20000', '--seed', '5', '--per-path', arrow, '--format', 'json', '--out', join(TMP, 'out.json')], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const t = tableFromIPC(readFileSync(arrow));
    const flags = t.getChild('disabledBefore67')!.toArray() as Float64Array;
    const drawn = t.getChild('disabilityDegree')!.toArray() as Float64Array;
    expect(flags.length).toBe(20000);
    const degrees = Array.from(drawn).filter((_, p) => flags[p] === 1);
    const n = degrees.length;
    expect(n).toBeGreaterThan(5000); // 1 − 0.97^33 ≈ 63 % of the living are disabled
    for (const { degree, share } of table) {
      const seen = degrees.filter((d) => d === degree).length / n;
      expect(Math.abs(seen - share)).toBeLessThan(4 * Math.sqrt((share * (1 - share)) / n));
    }
    // Every degree drawn is one of the table's; the paths not disabled carry 0.
    expect(degrees.every((d) => table.some((t) => t.degree === d))).toBe(true);
    expect(Array.from(drawn).every((d, p) => flags[p] === 1 || d === 0)).toBe(true);
  });

  it('a table drawing 100 % always gives the fixed degree 1 run, byte for byte, but for the degree series and the hash', async () => {
    const fixed = scenarioFrom('otp-with-disability.json', { disability: { incidence: { kind: 'constant', rate: 0.02, scale: undefined }, degree: 1 } });
    const drawn = scenarioFrom('otp-with-disability.json', { disability: { incidence: { kind: 'constant', rate: 0.02, scale: undefined }, degree: { kind: 'drawn', table: [{ degree: 1, share: 1 }] } } });
    const opts = { paths: 2 * CHUNK_SIZE + 7, seed: 4, threads: 2, percentileMethod: 'exact' as const };
    type Json = Record<string, Record<string, unknown> & { disabled: { metrics: Record<string, unknown> } }>;
    const a = JSON.parse(JSON.stringify(await simulate(fixed, opts))) as Json;
    const b = JSON.parse(JSON.stringify(await simulate(drawn, opts))) as Json;
    expect((b.metrics!.disabilityDegree as { mean: number }).mean).toBe(a.disability!.probability);
    delete b.metrics!.disabilityDegree;
    delete b.disability!.disabled.metrics.disabilityDegree;
    delete a.scenario!.hash;
    delete b.scenario!.hash;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("the ledger (project --disability-age) uses the table's mean: a 50/50 table of 100 % and 50 % is the fixed 75 %'s ledger", () => {
    const at = (degree: unknown) => projectLedger(scenarioFrom('otp-with-disability.json', { disability: { forcedAge: 50, degree } }));
    const drawn = at({ kind: 'drawn', table: [{ degree: 1, share: 0.5 }, { degree: 0.5, share: 0.5 }] });
    const fixed = at(0.75);
    expect(drawn.meanDrawnDegree).toBe(0.75);
    expect(fixed.meanDrawnDegree).toBeUndefined();
    expect(drawn.capitalAtRetirement.toString()).toBe(fixed.capitalAtRetirement.toString());
    expect(drawn.disabilityIncome!.toString()).toBe(fixed.disabilityIncome!.toString());
    expect(drawn.waiverGain!.toString()).toBe(fixed.waiverGain!.toString());
  });

  it("NAV's default table: 359 290 recipients at 50 % or more, 85.05 % of them at 100 %", () => {
    const t = navDegreeTable();
    expect(t.map((r) => r.degree)).toEqual([1, 0.85, 0.6, 0.5]);
    // 305 583 / (21 008 + 15 706 + 16 993 + 305 583), by hand from NAV's table of 30.09.2022.
    expect(t[0]!.share).toBeCloseTo(305_583 / 359_290, 12);
    expect(t[0]!.share).toBeCloseTo(0.850519, 6);
    expect(t.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1, 12);
  });
});

describe('the fans of the disabled and the others', () => {
  it("each group's p50 capital at 50 and at the payout start, and p50 first payout, equal the percentiles of the raw per-path values split by the flag", async () => {
    const s = scenarioFrom('otp-with-disability.json', { disability: { incidence: { kind: 'constant', rate: 0.02, scale: undefined }, groupFans: true, degree: { kind: 'nav-2022' } } });
    const plan = compilePlan(s);
    const paths = CHUNK_SIZE + 333;
    const capital: Record<'disabled' | 'others', Record<number, number[]>> = { disabled: {}, others: {} };
    const payout: Record<'disabled' | 'others', number[]> = { disabled: [], others: [] };
    const flagAt = SCALAR_SERIES.length + plan.extraSeries.indexOf('disabledBefore67');
    const capitalAt = fanOffset(plan);
    const ages = [50, plan.startAge + plan.payStart];
    const result = await simulate(s, {
      paths,
      seed: 8,
      threads: 1,
      percentileMethod: 'exact',
      onChunk: (_first, n, series) => {
        for (let p = 0; p < n; p++) {
          const group = series[flagAt * n + p] === 1 ? 'disabled' : 'others';
          for (const age of ages) (capital[group][age] ??= []).push(series[(capitalAt + age - plan.startAge) * n + p]!);
          payout[group].push(series[(capitalAt + plan.nYears + 1) * n + p]!);
        }
      },
    });
    // Hyndman–Fan type 7, written here: h = (n − 1)·q, interpolated between its neighbours.
    const median = (xs: number[]) => {
      const v = [...xs].sort((x, y) => x - y);
      const h = (v.length - 1) * 0.5;
      const lo = Math.floor(h);
      return v[lo]! + (h - lo) * (v[Math.min(lo + 1, v.length - 1)]! - v[lo]!);
    };
    const d = result.disability!;
    expect(d.disabled!.paths).toBe(capital.disabled[50]!.length);
    expect(d.disabled!.paths).toBeGreaterThan(1000);
    for (const [key, g] of [['disabled', d.disabled!], ['others', d.others!]] as const) {
      for (const age of ages) {
        const i = g.fan!.ages.indexOf(age);
        expect(g.fan!.capital.p50![i]).toBe(median(capital[key][age]!));
      }
      expect(g.payoutFan!.ages[0]).toBe(plan.startAge + plan.payStart);
      expect(g.payoutFan!.gross.p50![0]).toBe(median(payout[key]));
    }
    // The CSV's rows of the groups' fans carry the same figures (rounded to øre).
    const csv = resultCsv(result).split('\n');
    const row = csv.find((l) => l.startsWith('disabled:capital,50,'))!.split(',');
    const p50 = csv[0]!.split(',').indexOf('p50');
    expect(Number(row[p50])).toBe(Math.round(median(capital.disabled[50]!) * 100) / 100);
    expect(csv.some((l) => l.startsWith(`notDisabled:payoutGross,${plan.startAge + plan.payStart},`))).toBe(true);
  });

  it('without groupFans the result has no group fans', async () => {
    const s = scenarioFrom('otp-with-disability.json', {});
    const r = await simulate(s, { paths: 500, seed: 1, threads: 1 });
    expect(r.disability!.disabled!.fan).toBeUndefined();
    expect(resultCsv(r)).not.toMatch(/disabled:capital,/);
  });
});
