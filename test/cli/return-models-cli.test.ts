/**
 * The built CLI for issue 7: `pensim fit` (acceptance: stock real log mean ≈ 6.8 %/yr, sd ≈ 14 %/yr
 * on the bundled series), `pensim sweep` (rows, formats, progress), `pensim trace` with regimes, and
 * bad input — block length 0, ν <= 2, transition rows not summing to 1, an unknown grid key, and
 * more — each exiting 2 with one "pensim: " line that names the field, no stack, nothing on stdout.
 * Runs dist/ (npm test builds first).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/bundle/cli/pensim.js');
const TMP = mkdtempSync(join(tmpdir(), 'pensim-returns-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

type Json = any;
const DEFAULT: Json = JSON.parse(readFileSync(join(ROOT, 'scenarios/default.json'), 'utf8'));
const REGIMES: Json = JSON.parse(readFileSync(join(ROOT, 'scenarios/regimes.json'), 'utf8'));
const BOOTSTRAP: Json = JSON.parse(readFileSync(join(ROOT, 'scenarios/history-block-bootstrap.json'), 'utf8'));

let count = 0;
function write(content: Json | string, ext = '.json'): string {
  const file = join(TMP, `case-${++count}${ext}`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function pensim(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
}

/** Exit 2, nothing on stdout, no stack, and a "pensim: " line naming `field` with `rule`. */
function expectUserError(r: SpawnSyncReturns<string>, field: string, rule: RegExp): void {
  const context = `stderr:\n${r.stderr}\nstdout:\n${r.stdout}`;
  expect(r.status, context).toBe(2);
  expect(r.stdout, context).toBe('');
  expect(r.stderr, context).not.toMatch(/^\s+at /m);
  expect(r.stderr, context).not.toMatch(/internal error/i);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('pensim: '));
  expect(lines.some((l) => l.includes(field) && rule.test(l)), context).toBe(true);
}

