import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { projectLedger } from '../../src/ledger/project-ledger.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';

// GOLDEN.md G1: the seed article's projection table (smartepenger-style innskuddspensjon example).
// Contributions 25 000 at each year start growing 3.5 %, salary growing 3 %, 6 % return, a
// 10-year level annuity-immediate at 4 %, flat tax 37.52 %. Rows: saving years, salary at
// payout, capital, payout/yr, coverage, net payout, net coverage.
const G1: [number, number, number, number, number, number, number][] = [
  [10, 671_958, 403_064, 49_694, 0.074, 31_049, 0.046],
  [15, 778_984, 764_482, 94_254, 0.121, 58_890, 0.076],
  [20, 903_056, 1_290_387, 159_093, 0.176, 99_401, 0.11],
  [25, 1_046_889, 2_044_343, 252_049, 0.241, 157_480, 0.15],
  [30, 1_213_631, 3_112_899, 383_792, 0.316, 239_793, 0.198],
];

const base = JSON.parse(readFileSync(new URL('../../scenarios/golden-smartepenger.json', import.meta.url), 'utf8')) as {
  person: Record<string, unknown>;
};

/** The golden scenario with `years` saving years: retirement at 67, start 67 − years, in 2026. */
function scenarioFor(years: number) {
  const startAge = 67 - years;
  return checkScenario({ ...base, person: { ...base.person, birthYear: 2026 - startAge, startYear: 2026 } });
}

describe('GOLDEN.md G1 through the deterministic ledger (pensim project)', () => {
  for (const [years, salary, capital, payout, coverage, net, netCoverage] of G1) {
    it(`${years} saving years`, () => {
      const l = projectLedger(scenarioFor(years));
      expect(l.payAtPayoutStart.toDecimalPlaces(0).toNumber()).toBe(salary);
      expect(l.capitalAtRetirement.toDecimalPlaces(0).toNumber()).toBe(capital);
      expect(l.firstPayoutGross.toDecimalPlaces(0).toNumber()).toBe(payout);
      expect(l.firstPayoutNet.toDecimalPlaces(0).toNumber()).toBe(net);
      expect(l.replacementRatio.toDecimalPlaces(3).toNumber()).toBe(coverage);
      expect(l.firstPayoutNet.div(l.payAtPayoutStart).toDecimalPlaces(3).toNumber()).toBe(netCoverage);
    });
  }

  it('the ledger pays the whole capital out over the period (annuity identity)', () => {
    const l = projectLedger(scenarioFor(30));
    const payouts = l.rows.filter((r) => r.phase === 'payout');
    expect(payouts).toHaveLength(10);
    expect(payouts.at(-1)!.capitalEnd.toNumber()).toBe(0);
    // With returns (6 %) above the technical rate (4 %), the re-amortised payout rises every year.
    for (let i = 1; i < payouts.length; i++) expect(payouts[i]!.payoutGross.gt(payouts[i - 1]!.payoutGross)).toBe(true);
  });
});

describe('GOLDEN.md G1 through the Monte Carlo engine (pensim run, zero volatility)', () => {
  for (const [years] of G1) {
    it(`${years} saving years: every percentile equals the ledger to 1e-9 relative`, async () => {
      const scenario = scenarioFor(years);
      const l = projectLedger(scenario);
      const r = await simulate(scenario, { paths: 3000, threads: 1 });
      const expectAll = (m: { mean: number; percentiles: Record<string, number> }, want: number) => {
        for (const v of [m.mean, ...Object.values(m.percentiles)]) expect(Math.abs(v / want - 1)).toBeLessThan(1e-9);
      };
      expectAll(r.metrics.capitalAtRetirement, l.capitalAtRetirement.toNumber());
      expectAll(r.metrics.payoutGross, l.firstPayoutGross.toNumber());
      expectAll(r.metrics.payoutNet, l.firstPayoutNet.toNumber());
      expectAll(r.metrics.replacementRatio, l.replacementRatio.toNumber());
      // The fan at every age equals the ledger's capital too.
      l.rows.forEach((row, i) => {
        const want = row.capitalEnd.toNumber();
        for (const key of Object.keys(r.fan.capital)) {
          const got = r.fan.capital[key]![i + 1]!;
          expect(want === 0 ? Math.abs(got) : Math.abs(got / want - 1)).toBeLessThan(1e-9);
        }
      });
    });
  }
});
