/**
 * The regime-switching model (acceptance, issue 7): the long-run shares of years in each regime
 * match the transition matrix's stationary distribution; transitions happen at the matrix's rates;
 * within a regime the returns have that regime's lognormal parameters. SEs come from per-path
 * averages (paths are independent, years within a path are not).
 */
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/plan/compile-plan.js';
import { createMarketPath } from '../../src/market/market-path.js';
import { fillRegimePath } from '../../src/market/regime-path.js';
import { stationaryDistribution } from '../../src/stats/stationary-distribution.js';
import { lognormalParams } from '../../src/market/lognormal-params.js';
import { chunkStream } from '../../src/random/chunk-stream.js';
import { checkScenario } from '../../src/scenario/parse-scenario.js';
import { readFileSync } from 'node:fs';

function cumulative(rows: number[][]): Float64Array {
  return Float64Array.from(rows.flatMap((row) => row.map((_, j) => row.slice(0, j + 1).reduce((a, b) => a + b, 0))));
}

function meanSe(v: number[]): { mean: number; se: number } {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return { mean: m, se: Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1) / v.length) };
}

describe('stationary distribution', () => {
  it('two states: π = (p21, p12)/(p12 + p21); the doc example gives (0.75, 0.25)', () => {
    const pi = stationaryDistribution([[0.9, 0.1], [0.3, 0.7]])!;
    expect(pi[0]).toBeCloseTo(0.75, 14);
    expect(pi[1]).toBeCloseTo(0.25, 14);
  });
  it('three states: π·P = π and Σπ = 1; P = I has no unique one', () => {
    const p = [[0.8, 0.15, 0.05], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4]];
    const pi = stationaryDistribution(p)!;
    for (let j = 0; j < 3; j++) expect(pi.reduce((a, v, i) => a + v * p[i]![j]!, 0)).toBeCloseTo(pi[j]!, 14);
    expect(pi.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(stationaryDistribution([[1, 0], [0, 1]])).toBeNull();
  });
});

describe('regime paths', () => {
  const cases: { name: string; p: number[][] }[] = [
    { name: 'calm/crisis [[0.9, 0.1], [0.3, 0.7]]', p: [[0.9, 0.1], [0.3, 0.7]] },
    { name: 'three regimes', p: [[0.8, 0.15, 0.05], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4]] },
  ];
  for (const { name, p } of cases) {
    it(`${name}: long-run shares from a fixed start match π within 4 SE, and so do transition rates`, () => {
      const k = p.length;
      const pi = stationaryDistribution(p)!;
      const years = 200;
      const burn = 40; // the start is forgotten geometrically: |λ₂|⁴⁰ < 1e-6 for these matrices
      const paths = 4000;
      const random = chunkStream(3, 0, 'regime');
      const path = new Int32Array(years);
      const start = new Float64Array(k).fill(1); // cumulative (1, 1, …): always regime 0
      const shares: number[][] = Array.from({ length: k }, () => []);
      const from = new Array<number>(k).fill(0);
      const moves = Array.from({ length: k }, () => new Array<number>(k).fill(0));
      for (let q = 0; q < paths; q++) {
        fillRegimePath(random, cumulative(p), start, k, years, path);
        expect(path[0]).toBe(0);
        const count = new Array<number>(k).fill(0);
        for (let y = burn; y < years; y++) {
          count[path[y]!]!++;
          from[path[y - 1]!]!++;
          moves[path[y - 1]!]![path[y]!]!++;
        }
        count.forEach((c, j) => shares[j]!.push(c / (years - burn)));
      }
      for (let j = 0; j < k; j++) {
        const s = meanSe(shares[j]!);
        expect(Math.abs(s.mean - pi[j]!)).toBeLessThan(4 * s.se);
        for (let m = 0; m < k; m++) {
          // Transition counts from a state are multinomial given the visits: binomial SE.
          const rate = moves[j]![m]! / from[j]!;
          expect(Math.abs(rate - p[j]![m]!)).toBeLessThan(4 * Math.sqrt((p[j]![m]! * (1 - p[j]![m]!)) / from[j]!) + 1e-12);
        }
      }
    });
  }

  it('started from π, the first year\'s regime has distribution π (binomial SE)', () => {
    const p = [[0.9, 0.1], [0.3, 0.7]];
    const pi = stationaryDistribution(p)!;
    const random = chunkStream(4, 0, 'regime');
    const path = new Int32Array(1);
    const n = 100_000;
    let calm = 0;
    for (let q = 0; q < n; q++) {
      fillRegimePath(random, cumulative(p), cumulative([pi]), 2, 1, path);
      if (path[0] === 0) calm++;
    }
    expect(Math.abs(calm / n - pi[0]!)).toBeLessThan(4 * Math.sqrt((pi[0]! * pi[1]!) / n));
  });
});

describe('regime returns (scenarios/regimes.json compiled)', () => {
  const scenario = checkScenario(JSON.parse(readFileSync(new URL('../../scenarios/regimes.json', import.meta.url), 'utf8')));
  const plan = compilePlan(scenario);
  const r = scenario.returns!;
  if (r.model !== 'regime-switching') throw new Error('regimes.json has another model');

  it('each regime\'s equity log returns have its lognormal mean and sd (within 4 SE), and crisis years come at the long-run share', () => {
    const market = createMarketPath(plan, 1, 0, 0);
    const logs: number[][] = [[], []];
    const crisisShare: number[] = [];
    for (let q = 0; q < 4000; q++) {
      market.fill();
      let crisis = 0;
      for (let y = 0; y < plan.nYears; y++) {
        logs[market.regimes![y]!]!.push(Math.log(market.gross[y * plan.nAssets]!));
        crisis += market.regimes![y]!;
      }
      crisisShare.push(crisis / plan.nYears);
    }
    r.regimes.forEach((g, k) => {
      const { logMean, logSd } = lognormalParams(g.assets.equity!.expectedReturn, g.assets.equity!.volatility);
      const x = logs[k]!;
      const m = x.reduce((a, b) => a + b, 0) / x.length;
      const sd = Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
      // Given the regime path, the shocks are iid normal: SE of the mean sd/√n, of the sd ≈ sd/√(2n).
      expect(Math.abs(m - logMean)).toBeLessThan((4 * logSd) / Math.sqrt(x.length));
      expect(Math.abs(sd - logSd)).toBeLessThan((4 * logSd) / Math.sqrt(2 * x.length));
    });
    const pi = stationaryDistribution(r.transition)!;
    const s = meanSe(crisisShare);
    expect(Math.abs(s.mean - pi[1]!)).toBeLessThan(4 * s.se);
  });
});