describe('pensim fit', () => {
  it('bundled series: stock real log mean 6.84 %/yr (≈ 6.8) and sd 14.1 %/yr (≈ 14), as JSON', () => {
    const r = pensim('fit', '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const { estimates, fragment } = JSON.parse(r.stdout) as Json;
    const stocks = estimates.lognormal.series.find((s: Json) => s.name === 'stocks');
    expect(Math.round(stocks.logMean * 10000) / 100).toBe(6.84);
    expect(Math.round(stocks.logSd * 1000) / 10).toBe(14.1);
    expect(fragment.profile.assets.map((a: Json) => a.name)).toEqual(['stocks', 'bonds']);
  });

  it('YAML (the default): comments with the estimates, then a fragment that parses; regime model with --model', () => {
    const r = pensim('fit', '--model', 'regime-switching');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# pensim fit/);
    expect(r.stdout).toMatch(/stocks: log mean 6\.84 %\/yr .* log sd 14\.06 %\/yr/);
    const fragment = parseYaml(r.stdout) as Json;
    expect(fragment.returns.model).toBe('regime-switching');
    expect(fragment.returns.regimes.map((g: Json) => g.name)).toEqual(['calm', 'crisis']);
    for (const row of fragment.returns.transition) expect(Math.abs(row[0] + row[1] - 1)).toBeLessThan(1e-9);
  });

  it('--csv: a user\'s file with the same columns (here the bundled 1926–1975) is fitted from it', () => {
    const lines = readFileSync(join(ROOT, 'data/us-real-returns-monthly-1871-2025.csv'), 'utf8').split('\n');
    const file = write([lines[0], ...lines.filter((l) => Number(l.split(',')[0]) >= 1926 && Number(l.split(',')[0]) <= 1975)].join('\n'), '.csv');
    const r = pensim('fit', '--csv', file, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const e = (JSON.parse(r.stdout) as Json).estimates;
    expect(e.data.months).toBe(50 * 12);
    expect(e.data.first).toBe('1926-01');
  });

  it('--csv without the return columns, or too short, exits 2 naming the file', () => {
    expectUserError(pensim('fit', '--csv', write('year,month,price\n2000,1,5\n', '.csv')), 'header', /missing column\(s\) "stock real return", "bond real return"/);
    expectUserError(pensim('fit', '--csv', write('year,month,stock real return,bond real return\n2000,1,0.01,0.01\n', '.csv')), '.csv', /fitting needs at least 132 months/);
    expectUserError(pensim('fit', '--csv', join(TMP, 'none.csv')), 'none.csv', /no such file/);
  });
});

describe('pensim sweep', () => {
  it('the README example: a table with one row per cell, progress lines on a non-terminal stderr', () => {
    const r = pensim('sweep', 'scenarios/default.json', '--grid', 'profile.weights.equity=0.2,0.5,0.8', '--grid', 'profile.fees.managementRate=0.002,0.008', '--paths', '600', '--threads', '1');
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(2);
    expect(rows).toHaveLength(7); // header + 6 cells
    expect(rows[0]).toMatch(/^profile\.weights\.equity\s+profile\.fees\.managementRate\s+capitalAtRetirement\.p5/);
    expect(r.stderr).toMatch(/cell 6\/6 done: profile\.weights\.equity=0\.8, profile\.fees\.managementRate=0\.008/);
    expect(r.stderr).toMatch(/3600 paths in/);
  });

  it('--format json equals a single run of a cell; --format csv with chosen metrics', () => {
    const j = pensim('sweep', 'scenarios/regimes.json', '--grid', 'returns.regimes.crisis.assets.equity.volatility=0.2,0.4', '--paths', '700', '--seed', '5', '--format', 'json', '--quiet', '--metrics', 'capitalAtRetirement.p50,real.capitalAtRetirement.p50,shortfall');
    expect(j.status, j.stderr).toBe(0);
    expect(j.stderr).toBe('');
    const sweep = JSON.parse(j.stdout) as Json;
    const cell = structuredClone(REGIMES);
    cell.returns.regimes[1].assets.equity.volatility = 0.4;
    const single = JSON.parse(pensim('run', write(cell), '--paths', '700', '--seed', '5', '--format', 'json', '--quiet').stdout) as Json;
    expect(sweep.rows[1].values['capitalAtRetirement.p50']).toBe(single.metrics.capitalAtRetirement.percentiles.p50);
    expect(sweep.rows[1].values['real.capitalAtRetirement.p50']).toBe(single.inflation.real.capitalAtRetirement.percentiles.p50);
    expect(sweep.rows[1].values.shortfall).toBe(single.shortfall.probability);
    const c = pensim('sweep', 'scenarios/default.json', '--grid', 'person.salary=500000,900000', '--paths', '300', '--format', 'csv', '--quiet', '--metrics', 'payoutNet.mean');
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout.trim().split('\n')).toHaveLength(3);
    expect(c.stdout.split('\n')[0]).toBe('person.salary,payoutNet.mean');
  });
});

describe('pensim trace with regimes', () => {
  it('shows each year\'s regime and inflation', () => {
    const r = pensim('trace', 'scenarios/regimes.json', '--path', '3');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/capital end\s+regime\s+inflation/);
    expect(r.stdout).toMatch(/ (calm|crisis)\s+-?\d+\.\d\d %/);
  });
});

