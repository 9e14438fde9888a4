/**
 * Flags that used to be accepted and then ignored or mislabelled (review of 2026-11-23): each is
 * now either honoured and labelled, or refused with exit 2 naming the flag the user gave.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'pensim-rv-'));

describe('refused with exit 2, naming the flag given, and no file left', () => {
  const dir = tmp();
  const dupes = join(dir, 'dupes.json');
  const base = JSON.parse(readFileSync(join(root, 'scenarios/default.json'), 'utf8')) as { simulation: Record<string, unknown> };
  writeFileSync(dupes, JSON.stringify({ ...base, simulation: { ...base.simulation, percentiles: [50, 50] } }));
  const cases: [string, string[], RegExp][] = [
    ['--format html with --shard', ['run', 'scenarios/default.json', '--paths', '4096', '--percentile-method', 'sketch', '--shard', '0/2', '--format', 'html'], /--format: cannot be combined with --shard/],
    ['--per-path with --shard', ['run', 'scenarios/default.json', '--paths', '4096', '--percentile-method', 'sketch', '--shard', '0/2', '--per-path', join(dir, 'pp.csv')], /--per-path: cannot be combined with --shard/],
    ['--real with --shard', ['run', 'scenarios/default.json', '--paths', '4096', '--percentile-method', 'sketch', '--shard', '0/2', '--real'], /--real: cannot be combined with --shard/],
    ['--per-path into a missing directory', ['run', 'scenarios/default.json', '--paths', '100', '--per-path', '/no/such/dir/pp.csv'], /--per-path: the directory \/no\/such\/dir does not exist/],
    ['a percentile given twice in the scenario', ['run', dupes], /simulation\.percentiles: each percentile at most once/],
    ['sweeping the seed', ['sweep', 'scenarios/default.json', '--grid', 'simulation.seed=1,2', '--paths', '100'], /--grid simulation\.seed: cannot be swept: every cell runs with the sweep's seed/],
    ['sweeping the deterministic inflation', ['sweep', 'scenarios/default.json', '--grid', 'inflation=0.01,0.05', '--paths', '100'], /--grid inflation: cannot be swept/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const out = tmp();
      const r = pensim(...args, '--out', join(out, 'out.txt'));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(readdirSync(out)).toEqual([]);
    });
  }

  it('--amounts real on a bootstrap of real returns names --amounts (not --real, which was not given)', () => {
    const dir2 = tmp();
    const s = JSON.parse(readFileSync(join(root, 'scenarios/history-block-bootstrap.json'), 'utf8')) as { returns: Record<string, unknown> };
    delete s.returns.inflation;
    writeFileSync(join(dir2, 'real.json'), JSON.stringify(s));
    const r = pensim('run', join(dir2, 'real.json'), '--paths', '100', '--amounts', 'real');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--amounts: this scenario's returns are already real/);
  });
});

describe('honoured and labelled', () => {
  it('--per-path with --amounts g: the per-path file says it is nominal', () => {
    const dir = tmp();
    const r = pensim('run', 'scenarios/default.json', '--paths', '300', '--amounts', 'g', '--per-path', join(dir, 'pp.csv'), '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(dir, 'pp.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe('# amounts in nominal NOK; --amounts g applies to the report, not to this file');
    expect(lines[1]).toBe('path,capitalAtRetirement,payoutGross,payoutNet,replacementRatio');
  });

  it('a shard with a percentile preset keeps the preset\'s percentiles; the merge is the unsharded run\'s JSON, byte for byte', () => {
    const dir = tmp();
    const common = ['scenarios/default.json', '--paths', '4096', '--percentile-method', 'sketch', '--quiet'];
    for (const i of [0, 1]) expect(pensim('run', ...common, '--preset', 'pv', '--shard', `${i}/2`, '--out', join(dir, `p${i}.json`)).status).toBe(0);
    const merged = pensim('merge', join(dir, 'p1.json'), join(dir, 'p0.json'));
    const direct = pensim('run', ...common, '--preset', 'pv', '--format', 'json');
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(direct.stdout);
    expect(JSON.parse(merged.stdout).amounts).toEqual({ basis: 'nominal' });
  });

  it('trace shows the folketrygd column when the run models it', () => {
    const r = pensim('trace', 'scenarios/total-pension-with-folketrygd.json', '--path', '2');
    expect(r.stdout).toMatch(/ tax  folketrygd  capital end/);
    expect(pensim('trace', 'scenarios/default.json', '--path', '2').stdout).not.toMatch(/folketrygd/);
  });
});
