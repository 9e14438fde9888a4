/**
 * Output safety: an existing --out file is refused (exit 2, the file unchanged) unless --force; an
 * --out in a missing directory or one without write permission is refused before the run; and a
 * write that fails leaves neither a half file nor its temporary sibling (writeAtomically).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/cli/write-output.js';
import { CLI, DEFAULT_SCENARIO } from './cli-process.js';

const TMP = mkdtempSync(join(tmpdir(), 'pensim-out-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const pensim = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
const FAST = ['--paths', '500', '--threads', '1', '--quiet'];

describe('--out', () => {
  it('an existing file is refused without --force and left as it was; --force replaces it', () => {
    const out = join(TMP, 'existing.json');
    writeFileSync(out, 'keep me');
    const refused = pensim('run', DEFAULT_SCENARIO, '--format', 'json', '--out', out, ...FAST);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`pensim: --out: ${out} exists already; give --force to overwrite it\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = pensim('run', DEFAULT_SCENARIO, '--format', 'json', '--out', out, '--force', ...FAST);
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).paths).toBe(500);
  });

  it('the other commands that write files refuse an existing one too (project, init)', () => {
    const out = join(TMP, 'ledger.txt');
    writeFileSync(out, 'keep me');
    expect(pensim('project', DEFAULT_SCENARIO, '--out', out).status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(pensim('project', DEFAULT_SCENARIO, '--out', out, '--force').status).toBe(0);
    const yaml = join(TMP, 'starter.yaml');
    writeFileSync(yaml, 'keep me');
    expect(pensim('init', yaml).status).toBe(2);
    expect(pensim('init', yaml, '--force').status).toBe(0);
  });

  it('a missing directory is refused before the run', () => {
    const r = pensim('run', DEFAULT_SCENARIO, '--out', join(TMP, 'no-such-dir', 'out.json'), '--paths', '100000000');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pensim: --out: the directory .*no-such-dir does not exist\n$/);
  });

  it('a directory without write permission is refused before the run', () => {
    // As root every directory is writable, so use one no process may write in: /proc/self.
    const root = process.getuid?.() === 0;
    const dir = root ? '/proc/self' : join(TMP, 'read-only');
    if (!root) {
      mkdirSync(dir, { mode: 0o555 });
    }
    const r = pensim('run', DEFAULT_SCENARIO, '--out', join(dir, 'out.json'), '--paths', '100000000');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pensim: --out: no permission to write in /);
  });
});

describe('writeAtomically', () => {
  it('a failed write (the target is a directory) leaves no temporary file and the directory untouched', () => {
    const dir = join(TMP, 'atomic');
    mkdirSync(dir);
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    expect(() => writeAtomically(target, 'new content')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(target)).toEqual(['inside']);
  });

  it('a successful write leaves exactly the file', () => {
    const dir = join(TMP, 'atomic-ok');
    mkdirSync(dir);
    writeAtomically(join(dir, 'a.txt'), 'whole');
    expect(readdirSync(dir)).toEqual(['a.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('whole');
    expect(existsSync(join(dir, `a.txt.${process.pid}.tmp`))).toBe(false);
  });
});
