/**
 * `pensim compare` through the built CLI (dist/: npm test builds first): the table and the JSON of
 * the KSOP against the diversified 401(k), and bad input (overlapping match tiers, a deferral above
 * 100 %, a negative hazard, γ <= 0, a start year before the 2020 limits) exiting 2 with one
 * "pensim: " line naming the field, nothing on stdout and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, scenarioJson, type Json } from './helpers.js';

const CLI = join(ROOT, 'dist/bundle/cli/pensim.js');
const TMP = mkdtempSync(join(tmpdir(), 'pensim-compare-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const pensim = (args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });

let n = 0;
function ksopWith(fault: (s: Json) => void): string {
  const s = scenarioJson('ksop-concentrated.json');
  fault(s);
  const file = join(TMP, `case-${++n}.json`);
  writeFileSync(file, JSON.stringify(s));
  return file;
}

const PAIR = ['compare', 'scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json', '--paths', '3000', '--quiet'];

describe('pensim compare', () => {
  it('prints both scenarios side by side and the paired figures', () => {
    const r = pensim(PAIR);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/common random numbers: 3,000 paths, seed 1/);
    expect(r.stdout).toMatch(/^terminal wealth p50 +\$[\d,]+ +\$[\d,]+$/m);
    expect(r.stdout).toMatch(/Paired, path by path: P\(A < B\) = \d+\.\d%/);
    expect(r.stdout).toMatch(/CE value of \$1 of stock, w = share held +\$0\.\d{3}/);
    expect(r.stdout).toMatch(/VaR \/ CVaR 5% of A − B +-?\$[\d,]+ \/ -?\$[\d,]+/);
  });
  it('JSON: the figures, consistent with each other', () => {
    const r = pensim([...PAIR, '--format', 'json', '--gamma', '2', '--percentiles', '5,50,95']);
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.currency).toBe('USD');
    expect(c.gamma).toBe(2);
    expect(c.scenarios.map((s: Json) => s.plan)).toEqual(['us-ksop', 'us-401k']);
    const [a, b] = c.scenarios;
    expect(a.expectedShortfall).toBeLessThanOrEqual(a.valueAtRisk);
    expect(a.valueAtRisk).toBeCloseTo(a.terminalWealth.percentiles.p5, 6);
    expect(a.certaintyEquivalent).toBeLessThan(a.terminalWealth.mean);
    expect(b.employerStock).toBeNull();
    expect(a.employerStock.ceValuePerDollarAtMeanShare).toBeGreaterThan(0);
    expect(a.employerStock.ceValuePerDollarAtMeanShare).toBeLessThan(1);
    const p = c.paired[0];
    expect(p.probabilityALessThanB).toBeGreaterThan(0);
    expect(p.probabilityALessThanB).toBeLessThan(1);
    expect(p.difference.mean).toBeCloseTo(a.terminalWealth.mean - b.terminalWealth.mean, 4);
  });
});

describe('pensim run and validate on a US scenario', () => {
  it('run: the table in USD, and JSON with the account at retirement', () => {
    const t = pensim(['run', 'scenarios/simple-ira.json', '--paths', '500']);
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^account at 65 \(pre-tax\) +\$[\d,]+/m);
    const j = JSON.parse(pensim(['run', 'scenarios/ksop-concentrated.json', '--paths', '500', '--format', 'json']).stdout);
    expect(j.currency).toBe('USD');
    expect(j.fan.ages).toHaveLength(26);
    expect(j.metrics.capitalAtRetirement.percentiles.p50).toBeCloseTo(j.fan.capital.p50[25], 6);
    expect(j.metrics.afterTaxBest.mean).toBeGreaterThanOrEqual(j.metrics.afterTaxRollover.mean);
  });
  it('run refuses amounts in G (a Norwegian unit); validate says valid', () => {
    const r = pensim(['run', 'scenarios/sep-ira.json', '--amounts', 'g']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pensim: --amounts: G \(the Norwegian grunnbeløp\) is not a unit of a US plan/m);
    const v = pensim(['validate', 'scenarios/sep-ira.json']);
    expect(v.stdout).toBe('scenarios/sep-ira.json: valid\n');
  });
});

describe('pensim compare on bad input: exit 2, the field named', () => {
  const cases: [string, () => string[], string, RegExp][] = [
    ['overlapping match tiers', () => [ksopWith((s) => (s.plan.match = [{ from: 0, to: 0.04, rate: 1 }, { from: 0.03, to: 0.06, rate: 0.5 }]))], 'plan.match[1]: ', /overlap/],
    ['a deferral above 100 %', () => [ksopWith((s) => (s.plan.deferralRate = 1.5))], 'plan.deferralRate: ', /<=1; got 1\.5/],
    ['a negative hazard', () => [ksopWith((s) => (s.employerStock.defaultHazard = -0.01))], 'employerStock.defaultHazard: ', /must be >= 0/],
    ['a start year before 2020', () => [ksopWith((s) => (s.person.startYear = 2019))], 'person.startYear: ', /2020 or later.*got 2019/],
    ['γ = 0', () => ['scenarios/401k-diversified.json', '--gamma', '0'], '--gamma: ', /γ must be a number > 0/],
    ['γ < 0', () => ['scenarios/401k-diversified.json', '--gamma', '-1'], '--gamma: ', /γ must be a number > 0/],
    // A balance of 1e306 used to overflow to Infinity in the run; the bound now refuses it up front (docs/scenarios.md §3).
    ['a balance that would overflow double precision', () => [ksopWith((s) => ((s.person.initialCapital = 1e306), (s.profile.assets[0].expectedReturn = 2)))], 'person.initialCapital: ', /must be between 0 and 100 000 000 \(USD\); got 1e\+306/],
    ['a Norwegian scenario', () => ['scenarios/default.json'], 'plan.kind: ', /US scenarios/],
  ];
  it.each(cases)('%s', (_, extra, field, rule) => {
    const r = pensim(['compare', 'scenarios/ksop-concentrated.json', ...extra(), '--paths', '100']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const lines = r.stderr.trim().split('\n');
    const line = lines.find((l) => l.includes(field));
    expect(line, r.stderr).toBeDefined();
    expect(line).toMatch(/^pensim: /);
    expect(line).toMatch(rule);
  });
  it('one scenario is not a comparison', () => {
    const r = pensim(['compare', 'scenarios/ksop-concentrated.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pensim: scenarios: name at least two scenario files/m);
  });
});
