/**
 * The reported 95 % intervals of percentiles (order statistics) cover the truth in 90–99 % of 120
 * independent small runs (different seeds). The truth is closed form: one lump sum on lognormal
 * returns, whose p-quantile is K0·exp(mT + s√T·z_p) (test/engine/closed-forms.test.ts). With 120
 * replications a true 95 % interval covers 90–99 % of the time with probability > 0.99
 * (Binomial(120, 0.95)), so the test fails for a wrong interval, not by chance.
 */
import { probit } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';

const K0 = 1_000_000;
const T = 10;
const E = 0.05;
const SIGMA = 0.2;
const REPS = 120;
const PATHS = 2_000;

const s2 = Math.log(1 + (SIGMA / (1 + E)) ** 2);
const m = Math.log(1 + E) - s2 / 2;
const s = Math.sqrt(s2);

const scenario = checkScenario({
  person: { birthYear: 1969, startYear: 2026, retirementAge: 67, salary: 200_000, wageGrowth: 0, initialCapital: K0, careerBreaks: [{ fromAge: 57, toAge: 66, payFactor: 0 }] },
  plan: { kind: 'no-otp-dc', contribution: { method: 'flat-amount', amount: 0 } },
  profile: { assets: [{ name: 'equity', expectedReturn: E, volatility: SIGMA }], weights: { equity: 1 }, fees: { managementRate: 0, perMember: 0 } },
  payout: { years: 10, method: { kind: 'balance-over-remaining-years' } },
  simulation: { paths: PATHS, seed: 1, percentiles: [5, 50, 95] },
});

describe('95 % intervals cover the truth in 90–99 % of replications', () => {
  it(`percentiles of capital at 67 (order statistics), ${REPS} runs of ${PATHS} paths`, async () => {
    const covered: Record<string, number> = { p5: 0, p50: 0, p95: 0 };
    for (let rep = 0; rep < REPS; rep++) {
      const r = await simulate(scenario, { seed: 1000 + rep, threads: 1, percentileMethod: 'exact' });
      for (const p of [5, 50, 95]) {
        const truth = K0 * Math.exp(m * T + s * Math.sqrt(T) * probit(p / 100));
        const [lo, hi] = r.metrics.capitalAtRetirement.ci95![`p${p}`]!;
        if (lo <= truth && truth <= hi) covered[`p${p}`]!++;
      }
    }
    for (const k of Object.keys(covered)) {
      expect(covered[k]! / REPS, k).toBeGreaterThanOrEqual(0.9);
      expect(covered[k]! / REPS, k).toBeLessThanOrEqual(0.99);
    }
  });

  it('the sketch gives the same intervals to within its relative error', async () => {
    const exact = await simulate(scenario, { seed: 5, threads: 1, percentileMethod: 'exact' });
    const sketch = await simulate(scenario, { seed: 5, threads: 1, percentileMethod: 'sketch' });
    for (const k of ['p5', 'p50', 'p95']) {
      const [a, b] = exact.metrics.capitalAtRetirement.ci95![k]!;
      const [c, d] = sketch.metrics.capitalAtRetirement.ci95![k]!;
      expect(Math.abs(c - a)).toBeLessThanOrEqual(2 ** -11 * a);
      expect(Math.abs(d - b)).toBeLessThanOrEqual(2 ** -11 * b);
    }
  });

  it("Wilson's interval for a probability: 5 of 100 gives [0.0215, 0.1118], 0 of 100 [0, 0.0370]", async () => {
    const { proportionInterval } = await import('../../src/stats/quantile-interval.js');
    const [a, b] = proportionInterval(5, 100);
    expect(a).toBeCloseTo(0.02154, 4);
    expect(b).toBeCloseTo(0.11175, 4);
    const [c, d] = proportionInterval(0, 100);
    expect(c).toBe(0);
    expect(d).toBeCloseTo(0.037, 3);
  });
});

