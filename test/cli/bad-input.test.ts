/**
 * The built `pensim` CLI on bad input: every fault exits 2 with one "pensim: " line per problem that
 * names the field and the rule, no stack trace, nothing on stdout, and no output file (nor a
 * temporary sibling) left behind. Each scenario case is scenarios/default.json with exactly one fault.
 * Runs dist/ (npm test builds first).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/bundle/cli/pensim.js');
const HINT = 'Run "pensim --help" for the commands and their options.';

/** A scenario as plain JSON, mutated freely (one fault at a time). */
type Json = any;
const BASE: Json = JSON.parse(readFileSync(join(ROOT, 'scenarios/default.json'), 'utf8'));

const TMP = mkdtempSync(join(tmpdir(), 'pensim-bad-input-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

let fileCount = 0;
/** Write text to a fresh file in the temp dir (name ends with `ext`); returns its path. */
function writeTemp(text: string, ext = '.json'): string {
  const file = join(TMP, `case-${++fileCount}${ext}`);
  writeFileSync(file, text);
  return file;
}

/** The default scenario, deep-cloned, with one fault applied; written as JSON (or YAML). */
function scenarioWith(fault: (s: Json) => void, ext: '.json' | '.yaml' = '.json'): string {
  const s = structuredClone(BASE);
  fault(s);
  return writeTemp(ext === '.yaml' ? toYaml(s) : JSON.stringify(s, null, 2), ext);
}

function pensim(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
}

/** A problem the CLI must report: the field it names and a distinctive fragment of the rule. */
interface Expected {
  field: string;
  rule: string | RegExp;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Exit 2, nothing on stdout, no stack, one "pensim: " line per problem, each expected problem on one line. */
function expectUserError(r: SpawnSyncReturns<string>, expected: Expected[]): void {
  const context = `stderr:\n${r.stderr}\nstdout:\n${r.stdout}`;
  expect(r.error, context).toBeUndefined();
  expect(r.status, context).toBe(2);
  expect(r.stdout, context).toBe('');
  expect(r.stderr, context).not.toMatch(/^\s+at /m);
  expect(r.stderr, context).not.toMatch(/internal error/i);
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length, context).toBeGreaterThan(0);
  for (const line of lines) {
    // Every line is a problem paragraph, except yargs' usage hint after a usage failure.
    if (line !== HINT) expect(line, context).toMatch(/^pensim: \S/);
  }
  const problems = lines.filter((l) => l.startsWith('pensim: '));
  for (const { field, rule } of expected) {
    // The field as a whole token (followed by ":", ",", a space, a quote or the end), not a prefix of another.
    const fieldRe = new RegExp(`${escapeRe(field)}(?=[:,\\s"]|$)`);
    const hit = problems.some((l) => fieldRe.test(l) && (typeof rule === 'string' ? l.includes(rule) : rule.test(l)));
    expect(hit, `no "pensim: " line names ${field} with ${String(rule)}\n${context}`).toBe(true);
  }
}

/**
 * `pensim run <scenario> --out <fresh dir>/out.json ...`: a user error as above, and the output
 * directory still empty afterwards (no out.json, no *.tmp).
 */
function expectRunFails(scenario: string, expected: Expected[], flags: string[] = ['--threads', '1']): void {
  const outDir = mkdtempSync(join(TMP, 'out-'));
  const out = join(outDir, 'out.json');
  const r = pensim(['run', scenario, '--out', out, ...flags]);
  expectUserError(r, expected);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(outDir)).toEqual([]);
}

const DEFAULT = join(ROOT, 'scenarios/default.json');

describe('pensim run on a bad scenario file', () => {
  it('malformed JSON', () => {
    const file = writeTemp('{ "person": { "birthYear": 1990, }\n');
    expectRunFails(file, [{ field: file, rule: 'not valid JSON' }]);
  });

  it('malformed YAML (.yaml)', () => {
    const file = writeTemp('person:\n  birthYear: 1990\n  salary: [650000, 1\nplan: {kind: no-otp-dc\n', '.yaml');
    expectRunFails(file, [{ field: file, rule: 'not valid YAML' }]);
  });

  it('an empty file', () => {
    const file = writeTemp('');
    expectRunFails(file, [{ field: file, rule: 'not valid JSON' }]);
  });

  it('a missing scenario file', () => {
    const file = join(TMP, 'no-such-scenario.json');
    expectRunFails(file, [{ field: file, rule: 'no such file' }]);
  });

  it('a directory instead of a scenario file', () => {
    const dir = join(TMP, 'a-directory.json');
    mkdirSync(dir);
    expectRunFails(dir, [{ field: dir, rule: 'is not a file' }]);
  });

  it('unknown plan kind', () => {
    const file = scenarioWith((s) => (s.plan.kind = 'no-otp-db'));
    expectRunFails(file, [{ field: 'plan.kind', rule: "'no-otp-dc'" }]);
  });

  it('missing salary', () => {
    const file = scenarioWith((s) => delete s.person.salary);
    expectRunFails(file, [{ field: 'person.salary', rule: 'is required' }]);
  });

  it('negative salary', () => {
    const file = scenarioWith((s) => (s.person.salary = -650_000));
    expectRunFails(file, [{ field: 'person.salary', rule: /must be above 0 and at most 100 000 000 \(NOK a year\); got -650000/ }]);
  });

  it('unknown field in the scenario (typo "salry")', () => {
    const file = scenarioWith((s) => {
      s.person.salry = s.person.salary;
      delete s.person.salary;
    });
    expectRunFails(file, [
      { field: 'person', rule: 'unknown field "salry" (check the spelling)' },
      { field: 'person.salary', rule: 'is required' },
    ]);
  });

  it('retirement age before the start age', () => {
    // Born 1990, starting 2026: start age 36.
    const file = scenarioWith((s) => (s.person.retirementAge = 30));
    expectRunFails(file, [{ field: 'person.retirementAge', rule: 'must be above the start age (36)' }]);
  });

  it('payout start 61', () => {
    const file = scenarioWith((s) => (s.payout.startAge = 61));
    expectRunFails(file, [{ field: 'payout.startAge', rule: 'between age 62 and 75; got 61' }]);
  });

  it('payout start 76', () => {
    const file = scenarioWith((s) => (s.payout.startAge = 76));
    expectRunFails(file, [{ field: 'payout.startAge', rule: 'between age 62 and 75; got 76' }]);
  });

  it('payout period 8 years', () => {
    const file = scenarioWith((s) => (s.payout.years = 8));
    expectRunFails(file, [{ field: 'payout.years', rule: 'at least 10 years; got 8' }]);
  });

  it('payout period 8 years, in a YAML file', () => {
    const file = scenarioWith((s) => (s.payout.years = 8), '.yaml');
    expectRunFails(file, [{ field: 'payout.years', rule: 'at least 10 years; got 8' }]);
  });

  it('correlation matrix not positive semi-definite', () => {
    const file = scenarioWith((s) => {
      s.profile.assets.push({ name: 'property', expectedReturn: 0.05, volatility: 0.1 });
      s.profile.weights = { equity: 0.4, bond: 0.3, property: 0.3 };
      s.profile.correlation = [
        [1, 0.9, 0.9],
        [0.9, 1, -0.9],
        [0.9, -0.9, 1],
      ];
    });
    expectRunFails(file, [{ field: 'profile.correlation', rule: 'positive semi-definite' }]);
  });

  it('weights not summing to 1', () => {
    const file = scenarioWith((s) => (s.profile.weights.bond = 0.4));
    expectRunFails(file, [{ field: 'profile.weights', rule: 'sum to 1' }]);
  });

  it('contribution above the legal maximum (percent-of-pay 8 %)', () => {
    const file = scenarioWith((s) => (s.plan.contribution.rate = 0.08));
    expectRunFails(file, [{ field: 'plan.contribution', rule: 'legal maximum' }]);
  });

  it('zero paths in the file (simulation.paths: 0)', () => {
    const file = scenarioWith((s) => (s.simulation.paths = 0));
    expectRunFails(file, [{ field: 'simulation.paths', rule: />=1; got 0/ }]);
  });
});

describe('pensim run with a bad flag', () => {
  it('--paths 0', () => {
    expectRunFails(DEFAULT, [{ field: '--paths', rule: 'must be a whole number from 1 to' }], ['--paths', '0', '--threads', '1']);
  });

  it('--threads abc', () => {
    expectRunFails(DEFAULT, [{ field: '--threads', rule: 'must be a whole number from 1 to 256; got "abc"' }], ['--threads', 'abc']);
  });

  it('an unknown flag', () => {
    expectRunFails(DEFAULT, [{ field: 'bogus', rule: 'Unknown argument' }], ['--bogus', '3', '--threads', '1']);
  });

  it('--format xml', () => {
    expectRunFails(DEFAULT, [{ field: 'format', rule: /Choices: "table", "json", "csv"/ }], ['--format', 'xml', '--threads', '1']);
  });

  it('--out in a directory that does not exist', () => {
    const missingDir = join(TMP, 'no-such-dir');
    const r = pensim(['run', DEFAULT, '--out', join(missingDir, 'out.json'), '--threads', '1']);
    expectUserError(r, [{ field: '--out', rule: 'does not exist' }]);
    expect(existsSync(missingDir)).toBe(false);
  });

  it('no command at all', () => {
    expectUserError(pensim([]), [{ field: 'name a command', rule: 'run, validate or project' }]);
  });
});

describe('pensim project on a bad scenario', () => {
  it('weights not summing to 1, with --out', () => {
    const outDir = mkdtempSync(join(TMP, 'out-'));
    const file = scenarioWith((s) => (s.profile.weights.equity = 0.6));
    expectUserError(pensim(['project', file, '--out', join(outDir, 'ledger.txt')]), [{ field: 'profile.weights', rule: 'sum to 1' }]);
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('pensim validate', () => {
  it('a valid scenario exits 0', () => {
    const r = pensim(['validate', DEFAULT]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('valid');
    expect(r.stderr).toBe('');
  });

  it('the same scenario as YAML exits 0', () => {
    const file = scenarioWith(() => undefined, '.yaml');
    const r = pensim(['validate', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a contribution above the legal maximum', () => {
    const file = scenarioWith((s) => (s.plan.contribution.rate = 0.08));
    expectUserError(pensim(['validate', file]), [{ field: 'plan.contribution', rule: 'legal maximum' }]);
  });

  it('several schema faults: each listed with its field', () => {
    const file = scenarioWith((s) => {
      s.person.salary = -1;
      s.plan.kind = 'no-otp-db';
      s.profile.fees.mangementRate = 0.0025;
      s.payout.method.technicalRate = 0.5;
      s.simulation.paths = 0;
    });
    const r = pensim(['validate', file]);
    expectUserError(r, [
      { field: 'person.salary', rule: 'must be above 0' },
      { field: 'plan.kind', rule: "'no-otp-dc'" },
      { field: 'profile.fees', rule: 'unknown field "mangementRate"' },
      { field: 'payout.method.technicalRate', rule: '<=0.2' },
      { field: 'simulation.paths', rule: '>=1' },
    ]);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('pensim: ')).length).toBe(5);
  });

  it('several cross-field faults: each listed with its field', () => {
    const file = scenarioWith((s) => {
      s.person.careerBreaks = [{ fromAge: 70, toAge: 71 }];
      s.profile.weights.bond = 0.4;
      s.profile.correlation = [
        [1, 0.1],
        [0.2, 1],
      ];
      s.payout.years = 8;
    });
    const r = pensim(['validate', file]);
    expectUserError(r, [
      { field: 'person.careerBreaks[0]', rule: 'fromAge <= toAge < retirementAge' },
      { field: 'profile.weights', rule: 'sum to 1' },
      { field: 'profile.correlation[1][0]', rule: 'symmetric' },
      { field: 'payout.years', rule: 'at least 10 years' },
    ]);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('pensim: ')).length).toBe(4);
  });
});
