/**
 * Numbers outside their physical bounds (src/scenario/bounds.ts, docs/scenarios.md §3) through the
 * built CLI: exit 2, a "pensim: " line naming the field and its range, no stack trace, nothing on
 * stdout, no output file. The first case is the issue's own: a salary of 1e308 used to be accepted
 * and gave a replacement ratio of 0 %. Runs dist/ (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist/bundle/cli/pensim.js');
const TMP = mkdtempSync(join(tmpdir(), 'pensim-bounds-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

type Json = any;
const read = (f: string): Json => JSON.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8'));

const cases: [string, string, (s: Json) => void, RegExp][] = [
  ['salary 1e308 (Norway)', 'default.json', (s) => (s.person.salary = 1e308), /^pensim: \S*bad\.json: person\.salary: must be above 0 and at most 100 000 000 \(NOK a year\); got 1e\+308$/m],
  ['salary just above the bound', 'default.json', (s) => (s.person.salary = 100_000_001), /^pensim: \S*bad\.json: person\.salary: must be above 0 and at most 100 000 000 \(NOK a year\); got 100000001$/m],
  ['initial capital 1e12', 'default.json', (s) => (s.person.initialCapital = 1e12), /^pensim: \S*bad\.json: person\.initialCapital: must be between 0 and 1 000 000 000 \(NOK\); got 1000000000000$/m],
  ['a per-member fee of 1e7', 'default.json', (s) => (s.profile.fees = { managementRate: 0.002, perMember: 1e7 }), /^pensim: \S*bad\.json: profile\.fees\.perMember: must be between 0 and 1 000 000 .*; got 10000000$/m],
  ['other pension income 1e9', 'default.json', (s) => (s.tax.otherPensionIncome = 1e9), /^pensim: \S*bad\.json: tax\.otherPensionIncome: must be between 0 and 100 000 000 \(NOK a year\); got 1000000000$/m],
  ['a flat amount of 1e10', 'flat-amount.json', (s) => (s.plan.contribution.amount = 1e10), /^pensim: \S*bad\.json: plan\.contribution\.amount: must be between 0 and 100 000 000 \(NOK a year\)/m],
  ['a folketrygd holding of 1e10', 'total-pension-with-folketrygd.json', (s) => (s.folketrygd.initialHolding = 1e10), /^pensim: \S*bad\.json: folketrygd\.initialHolding: must be between 0 and 1 000 000 000 \(NOK\)/m],
  ['salary 1e308 (US)', 'ksop-concentrated.json', (s) => (s.person.salary = 1e308), /^pensim: \S*bad\.json: person\.salary: must be above 0 and at most 10 000 000 \(USD a year\); got 1e\+308$/m],
  ['US target wealth 1e11', '401k-diversified.json', (s) => (s.simulation = { ...s.simulation, targetWealth: 1e11 }), /^pensim: \S*bad\.json: simulation\.targetWealth: must be between 0 and 10 000 000 000 \(USD\)/m],
];

describe('numbers beyond their bounds through the CLI: exit 2, the field and its range named', () => {
  let n = 0;
  for (const [name, file, mutate, message] of cases) {
    it(name, () => {
      const dir = mkdtempSync(join(TMP, `case-${++n}-`));
      const s = read(file);
      mutate(s);
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(s));
      const r = spawnSync(process.execPath, [CLI, 'run', join(dir, 'bad.json'), '--out', join(dir, 'out.json'), '--threads', '1'], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(readdirSync(dir)).toEqual(['bad.json']);
    });
  }
});
