import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 4, acceptance 5: bad Norwegian inputs give a clear error naming the field, exit code 2.
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const read = (f: string) => JSON.parse(readFileSync(join(root, 'scenarios', f), 'utf8')) as Record<string, Record<string, unknown>>;

function runWith(file: string, mutate: (s: Record<string, Record<string, unknown>>) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'pensim-no-'));
  const s = read(file);
  mutate(s);
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(s));
  const r = spawnSync(process.execPath, [cli, 'run', join(dir, 'bad.json'), '--out', join(dir, 'out.json')], { encoding: 'utf8' });
  return { ...r, leftover: readdirSync(dir).filter((f) => f !== 'bad.json') };
}

const cases: [string, string, (s: Record<string, Record<string, unknown>>) => void, RegExp][] = [
  ['hybrid without sex', 'hybrid-female.json', (s) => delete s.person!.sex, /person\.sex: is required for a hybrid pension/],
  ['birth year before 1900', 'hybrid-male.json', (s) => (s.person!.birthYear = 1899), /person\.birthYear: .*>=1900; got 1899/],
  ['delingstall 0', 'total-pension-with-folketrygd.json', (s) => (s.folketrygd!.delingstall = 0), /folketrygd\.delingstall: .*>0; got 0/],
  ['delingstall negative', 'total-pension-with-folketrygd.json', (s) => (s.folketrygd!.delingstall = -3), /folketrygd\.delingstall: .*>0; got -3/],
  ['a tax year that is not built in', 'total-pension-with-folketrygd.json', (s) => (s.tax!.year = 2024), /tax\.year: the Norwegian tax rules are built in for 2025 and 2026 only/],
  ['folketrygd for a cohort before 1963', 'total-pension-with-folketrygd.json', (s) => Object.assign(s.person!, { birthYear: 1960 }), /folketrygd: .*born 1963 or later; birthYear is 1960/],
  ['hybrid paid over a period', 'hybrid-male.json', (s) => (s.payout = { years: 10, method: { kind: 'level-annuity', technicalRate: 0.02 } }), /payout\.method\.kind: a hybrid pension is paid for life/],
  ['self-employed rate above 7 %', 'self-employed.json', (s) => (s.plan!.rate = 0.08), /plan\.rate: the rate is above the self-employed maximum/],
  ['pay growth sd above 10 %', 'hybrid-in-g-uncertain-pay.json', (s) => (s.person!.wageGrowth = { mean: 0.03, sd: 0.6 }), /person\.wageGrowth\.sd: a yearly pay-growth standard deviation is at most 0\.1 .*; got 0\.6/],
  ['mortality without sex', 'default.json', (s) => { delete s.person!.sex; s.mortality = { table: 'K2013' }; }, /person\.sex: is required for lifetime risk/],
];

describe('bad Norwegian inputs through the CLI', () => {
  for (const [name, file, mutate, message] of cases) {
    it(name, () => {
      const r = runWith(file, mutate);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe('');
      expect(r.leftover).toEqual([]);
    });
  }
});
