/** pensim scenarios, pensim init and --help, through the built CLI (npm test builds first). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import yargs, { type CommandModule } from 'yargs';
import { initCommand } from '../../src/cli/init-command.js';
import { mergeCommand } from '../../src/cli/merge-command.js';
import { projectCommand } from '../../src/cli/project-command.js';
import { runCommand } from '../../src/cli/run-command.js';
import { scenariosCommand } from '../../src/cli/scenarios-command.js';
import { traceCommand } from '../../src/cli/trace-command.js';
import { validateCommand } from '../../src/cli/validate-command.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const TMP = mkdtempSync(join(tmpdir(), 'pensim-init-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
/** Run from a temporary folder: nothing may depend on the working directory being the repo. */
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: TMP, encoding: 'utf8' });

describe('pensim scenarios', () => {
  it('lists every file in scenarios/ with its name, one line each, from any folder', () => {
    const r = pensim('scenarios');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const files = readdirSync(join(root, 'scenarios')).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
    expect(lines).toHaveLength(files.length);
    files.forEach((f, i) => {
      const text = readFileSync(join(root, 'scenarios', f), 'utf8');
      const name = (f.endsWith('.json') ? JSON.parse(text) : parse(text)).name as string;
      expect(lines[i]).toMatch(new RegExp(`scenarios/${f.replace('.', '\\.')}\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    });
  });
});

describe('pensim init', () => {
  it('writes a commented YAML scenario that validates; never overwrites without --force', () => {
    const file = join(TMP, 'mine.yaml');
    const r = pensim('init', file);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').filter((l) => /^\s*#/.test(l)).length).toBeGreaterThan(5);
    const v = pensim('validate', file);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toBe(`${file}: valid\n`);

    writeFileSync(file, 'my own edits\n');
    const again = pensim('init', file);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`pensim: ${file}: exists already; give --force to overwrite it\n`);
    expect(readFileSync(file, 'utf8')).toBe('my own edits\n');
    expect(pensim('init', file, '--force').status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses a .json name (the starter has comments) and a missing folder', () => {
    const json = join(TMP, 'mine.json');
    const r = pensim('init', json);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('name the file .yaml or .yml');
    expect(existsSync(json)).toBe(false);
    const missing = pensim('init', join(TMP, 'no-such-dir', 'a.yaml'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${join(TMP, 'no-such-dir', 'a.yaml')}: the directory`);
  });
});

describe('--help', () => {
  // In-process through yargs (a spawn per command costs half a second): each command's help has an example.
  const COMMANDS: CommandModule<any, any>[] = [runCommand, validateCommand, projectCommand, scenariosCommand, initCommand, traceCommand, mergeCommand];
  const help = (c: CommandModule<any, any>, name: string) =>
    new Promise<string>((resolve, reject) => {
      void yargs()
        .scriptName('pensim')
        .command(c)
        .help()
        .exitProcess(false)
        .parse([name, '--help'], {}, (err, _argv, output) => (err ? reject(err) : resolve(output)));
    });

  it.each(COMMANDS.map((c) => [String(c.command).split(' ')[0]!, c] as const))('pensim %s --help shows at least one example', async (name, c) => {
    expect(await help(c, name)).toMatch(new RegExp(`Examples:\\n\\s+pensim ${name}`));
  });

  it('pensim --help (the built CLI) lists every command, with examples', () => {
    const r = pensim('--help');
    expect(r.status, r.stderr).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(`pensim ${String(c.command)}`);
    expect(r.stdout).toMatch(/Examples:\n\s+pensim scenarios/);
  });
});
