import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built CLI (npm test builds first), as a user runs it.
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
const capital = (stdout: string) => (JSON.parse(stdout) as { metrics: { capitalAtRetirement: { mean: number } } }).metrics.capitalAtRetirement.mean;

describe('--sampler', () => {
  it('run: --sampler sobol on bench-reference is scenarios/sobol-reference.json, and differs from pseudo', () => {
    const flag = pensim('run', 'scenarios/bench-reference.json', '--sampler', 'sobol', '--paths', '1000', '--threads', '1', '--format', 'json', '--quiet');
    const file = pensim('run', 'scenarios/sobol-reference.json', '--paths', '1000', '--threads', '1', '--format', 'json', '--quiet');
    const plain = pensim('run', 'scenarios/bench-reference.json', '--paths', '1000', '--threads', '1', '--format', 'json', '--quiet');
    expect(flag.status, flag.stderr).toBe(0);
    expect(capital(flag.stdout)).toBe(capital(file.stdout));
    expect(capital(flag.stdout)).not.toBe(capital(plain.stdout));
    const html = pensim('run', 'scenarios/bench-reference.json', '--sampler', 'antithetic', '--paths', '500', '--format', 'html', '--quiet');
    expect(html.stdout).toContain('antithetic: paths in pairs with negated market shocks, in 8 independent randomizations');
    // The HTML and the table say how the intervals were computed: from the blocks under sobol and
    // antithetic (t(0.975, 7) = 2.365 with the default 8), order statistics under pseudo.
    expect(html.stdout).toContain('The antithetic sampler&#39;s paths form 8 independent randomizations; each interval is the figure from all paths ± Student&#39;s t(0.975, 7) = 2.365');
    const table = pensim('run', 'scenarios/sobol-reference.json', '--paths', '2048', '--quiet');
    expect(table.stdout).toMatch(/^95 % intervals \(half-widths, from 8 randomized blocks\): capital p5 ±/m);
    expect(table.stdout).toMatch(/^\(The sobol sampler's paths form 8 independent randomizations: each interval, and the standard error, come from the spread of the 8 block estimates/m);
    const plainTable = pensim('run', 'scenarios/bench-reference.json', '--paths', '2048', '--quiet').stdout;
    expect(plainTable).toMatch(/^95 % intervals \(half-widths, order statistics\)/m);
    expect(plainTable).not.toMatch(/randomiz/);
  });

  it('a US run, compare and sweep take it; an unknown sampler is refused with exit 2 naming the flag', () => {
    const us = pensim('run', 'scenarios/401k-diversified.json', '--sampler', 'sobol', '--paths', '1000', '--threads', '1', '--format', 'json');
    expect(us.status, us.stderr).toBe(0);
    // One sampler for every scenario compared (the flag's, else the first's), so path i pairs:
    // bench-reference and sobol-reference differ only in their sampler, so they give one result.
    const means = (...extra: string[]) => {
      const r = pensim('compare', 'scenarios/bench-reference.json', 'scenarios/sobol-reference.json', '--paths', '1000', '--threads', '1', '--format', 'json', ...extra);
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { scenarios: { metric: { mean: number } }[] }).scenarios.map((x) => x.metric.mean);
    };
    const [pseudoA, pseudoB] = means();
    const [sobolA, sobolB] = means('--sampler', 'sobol');
    expect(pseudoB).toBe(pseudoA);
    expect(sobolB).toBe(sobolA);
    expect(sobolA).not.toBe(pseudoA);
    const usCompare = pensim('compare', 'scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json', '--sampler', 'antithetic', '--paths', '1000', '--threads', '1');
    expect(usCompare.status, usCompare.stderr).toBe(0);
    const sweep = pensim('sweep', 'scenarios/default.json', '--grid', 'profile.fees.managementRate=0.002,0.008', '--sampler', 'sobol', '--paths', '1000', '--threads', '1', '--format', 'csv', '--quiet');
    expect(sweep.status, sweep.stderr).toBe(0);
    const bad = pensim('run', 'scenarios/default.json', '--sampler', 'halton');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/sampler/);
    expect(bad.stderr).not.toMatch(/ at .*\.js:\d+/);
  });

  it('simulation.randomizations: scenarios/sobol-blocks.json runs in 16 blocks; --sampler pseudo drops it; compare takes the first scenario\'s; too few paths for the blocks exit 2', () => {
    const intervals = (stdout: string) => (JSON.parse(stdout) as { intervals: { method: string; blocks: number } }).intervals;
    const blocks = pensim('run', 'scenarios/sobol-blocks.json', '--paths', '4096', '--threads', '1', '--format', 'json', '--quiet');
    expect(blocks.status, blocks.stderr).toBe(0);
    expect(intervals(blocks.stdout)).toMatchObject({ method: 'randomized-blocks', blocks: 16 });
    const pseudo = pensim('run', 'scenarios/sobol-blocks.json', '--sampler', 'pseudo', '--paths', '4096', '--threads', '1', '--format', 'json', '--quiet');
    expect(pseudo.status, pseudo.stderr).toBe(0);
    expect(intervals(pseudo.stdout)).toMatchObject({ method: 'order-statistic', blocks: 1 });
    const compare = pensim('compare', 'scenarios/sobol-blocks.json', 'scenarios/sobol-reference.json', '--paths', '4096', '--threads', '1', '--format', 'json');
    expect(compare.status, compare.stderr).toBe(0);
    expect(intervals(compare.stdout)).toMatchObject({ method: 'randomized-blocks', blocks: 16 });
    const bad = pensim('run', 'scenarios/sobol-blocks.json', '--paths', '8', '--threads', '1', '--quiet');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/paths: the sobol sampler splits the paths into 16 independent randomizations \(simulation\.randomizations\)/);
  });
});
