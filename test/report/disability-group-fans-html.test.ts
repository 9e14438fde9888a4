/**
 * The client report draws the disability groups' capital fans when the run keeps them
 * (disability.groupFans): each chart's median callout at the payout start is that group's p50 in
 * the JSON of the same run (nominal amounts), not the fan of all paths.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const RUN = ['run', 'scenarios/otp-disability-group-fans.json', '--paths', '3000', '--seed', '5', '--threads', '1', '--quiet', '--amounts', 'nominal'];
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

interface Group {
  fan: { ages: number[]; capital: Record<string, number[]> };
}
interface Json {
  ages: { payoutStart: number };
  fan: { ages: number[]; capital: Record<string, number[]> };
  disability: { disabled: Group; others: Group };
}

/** The whole NOK amount in a callout such as "median at 67: 1 234 567" (digits only). */
const calloutAmount = (html: string, chart: string): number => {
  const svg = html.slice(html.indexOf(`data-chart="${chart}"`));
  const m = /data-callout="p50">[\s\S]*?median at \d+: ([^<]+)</.exec(svg)!;
  return Number(m[1]!.replace(/[^\d]/g, ''));
};

describe('the disability groups in the client report', () => {
  it("draws each group's capital fan, its median at the payout start the group's p50 in the JSON", () => {
    const json = JSON.parse(pensim(...RUN, '--format', 'json').stdout) as Json;
    const html = pensim(...RUN, '--format', 'html').stdout;
    const at = (fan: Group['fan']) => fan.capital['p50']![fan.ages.indexOf(json.ages.payoutStart)]!;
    const disabled = at(json.disability.disabled.fan);
    const others = at(json.disability.others.fan);
    // The groups differ enough that a chart drawn from the wrong group (or all paths) would show.
    expect(Math.abs(disabled - others)).toBeGreaterThan(0.05 * others);
    expect(calloutAmount(html, 'capital-fan-disabled')).toBe(Math.round(disabled));
    expect(calloutAmount(html, 'capital-fan-others')).toBe(Math.round(others));
  });

  it('draws no group fan when the run does not keep them', () => {
    const html = pensim('run', 'scenarios/otp-with-disability.json', '--paths', '2000', '--quiet', '--format', 'html').stdout;
    expect(html).toContain('data-chart="capital-fan"');
    expect(html).not.toContain('data-chart="capital-fan-disabled"');
  });
});
