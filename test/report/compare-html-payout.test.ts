/**
 * The US compare page shows the payout years' paired figures when both scenarios have a payout
 * section: each cell's value is the JSON's of the same comparison (the figures themselves are
 * checked against per-path values in test/us/us-payout-inflation.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/bundle/cli/pensim.js');
const pensim = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
const ARGS = ['compare', 'scenarios/401k-retirement.json', 'scenarios/ksop-retirement.json', '--paths', '2000', '--seed', '3', '--threads', '1'];

interface Json {
  paired: { payout: { lifetimeSpending: { probabilityALessThanB: number; percentiles: Record<string, number> }; bequestReal: { mean: number }; ranOut: { difference: number }; spendingCertaintyEquivalent: { difference: number } } }[];
}

describe('pensim compare --format html through retirement', () => {
  it("the payout table's cells are the JSON's paired payout figures", () => {
    const json = JSON.parse(pensim(...ARGS, '--format', 'json').stdout) as Json;
    const html = pensim(...ARGS, '--format', 'html').stdout;
    const cell = (key: string) => Number(new RegExp(`data-key="${key}" data-value="([^"]+)"`).exec(html)![1]);
    const po = json.paired[0]!.payout;
    expect(cell('lifetimeSpendingPALessThanB')).toBe(po.lifetimeSpending.probabilityALessThanB);
    expect(cell('lifetimeSpendingMedian')).toBe(po.lifetimeSpending.percentiles['p50']);
    expect(cell('bequestRealMean')).toBe(po.bequestReal.mean);
    expect(cell('ranOutDifference')).toBe(po.ranOut.difference);
    expect(cell('spendingCeDifference')).toBe(po.spendingCertaintyEquivalent.difference);
  });

  it('without payout sections there is no payout table', () => {
    const html = pensim('compare', 'scenarios/ksop-concentrated.json', 'scenarios/401k-diversified.json', '--paths', '2000', '--format', 'html').stdout;
    expect(html).toContain('Paired figures');
    expect(html).not.toContain('data-section="payout"');
  });
});
