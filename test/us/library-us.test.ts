/** The US entry points of the package (the built dist/, as a user imports it), and checkScenario's word on a US file. */
import { describe, expect, it } from 'vitest';

describe("import { loadUsScenario, simulateUs, compareRuns } from 'pensim'", () => {
  it('loads, simulates and compares on one seed; checkScenario points a US scenario elsewhere', async () => {
    const { loadUsScenario, simulateUs, compareRuns, usRunResult, checkScenario, UserError } = await import('pensim');
    const a = simulateUs(await loadUsScenario('scenarios/ksop-concentrated.json'), { paths: 300, seed: 5 });
    const b = simulateUs(await loadUsScenario('scenarios/401k-diversified.json'), { paths: 300, seed: 5 });
    expect(b.values.marketWealthRelative).toEqual(a.values.marketWealthRelative);
    const c = compareRuns([a, b], { gamma: 3, alpha: 0.05, percentiles: [50] });
    expect(c.paired[0]!.difference.mean).toBeCloseTo(c.scenarios[0]!.terminalWealth.mean - c.scenarios[1]!.terminalWealth.mean, 4);
    expect(usRunResult(a, [50]).metrics.capitalAtRetirement.percentiles.p50).toBe(c.scenarios[0]!.terminalWealth.percentiles.p50);
    const raw = { plan: { kind: 'us-401k' } };
    expect(() => checkScenario(raw)).toThrow(UserError);
    expect(() => checkScenario(raw)).toThrow(/plan\.kind: this is a US plan/);
  });
});
