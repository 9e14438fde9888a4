import { describe, expect, it } from 'vitest';
import { fastExp } from '../../src/market/fast-exp.js';
import { createEmployerStockPath, employerStockModel } from '../../src/market/employer-stock.js';
import { chunkStream, chunkXor4096 } from '../../src/random/chunk-stream.js';
import { GammaSource } from '../../src/random/gamma-source.js';
import { NormalSource } from '../../src/random/normal-source.js';
import { StudentTSource } from '../../src/random/student-t.js';

// The stock path draws each stream in one go (Xor4096 streams) and the payout years read a year's
// gross return on demand (grossAt). Reference: the model's definition drawn year by year, as the
// draws were specified (ε, its t mixing, then the default uniform), on seedrandom's own streams.
const YEARS = 30;
const params = { marketAsset: 1, beta: 1.1, sigmaEps: 0.3, riskFree: 0.035, marketExpected: 0.07, marketLogMean: 0.05, marketLogSd: 0.17, recovery: 0.2, compensated: true };

function reference(nu: number, hazard: number) {
  const m = employerStockModel({ ...params, hazard, nu });
  const normal = new NormalSource(chunkStream(9, 3, 'payout-stock'));
  const tail = chunkStream(9, 3, 'payout-stock-tail');
  const tailNormal = new NormalSource(tail);
  const t = nu > 0 ? new StudentTSource(tailNormal, new GammaSource(tailNormal, tail), nu) : null;
  const uniform = chunkStream(9, 3, 'payout-default');
  return (market: Float64Array) => {
    const gross = new Float64Array(YEARS);
    let defaultYear = -1;
    for (let y = 0; y < YEARS; y++) {
      const eps = normal.next() * (t ? t.mixing() : 1);
      const u = uniform();
      if (defaultYear >= 0) {
        gross[y] = 1;
        continue;
      }
      const g = fastExp(m.drift + m.beta * (Math.log(market[y * 2 + 1]!) - m.marketLogMean) + m.sigmaEps * eps);
      if (u < m.defaultProbability) defaultYear = y;
      gross[y] = u < m.defaultProbability ? g * m.recovery : g;
    }
    return { gross, defaultYear };
  };
}

function stockPath(nu: number, hazard: number) {
  const streams = { eps: chunkXor4096(9, 3, 'payout-stock'), tail: chunkStream(9, 3, 'payout-stock-tail'), default: chunkXor4096(9, 3, 'payout-default') };
  return createEmployerStockPath(employerStockModel({ ...params, hazard, nu }), YEARS, streams);
}

describe('employer stock path: fill, and draw with grossAt, against the model drawn year by year', () => {
  for (const [nu, hazard] of [[0, 0], [0, 0.08], [5, 0.08]] as const) {
    it(`the same gross returns and default years, path after path (ν = ${nu}, hazard ${hazard})`, () => {
      const expected = reference(nu, hazard);
      const full = stockPath(nu, hazard);
      const lazy = stockPath(nu, hazard);
      const market = new Float64Array(YEARS * 2);
      let defaults = 0;
      for (let p = 0; p < 200; p++) {
        for (let i = 0; i < market.length; i++) market[i] = 0.7 + (0.6 * (((i + 1) * (p + 3) * 2654435761) % 1000)) / 1000;
        const want = expected(market);
        full.fill(market, 2);
        expect(full.defaultYear).toBe(want.defaultYear);
        expect(Array.from(full.gross)).toEqual(Array.from(want.gross));
        lazy.draw();
        expect(lazy.defaultYear).toBe(want.defaultYear);
        // Every other year only, as the payout reads them: the years skipped must not shift the draws.
        for (let y = p % 2; y < YEARS; y += 2) expect(lazy.grossAt(y, market, 2)).toBe(want.gross[y]);
        if (want.defaultYear >= 0) defaults++;
      }
      if (hazard > 0) expect(defaults).toBeGreaterThan(50);
    });
  }
});
