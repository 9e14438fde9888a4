import { describe, expect, it } from 'vitest';

// The package's public entry (package.json "exports", the built dist/), as a user imports it.
describe("import { loadScenario, simulate, project } from 'pensim'", () => {
  it('loads, simulates and projects the golden scenario (GOLDEN.md G1, 30 years: 3 112 899)', async () => {
    const { loadScenario, simulate, project, UserError, checkScenario } = await import('pensim');
    const s = await loadScenario('scenarios/golden-smartepenger.json');
    const r = await simulate(s, { paths: 50, threads: 1 });
    expect(Math.round(r.metrics.capitalAtRetirement.percentiles.p50!)).toBe(3_112_899);
    expect(project(s).capitalAtRetirement.toDecimalPlaces(0).toNumber()).toBe(3_112_899);
    expect(() => checkScenario({ person: {} })).toThrow(UserError);
  });
});
