/**
 * pensim compare on Norwegian scenarios: common random numbers make path i of every scenario see
 * the same returns and wage shocks, so properties that hold path by path hold exactly in the
 * paired figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareScenarios, type CompareOptions, type NoComparison } from '../../src/studies/compare.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { simulate } from '../../src/engine/simulate.js';
import { scenarioFrom } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const PCT = [5, 50, 95];
const compareNorway = async (s: Scenario[], o: CompareOptions) => (await compareScenarios(s, o)) as NoComparison;
const base = { paths: 3000, seed: 11, gamma: 3, alpha: 0.05, percentiles: PCT, threads: 1 };

describe('compareNorway', () => {
  const plain = scenarioFrom('default.json', {});

  it('a scenario against itself: every difference is 0 and every ratio 1, exactly', async () => {
    const c = await compareNorway([plain, plain], { ...base, metric: 'capitalAtRetirement' });
    const p = c.paired[0]!;
    expect(p.probabilityALessThanB).toBe(0);
    expect(Object.values(p.difference.percentiles)).toEqual([0, 0, 0]);
    expect(Object.values(p.ratio.percentiles)).toEqual([1, 1, 1]);
    expect(p.differenceValueAtRisk).toBe(0);
  });

  it('a higher fee gives less capital on every path, so P(cheaper < dearer) = 0 and every difference is positive', async () => {
    const dear = scenarioFrom('default.json', { profile: { fees: { managementRate: 0.01 } } });
    const c = await compareNorway([plain, dear], { ...base, metric: 'capitalAtRetirement' });
    expect(c.paired[0]!.probabilityALessThanB).toBe(0);
    expect(c.paired[0]!.difference.percentiles.p5).toBeGreaterThan(0);
    // Not paired, the same comparison would often be reversed: the spread of either run dwarfs the fee.
    expect(c.scenarios[1]!.metric.percentiles.p95).toBeGreaterThan(c.scenarios[0]!.metric.percentiles.p50!);
  });

  it('each scenario\'s percentiles are those of its own run (same seed and paths)', async () => {
    const c = await compareNorway([plain, scenarioFrom('default.json', { profile: { weights: { equity: 0.8, bond: 0.2 } } })], { ...base, metric: 'payoutNet' });
    const own = await simulate(plain, { paths: 3000, seed: 11, threads: 1, percentileMethod: 'exact' });
    for (const k of ['p5', 'p50', 'p95']) expect(c.scenarios[0]!.metric.percentiles[k]).toBe(own.metrics.payoutNet.percentiles[k]);
    expect(c.scenarios[0]!.metric.mean).toBeCloseTo(own.metrics.payoutNet.mean, 6);
    expect(c.scenarios[0]!.shortfall).toEqual(own.shortfall);
  });

  it('is the same on 1 and 2 threads', async () => {
    const other = scenarioFrom('default.json', { profile: { weights: { equity: 0.3, bond: 0.7 } } });
    const one = await compareNorway([plain, other], { ...base, metric: 'replacementRatio' });
    const two = await compareNorway([plain, other], { ...base, threads: 2, metric: 'replacementRatio' });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.scenarios[0]!.certaintyEquivalent).toBeNull();
  });
});

describe('pensim compare, Norwegian: the CLI', () => {
  const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, 'compare', ...args], { cwd: root, encoding: 'utf8' });

  it('prints the table of the chosen metric and the paired figures; JSON has them', () => {
    const t = pensim('scenarios/hybrid-female.json', 'scenarios/hybrid-male.json', '--paths', '2000', '--metric', 'payoutGross');
    expect(t.status, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^Comparison on common random numbers: 2 000 paths, seed 8; first yearly payout, gross, nominal NOK/);
    expect(t.stdout).toMatch(/^Paired, path by path: P\(A < B\) = /m);
    const j = JSON.parse(pensim('scenarios/hybrid-female.json', 'scenarios/hybrid-male.json', '--paths', '2000', '--format', 'json').stdout) as { metric: string; scenarios: unknown[]; paired: unknown[] };
    expect(j.metric).toBe('capitalAtRetirement');
    expect(j.scenarios).toHaveLength(2);
    expect(j.paired).toHaveLength(1);
  });

  it('--format html: one self-contained page, the fans overlaid, the figures of the JSON', () => {
    const args = ['scenarios/hybrid-female.json', 'scenarios/hybrid-male.json', '--paths', '1500', '--metric', 'payoutGross'];
    const html = pensim(...args, '--format', 'html');
    expect(html.status, html.stderr).toBe(0);
    const json = JSON.parse(pensim(...args, '--format', 'json').stdout) as { scenarios: { hash: string; metric: { percentiles: Record<string, number> } }[]; paired: { probabilityALessThanB: number }[] };
    const page = html.stdout;
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(page).toContain('Amounts in nominal NOK (the money of each year)');
    expect(page.match(/<g data-scenario=/g)).toHaveLength(2);
    expect(page.match(/data-band="p5-p95"/g)).toHaveLength(2);
    expect(page.match(/data-line="p50"/g)).toHaveLength(2);
    for (const s of json.scenarios) {
      for (const [k, v] of Object.entries(s.metric.percentiles)) expect(page).toContain(`data-scenario="${s.hash}" data-key="${k}" data-value="${v}"`);
    }
    expect(page).toContain(`data-key="pALessThanB" data-value="${json.paired[0]!.probabilityALessThanB}"`);
  });

  const refusals: [string, string[], RegExp][] = [
    ['a US and a Norwegian scenario', ['scenarios/default.json', 'scenarios/401k-diversified.json'], /plan\.kind: compare takes US scenarios or Norwegian ones, not a mix/],
    ['different simulated years', ['scenarios/default.json', 'scenarios/glide-path.yaml'], /person: scenario 2 .* a paired comparison needs the same simulated years/],
    ['a total pension without the folketrygd', ['scenarios/hybrid-female.json', 'scenarios/hybrid-male.json', '--metric', 'totalPension'], /--metric: scenario 1 .* has no folketrygd block/],
    ['a US target for Norwegian scenarios', ['scenarios/hybrid-female.json', 'scenarios/hybrid-male.json', '--target', '1000'], /--target: is a US target wealth/],
    ['a metric for US scenarios', ['scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json', '--metric', 'payoutNet'], /--metric: is for Norwegian scenarios/],
  ];
  for (const [name, args, message] of refusals) {
    it(`refuses ${name} with exit 2 and no output file`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'pensim-cmp-'));
      const r = pensim(...args, '--paths', '500', '--out', join(dir, 'out.txt'));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
