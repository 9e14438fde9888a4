/**
 * pensim on a US plan with a payout section, through the built CLI: bad payout input exits 2 naming
 * the field; the JSON is byte-identical on 1 and 2 threads; the table shows the payout figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, scenarioJson, type Json } from './helpers.js';

const CLI = join(ROOT, 'dist/bundle/cli/pensim.js');
const TMP = mkdtempSync(join(tmpdir(), 'pensim-us-payout-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const pensim = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });

describe('bad payout input exits 2 naming the field', () => {
  const cases: [string, (j: Json) => void, RegExp][] = [
    ['an RMD-only policy before the RMD age', (j) => (j.payout.withdrawal = { kind: 'rmd-only' }), /payout\.withdrawal\.kind: 'rmd-only' pays nothing before the RMD age \(75/],
    ['a claiming age of 61', (j) => (j.payout.socialSecurity.claimingAge = 61), /payout\.socialSecurity\.claimingAge: must be a whole age from 62 to 70/],
    ['a withdrawal rate of 300 %', (j) => (j.payout.withdrawal.rate = 3), /payout\.withdrawal\.rate: must be between 0 and 1/],
    ['a horizon before retirement', (j) => (j.payout.horizonAge = 60), /payout\.horizonAge: the horizon \(60\) must be after the retirement age \(65\)/],
    ['a floor above the ceiling', (j) => Object.assign(j.payout, { floor: 50_000, ceiling: 40_000 }), /payout\.floor: the spending floor/],
    ['NUA without company stock', (j) => ((j.plan = { kind: 'us-401k', deferralRate: 0.06 }), delete j.employerStock), /payout\.distribution: 'nua' needs company stock/],
  ];
  it.each(cases)('%s', (_, edit, message) => {
    const j = scenarioJson('ksop-retirement.json');
    edit(j);
    const file = join(TMP, 'bad.json');
    writeFileSync(file, JSON.stringify(j));
    const r = pensim('run', file, '--paths', '100');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('pensim run on a US plan through retirement', () => {
  it('the JSON is byte-identical on 1 and 2 threads, and carries the payout block', () => {
    const run = (threads: string) => pensim('run', 'scenarios/ksop-retirement.json', '--paths', '3000', '--threads', threads, '--format', 'json');
    const one = run('1');
    const two = run('2');
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const r = JSON.parse(one.stdout);
    expect(r.payout.ages).toEqual({ retirement: 65, horizon: 95 });
    expect(r.payout.fan.accountAges).toHaveLength(30);
    expect(r.payout.ranOutByAge.probability.at(-1)).toBeCloseTo(r.payout.ranOut.probability, 12);
  });

  it('the table shows the payout figures', () => {
    const r = pensim('run', 'scenarios/401k-retirement.json', '--paths', '2000', '--threads', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Payout 65–110 \(lifetimes from the 2021 US period life table; constant-real; tax federal; route rollover\)/);
    expect(r.stdout).toMatch(/P\(running out before death or 110\) = /);
    expect(r.stdout).toMatch(/certainty equivalent \(γ = 3\)/);
  });
});
