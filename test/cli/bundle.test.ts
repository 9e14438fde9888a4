/**
 * The bundled CLI (dist/bundle/cli/pensim.js, the `pensim` bin: scripts/bundle-cli.mjs) behaves as
 * the compiled one the other tests run: the same output and exit code, run from another folder
 * (package root, bundled data, the worker file, the packages left outside the bundle, yargs'
 * messages in the user's language).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { pensim: string }; scripts: { start: string } };
const bundled = join(root, manifest.bin.pensim);
const compiled = join(root, 'dist/bundle/cli/pensim.js');
const TMP = mkdtempSync(join(tmpdir(), 'pensim-bundle-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const run = (cli: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: TMP, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const scenario = (name: string) => join(root, 'scenarios', name);

describe('the bundled CLI', () => {
  it('is the bin and the start script', () => {
    expect(manifest.bin.pensim).toBe('dist/bundle/cli/pensim.js');
    expect(manifest.scripts.start).toContain(manifest.bin.pensim);
    expect(existsSync(bundled)).toBe(true);
  });

  const CASES = [
    ['--version'],
    ['--help'],
    ['run', '--help'],
    ['compare', '--help'],
    ['run', scenario('default.json'), '--bogus'],
    ['run', scenario('default.json'), '--format', 'xml'],
    ['validate'],
    ['validate', scenario('default.json')],
    ['validate', join(TMP, 'missing.yaml')],
    ['scenarios'],
    ['fit', '--model', 'student-t'],
    ['project', scenario('default.json'), '--format', 'json'],
    ['run', scenario('bench-reference.json'), '--paths', '3000', '--threads', '2', '--format', 'json', '--quiet'],
    ['run', scenario('default.json'), '--paths', '500', '--quiet'],
  ];
  const named = CASES.map((args) => [args.join(' ').replaceAll(root, '').replaceAll(TMP, 'TMP'), args] as const);
  it.each(named)('pensim %s: as the compiled CLI', (_, args) => {
    expect(run(bundled, args)).toEqual(run(compiled, args));
  });

  it("yargs' messages in the user's language (LANG)", () => {
    const env = { LANG: 'nb_NO.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const b = run(bundled, ['validate'], env);
    expect(b).toEqual(run(compiled, ['validate'], env));
    expect(b.stderr).toContain('Ikke nok');
  });

  it('the packages left outside the bundle: the PNG renderer, pdfkit, the Parquet writer', () => {
    const files = (cli: string, tag: string) => {
      const png = join(TMP, `${tag}.png`);
      const pdf = join(TMP, `${tag}.pdf`);
      const parquet = join(TMP, `${tag}.parquet`);
      const base = [scenario('default.json'), '--paths', '500', '--quiet'];
      expect(run(cli, ['run', ...base, '--format', 'png', '--out', png]).status).toBe(0);
      expect(run(cli, ['run', ...base, '--format', 'pdf', '--out', pdf]).status).toBe(0);
      expect(run(cli, ['run', ...base, '--format', 'json', '--per-path', parquet]).status).toBe(0);
      return { png: readFileSync(png), pdf: readFileSync(pdf), parquet: readFileSync(parquet) };
    };
    const b = files(bundled, 'b');
    const c = files(compiled, 'c');
    expect(b.png.equals(c.png)).toBe(true);
    expect(b.parquet.equals(c.parquet)).toBe(true);
    // A PDF carries its creation time: the same size and start are enough.
    expect(b.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(b.pdf.length).toBe(c.pdf.length);
  });
});
