/**
 * A hand-made SimulationResult for report tests that need no simulation: start age 37 in 2026,
 * retirement and payout at 67, ten payout years. Every percentile series is the median series
 * times a fixed factor, so each expected value can be written down.
 */
import type { Metric, SimulationResult } from '../../src/result/simulation-result.js';

export const FACTORS: Record<string, number> = { p5: 0.6, p10: 0.7, p25: 0.85, p50: 1, p75: 1.2, p90: 1.4, p95: 1.6 };

const metric = (median: number, keys: string[]): Metric => ({
  mean: median * 1.05,
  sd: median * 0.3,
  stderr: median * 0.003,
  percentiles: Object.fromEntries(keys.map((k) => [k, median * FACTORS[k]!])),
});

/** Median capital at the start of age a: 100 000 a year saved to 67, then paid down to 0 at 77. */
export function medianCapital(age: number): number {
  return age <= 67 ? 100_000 * (age - 37) : 3_000_000 * (77 - age) / 10;
}

export function fixtureResult(percentiles: number[] = [5, 10, 25, 50, 75, 90, 95]): SimulationResult {
  const keys = percentiles.map((p) => `p${p}`);
  const ages = Array.from({ length: 41 }, (_, i) => 37 + i);
  const payoutAges = Array.from({ length: 10 }, (_, i) => 67 + i);
  const series = (f: (age: number) => number, at: number[]) => Object.fromEntries(keys.map((k) => [k, at.map((a) => f(a) * FACTORS[k]!)]));
  return {
    pensim: '0.1.0',
    scenario: { name: 'Fixture <A & B>', hash: `sha256:${'ab'.repeat(32)}` },
    currency: 'NOK',
    seed: 7,
    paths: 10_000,
    chunkSize: 2048,
    percentileMethod: 'exact',
    percentiles,
    ages: { start: 37, retirement: 67, payoutStart: 67, payoutEnd: 77 },
    metrics: {
      capitalAtRetirement: metric(3_000_000, keys),
      payoutGross: metric(380_000, keys),
      payoutNet: metric(240_000, keys),
      replacementRatio: metric(0.3162, keys),
    },
    shortfall: { targetReplacementRatio: 0.25, probability: 0.1234, stderr: 0.0033 },
    fan: { ages, mean: ages.map((a) => medianCapital(a) * 1.05), capital: series(medianCapital, ages) },
    payoutFan: { ages: payoutAges, gross: series(() => 380_000, payoutAges), net: series(() => 240_000, payoutAges) },
  } as SimulationResult;
}