describe('bad input exits 2 naming the field (issue 7 acceptance 5)', () => {
  const withReturns = (returns: Json) => write({ ...structuredClone(DEFAULT), returns });
  const bootstrap = (extra: Json) => withReturns({ model: 'bootstrap', method: 'moving-block', sources: { equity: 'stocks', bond: 'bonds' }, ...extra });

  it('block length 0', () => {
    expectUserError(pensim('run', bootstrap({ blockYears: 0 })), 'returns.blockYears', /must be at least 1 \(years per block\); got 0/);
  });
  it('block length missing for a block method, or fractional for moving-block', () => {
    expectUserError(pensim('validate', bootstrap({})), 'returns.blockYears', /is required for the moving-block bootstrap/);
    expectUserError(pensim('validate', bootstrap({ blockYears: 2.5 })), 'returns.blockYears', /needs a whole number of years/);
  });
  it('block longer than the 154 years of history (found when the plan is compiled)', () => {
    expectUserError(pensim('validate', bootstrap({ blockYears: 200 })), 'returns.blockYears', /cannot be longer than the history: 154 calendar years \(1871–2024\)/);
  });
  it('an asset without a historical source, and a source for an unknown asset', () => {
    expectUserError(pensim('run', withReturns({ model: 'bootstrap', method: 'iid', sources: { equity: 'stocks', gold: 'bonds' } })), 'returns.sources', /asset "bond" is missing/);
    expectUserError(pensim('run', withReturns({ model: 'bootstrap', method: 'iid', sources: { equity: 'stocks', bond: 'gold' } })), 'returns.sources.bond', /stocks|bonds/);
  });
  it('ν <= 2', () => {
    expectUserError(pensim('run', withReturns({ model: 'student-t', nu: 2 })), 'returns.nu', /must be above 2 \(degrees of freedom ν/);
    expectUserError(pensim('run', withReturns({ model: 'student-t', nu: 1.5 })), 'returns.nu', /got 1\.5/);
  });
  it('transition matrix rows not summing to 1', () => {
    const r = structuredClone(REGIMES);
    r.returns.transition = [[0.9, 0.1], [0.5, 0.4]];
    expectUserError(pensim('run', write(r)), 'returns.transition[1]', /row 1 \(from regime "crisis"\) must sum to 1: .* it sums to 0\.9/);
  });
  it('transition matrix of the wrong size, a regime without an asset, an unknown first regime', () => {
    const r = structuredClone(REGIMES);
    r.returns.transition = [[1]];
    delete r.returns.regimes[1].assets.bond;
    r.returns.initialRegime = 'boom';
    const out = pensim('validate', write(r));
    expectUserError(out, 'returns.transition', /must be 2×2/);
    expectUserError(out, 'returns.regimes[1].assets', /asset "bond" is missing/);
    expectUserError(out, 'returns.initialRegime', /must be "stationary" or a regime name \("calm", "crisis"\); got "boom"/);
  });
  it('inflation correlated with an unknown asset, or with the historical bootstrap', () => {
    const r = structuredClone(REGIMES);
    r.returns.inflation.correlation = { stocks: 0.2 };
    expectUserError(pensim('validate', write(r)), 'returns.inflation.correlation.stocks', /no asset named "stocks"/);
    const b = structuredClone(BOOTSTRAP);
    b.returns.inflation.correlation = { equity: 0.2 };
    expectUserError(pensim('validate', write(b)), 'returns.inflation.correlation', /not available with the historical bootstrap/);
  });
  it('an unknown model', () => {
    expectUserError(pensim('run', withReturns({ model: 'garch' })), 'returns.model', /lognormal|student-t/);
  });
  it('an unknown grid key (the issue\'s stock.sigmaIdio: KSOP does not exist yet), a typo, a bad value, a bad metric', () => {
    expectUserError(pensim('sweep', 'scenarios/default.json', '--grid', 'stock.sigmaIdio=0.2,0.3,0.4'), '--grid stock.sigmaIdio', /no such scenario field/);
    expectUserError(pensim('sweep', 'scenarios/default.json', '--grid', 'person.salry=1'), '--grid person.salry', /no such scenario field \(person: unknown field "salry"/);
    expectUserError(pensim('sweep', 'scenarios/default.json', '--grid', 'person.salary=high'), '--grid person.salary', /takes numbers; got "high"/);
    expectUserError(pensim('sweep', 'scenarios/default.json', '--grid', 'person.salary=1', '--metrics', 'capital.p50'), '--metrics', /unknown metric "capital"/);
    expectUserError(pensim('sweep', 'scenarios/default.json'), '--grid', /give at least one --grid/);
  });
  it('a grid cell that breaks a rule stops before any run, naming the cell', () => {
    expectUserError(pensim('sweep', 'scenarios/default.json', '--grid', 'plan.contribution.rate=0.05,0.09'), 'plan.contribution', /above the legal maximum/);
  });
});
