/**
 * docs/model.md keeps up with the code (issue 16's acceptance): every rule file in src/rules and
 * every exported parameter constant there is listed (with its source, in §10), and every golden
 * case of §11 names test files that exist and check that case.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODEL = readFileSync(join(ROOT, 'docs/model.md'), 'utf8');
const rules = execFileSync('git', ['ls-files', 'src/rules'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.ts'));

describe('docs/model.md lists the rules', () => {
  it('every file in src/rules is named', () => {
    expect(rules.length).toBeGreaterThan(15);
    const missing = rules.filter((f) => !MODEL.includes(f.replace(/^src\/rules\/(us|no)\//, '')) && !MODEL.includes(f));
    expect(missing).toEqual([]);
  });

  it('every exported parameter constant of src/rules is in a table of §10 or the text', () => {
    const names = rules.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/^export const ([A-Z][A-Z0-9_]*)\b/gm)].map((m) => m[1]!));
    expect(names).toContain('G_FROM_MAY');
    expect(names.filter((n) => !MODEL.includes(`\`${n}\``))).toEqual([]);
  });

  it('the estimates are marked: the 2026 pension tax credit', () => {
    expect(MODEL).toMatch(/37 100 \*estimate\*/);
    expect(MODEL).toMatch(/284 950 \*estimate\*/);
    expect(MODEL).toMatch(/436 050 \*estimate\*/);
  });
});

describe('docs/model.md §11: each golden value with the test that checks it', () => {
  const section = MODEL.slice(MODEL.indexOf('## 11 '), MODEL.indexOf('## 12 '));
  const rows = [...section.matchAll(/^\| (G[1-6]) \|.*\|(.*)\|$/gm)];

  it('G1 to G6 each have a row', () => {
    expect(rows.map((r) => r[1])).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6']);
  });

  it('every test file named exists and checks that case', () => {
    for (const [, id, tests] of rows) {
      const files = [...tests!.matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((m) => m[1]!);
      expect(files.length, id).toBeGreaterThan(0);
      for (const f of files) expect(readFileSync(join(ROOT, f), 'utf8'), `${f} should check ${id}`).toMatch(new RegExp(`\\b${id}\\b`));
    }
  });
});
