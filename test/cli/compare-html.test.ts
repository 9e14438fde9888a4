import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const compare = (format: string) =>
  spawnSync(process.execPath, [cli, 'compare', 'scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json', '--paths', '1500', '--format', format], { cwd: root, encoding: 'utf8' });

describe('pensim compare --format html', () => {
  it('is one self-contained page with each scenario\'s fan overlaid and the figures of the JSON', () => {
    const html = compare('html');
    expect(html.status, html.stderr).toBe(0);
    const json = JSON.parse(compare('json').stdout) as {
      scenarios: { hash: string; terminalWealth: { percentiles: Record<string, number> } }[];
      paired: { probabilityALessThanB: number }[];
    };
    const page = html.stdout;
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // Two scenario layers, each with its outer and inner band and its median line.
    expect(page.match(/<g data-scenario=/g)).toHaveLength(2);
    expect(page.match(/data-band="p5-p95"/g)).toHaveLength(2);
    expect(page.match(/data-band="p25-p75"/g)).toHaveLength(2);
    expect(page.match(/data-line="p50"/g)).toHaveLength(2);
    // In today's dollars: the JSON's nominal terminal wealth at 65 divided here by 1.025^(65 − 40)
    // (both scenarios start at 40 in 2026; limits.indexation 2.5 % is their price inflation).
    expect(page).toContain('amounts in real USD in 2026 money (deflated by 2.5 % inflation a year)');
    for (const s of json.scenarios) {
      for (const [k, v] of Object.entries(s.terminalWealth.percentiles)) {
        const shown = new RegExp(`data-scenario="${s.hash}" data-key="${k}" data-value="([^"]+)"`).exec(page)!;
        expect(Number(shown[1]), `${s.hash} ${k}`).toBeCloseTo(v / 1.025 ** 25, 6);
      }
    }
    expect(page).toContain(`data-key="pALessThanB" data-value="${json.paired[0]!.probabilityALessThanB}"`);
  });
});
