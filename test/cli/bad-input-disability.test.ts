import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 24 acceptance: bad disability input exits 2 with a message naming the field, no stack trace.
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
type Json = Record<string, Record<string, unknown>>;
const read = (f: string) => JSON.parse(readFileSync(join(root, 'scenarios', f), 'utf8')) as Json;

function runWith(file: string, mutate: (s: Json) => void, args: string[] = ['run']) {
  const dir = mkdtempSync(join(tmpdir(), 'pensim-dis-'));
  const s = read(file);
  mutate(s);
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(s));
  return spawnSync(process.execPath, [cli, args[0]!, join(dir, 'bad.json'), ...args.slice(1), '--out', join(dir, 'out.json')], { encoding: 'utf8' });
}

const dis = (patch: Record<string, unknown>) => (s: Json) => (s.disability = { ...s.disability, ...patch });
const cases: [string, string, (s: Json) => void, RegExp][] = [
  ['an incidence above 1', 'otp-with-disability.json', dis({ incidence: { kind: 'constant', rate: 1.5 } }), /disability\.incidence\.rate: .*at most 1/],
  ['an incidence table above 1', 'otp-with-disability.json', dis({ incidence: { kind: 'table', rates: [{ fromAge: 30, rate: 0.01 }, { fromAge: 50, rate: 2 }] } }), /disability\.incidence\.rates\[1\]\.rate: .*at most 1/],
  ['a degree of 10 %', 'otp-with-disability.json', dis({ degree: 0.1 }), /disability\.degree: the disability degree \(uføregrad\) is at least 0\.5/],
  ['a degree of 40 % without a work injury', 'otp-with-disability.json', dis({ degree: 0.4 }), /disability\.degree: .*0\.3 only with workInjury: true .*got 0\.4/],
  ['a drawn degree whose shares do not sum to 1', 'otp-with-disability.json', dis({ degree: { kind: 'drawn', table: [{ degree: 1, share: 0.7 }, { degree: 0.5, share: 0.2 }] } }), /disability\.degree\.table: the shares of a degree table must sum to 1 .*sum to 0\.9/],
  ['a drawn degree below the legal minimum', 'otp-with-disability.json', dis({ degree: { kind: 'drawn', table: [{ degree: 1, share: 0.6 }, { degree: 0.4, share: 0.4 }] } }), /disability\.degree\.table\[1\]\.degree: .*0\.3 only with workInjury: true .*got 0\.4/],
  ['a drawn degree of 10 %', 'otp-with-disability.json', dis({ degree: { kind: 'drawn', table: [{ degree: 0.1, share: 1 }] } }), /disability\.degree\.table\[0\]\.degree: the disability degree \(uføregrad\) is at least 0\.5/],
  ['a negative share', 'otp-with-disability.json', dis({ degree: { kind: 'drawn', table: [{ degree: 1, share: 1.2 }, { degree: 0.5, share: -0.2 }] } }), /disability\.degree\.table\[1\]\.share: a share is at least 0/],
  ['a disability pension above the law', 'otp-with-disability.json', dis({ pension: { upperRate: 0.7 } }), /disability\.pension\.upperRate: at most 0\.66/],
  ['uføretrygd for the self-employed without the folketrygd', 'self-employed.json', (s) => { s.disability = {}; delete s.folketrygd; }, /disability\.uforetrygd: uføretrygd for the self-employed needs the folketrygd section/],
  ['a forced age after retirement', 'otp-with-disability.json', dis({ forcedAge: 67 }), /disability\.forcedAge: must be a saving year before 67/],
  ['incidence table ages out of order', 'otp-with-disability.json', dis({ incidence: { kind: 'table', rates: [{ fromAge: 50, rate: 0.01 }, { fromAge: 40, rate: 0.02 }] } }), /disability\.incidence\.rates\[1\]\.fromAge: .*strictly increasing/],
  ['a retirement age above 67', 'otp-with-disability.json', (s) => Object.assign(s.person!, { retirementAge: 70 }), /person\.retirementAge: with a disability section the retirement age is at most 67/],
];

describe('bad disability input through the CLI', () => {
  for (const [name, file, mutate, message] of cases) {
    it(name, () => {
      const r = runWith(file, mutate);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
  it('project --disability-age outside the saving years before 67', () => {
    const r = runWith('otp-with-disability.json', () => undefined, ['project', '--disability-age', '20']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--disability-age: must be a saving year before 67: from the start age \(34\) to 66; got 20/);
  });
});
