import { probit } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';

// GOLDEN.md G5: closed forms for the stochastic engine. Tolerances are 4 standard errors of the
// estimator (stated at each assertion), never hand-tuned: with a fixed seed the test is
// deterministic, and under the model a 4-SE miss has probability ~6e-5 per comparison.
const Z = 4;

/** Lognormal log-parameters of an asset with arithmetic mean E and volatility σ. */
function logParams(e: number, sigma: number) {
  const s2 = Math.log(1 + (sigma / (1 + e)) ** 2);
  return { m: Math.log(1 + e) - s2 / 2, s: Math.sqrt(s2) };
}

function scenario(over: { years: number; initialCapital: number; contribution: object; assets: object[]; weights: object; correlation?: number[][]; careerBreak: boolean }) {
  const startAge = 67 - over.years;
  return checkScenario({
    person: {
      birthYear: 2026 - startAge,
      startYear: 2026,
      retirementAge: 67,
      salary: 200_000,
      wageGrowth: 0,
      initialCapital: over.initialCapital,
      // An unpaid break over the whole saving period: no pay, so no contribution (a pure lump sum).
      careerBreaks: over.careerBreak ? [{ fromAge: startAge, toAge: 66, payFactor: 0 }] : [],
    },
    plan: { kind: 'no-otp-dc', contribution: over.contribution },
    profile: { assets: over.assets, weights: over.weights, ...(over.correlation && { correlation: over.correlation }) },
    payout: { years: 10, method: { kind: 'balance-over-remaining-years' } },
    simulation: { paths: 40_000, seed: 7, percentiles: [5, 25, 50, 75, 95] },
  });
}

describe('GOLDEN.md G5: one lump sum, lognormal returns', () => {
  const K0 = 1_000_000;
  const T = 20;
  const E = 0.05;
  const sigma = 0.2;
  const { m, s } = logParams(E, sigma);

  it('the p-quantiles of the final value are K0·exp(mT + s√T z_p), the mean K0·exp((m + s²/2)T)', async () => {
    const r = await simulate(
      scenario({
        years: T,
        initialCapital: K0,
        contribution: { method: 'flat-amount', amount: 0 },
        assets: [{ name: 'equity', expectedReturn: E, volatility: sigma }],
        weights: { equity: 1 },
        careerBreak: true,
      }),
      { threads: 1 },
    );
    const n = r.paths;
    const capital = r.metrics.capitalAtRetirement;
    for (const p of r.percentiles) {
      const q = p / 100;
      const z = probit(q);
      const want = K0 * Math.exp(m * T + s * Math.sqrt(T) * z);
      // SE of a sample quantile: √(q(1−q)/n) / f(x_q), f the lognormal density at x_q.
      const density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / (want * s * Math.sqrt(T));
      const se = Math.sqrt((q * (1 - q)) / n) / density;
      expect(Math.abs(capital.percentiles[`p${p}`]! - want)).toBeLessThan(Z * se);
    }
    const mean = K0 * Math.exp((m + s * s / 2) * T);
    expect(mean).toBeCloseTo(K0 * (1 + E) ** T, 6);
    expect(Math.abs(capital.mean - mean)).toBeLessThan(Z * capital.stderr);
  });
});

describe('GOLDEN.md G5: level contributions at each year start', () => {
  it('E[K_n] = c · Σ_{t=1..n} g^t, for a rebalanced two-asset portfolio with correlation', async () => {
    const c = 10_000;
    const n = 25;
    const assets = [
      { name: 'equity', expectedReturn: 0.07, volatility: 0.16 },
      { name: 'bond', expectedReturn: 0.03, volatility: 0.06 },
    ];
    const r = await simulate(
      scenario({
        years: n,
        initialCapital: 0,
        contribution: { method: 'flat-amount', amount: c },
        assets,
        weights: { equity: 0.6, bond: 0.4 },
        correlation: [
          [1, 0.3],
          [0.3, 1],
        ],
        careerBreak: false,
      }),
      { threads: 1 },
    );
    // Yearly rebalancing makes the portfolio's gross return iid with mean g = 1 + Σ w·E.
    const g = 1 + 0.6 * 0.07 + 0.4 * 0.03;
    let want = 0;
    for (let t = 1; t <= n; t++) want += c * g ** t;
    const got = r.metrics.capitalAtRetirement;
    expect(Math.abs(got.mean - want)).toBeLessThan(Z * got.stderr);
  });
});
