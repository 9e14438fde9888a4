/** The US entry points of the package (the built dist/, as a user imports it), and checkScenario's word on a US file. */
import { describe, expect, it } from 'vitest';

describe("import { loadUsScenario, simulatePaths, compareScenarios } from 'pensim'", () => {
  it('loads, simulates and compares on one seed; checkScenario points a US scenario elsewhere', async () => {
    const { loadUsScenario, simulate, simulatePaths, usPathValues, compareScenarios, checkScenario, UserError } = await import('pensim');
    const ksop = await loadUsScenario('scenarios/ksop-concentrated.json');
    const k401 = await loadUsScenario('scenarios/401k-diversified.json');
    const a = usPathValues((await simulatePaths(ksop, { paths: 300, seed: 5, threads: 1 })).series);
    const b = usPathValues((await simulatePaths(k401, { paths: 300, seed: 5, threads: 1 })).series);
    expect(b.values.marketWealthRelative).toEqual(a.values.marketWealthRelative);
    const c = await compareScenarios([ksop, k401], { gamma: 3, alpha: 0.05, percentiles: [50], paths: 300, seed: 5, threads: 1 });
    if (c.currency !== 'USD' || !('terminalWealth' in c.scenarios[0]!)) throw new Error('a US comparison');
    expect(c.paired[0]!.difference.mean).toBeCloseTo(c.scenarios[0]!.terminalWealth.mean - (c.scenarios[1] as typeof c.scenarios[0]).terminalWealth.mean, 4);
    const run = await simulate(ksop, { paths: 300, seed: 5, threads: 1 });
    expect(run.metrics.capitalAtRetirement.percentiles.p50).toBe(c.scenarios[0]!.terminalWealth.percentiles.p50);
    const raw = { plan: { kind: 'us-401k' } };
    expect(() => checkScenario(raw)).toThrow(UserError);
    expect(() => checkScenario(raw)).toThrow(/plan\.kind: this is a US plan/);
  });
});
