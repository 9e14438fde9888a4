/**
 * The rooms of src/ import downward only (each folder's README.md says what it may import):
 * cli → server → report → studies → engine, ledger → result → kernel → plan → scenario, market →
 * rules, random, stats, data, wasm → base. A value import must go to a lower room; a type-only
 * import upward is allowed only where a folder's README gives its reason (listed here).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RANK: Record<string, number> = {
  base: 0, 'version.ts': 0,
  rules: 1, random: 1, stats: 1, data: 1, wasm: 1,
  scenario: 2, market: 2,
  plan: 3, kernel: 4, result: 5, engine: 6, ledger: 6, studies: 7, report: 8, server: 9, cli: 10, 'index.ts': 11,
};
/** Type-only ties upward or sideways, each with its reason in the folder's README. */
const TYPE_TIES = new Set(['result -> engine', 'stats -> wasm']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'assembly' ? [] : tsFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative import of a file: its target room and whether it is type-only. */
export function importsOf(source: string): { spec: string; typeOnly: boolean }[] {
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(\{[^}]*\}|[^'";]*?)\s*from\s+'(\.[^']+)'/gm)) {
    const names = m[2]!.startsWith('{') ? m[2]!.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean) : [m[2]!];
    out.push({ spec: m[3]!, typeOnly: !!m[1] || names.every((n) => n.startsWith('type ')) });
  }
  for (const m of source.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

const roomOf = (rel: string) => rel.split('/')[0]!.replace(/\.js$/, '.ts');

describe('rooms import downward', () => {
  const src = join(import.meta.dirname, '../../src');
  const files = tsFiles(src).map((f) => relative(src, f).split('\\').join('/'));

  it('finds the rooms it ranks', () => {
    expect(new Set(files.map(roomOf))).toEqual(new Set(Object.keys(RANK)));
  });

  it('has no value import upward or sideways, and type imports upward only where a README says why', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const { spec, typeOnly } of importsOf(readFileSync(join(src, f), 'utf8'))) {
        const target = posix.normalize(posix.join(posix.dirname(f), spec));
        const a = roomOf(f);
        const b = roomOf(target);
        if (a === b) continue;
        if (RANK[b]! < RANK[a]!) continue;
        if (typeOnly && TYPE_TIES.has(`${a} -> ${b}`)) continue;
        bad.push(`${typeOnly ? 'type' : 'value'} ${a} -> ${b}: ${f} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('reads value and type imports apart (a planted upward import is caught)', () => {
    expect(importsOf("import { UserError } from '../base/user-error.js';")).toEqual([{ spec: '../base/user-error.js', typeOnly: false }]);
    expect(importsOf("import type { X } from '../engine/a.js';\nimport { type Y, type Z } from './b.js';")).toEqual([
      { spec: '../engine/a.js', typeOnly: true },
      { spec: './b.js', typeOnly: true },
    ]);
    expect(importsOf("import { a, type B } from '../cli/c.js';")[0]!.typeOnly).toBe(false);
    expect(importsOf("const m = await import('../report/html-report.js');")).toEqual([{ spec: '../report/html-report.js', typeOnly: false }]);
  });
});
