import { describe, expect, it } from 'vitest';
import { createEmployerStockPath, employerStockModel } from '../../src/market/employer-stock.js';
import { chunkStream } from '../../src/random/chunk-stream.js';

// The payout years draw a path's stock with draw() and read each year with grossAt() (only the
// years with shares); fill() computes every year. Same draws, same numbers, same stream positions.
function paths(nu: number, hazard: number) {
  const model = employerStockModel({ marketAsset: 1, beta: 1.1, sigmaEps: 0.3, riskFree: 0.035, marketExpected: 0.07, marketLogMean: 0.05, marketLogSd: 0.17, hazard, recovery: 0.2, compensated: true, nu });
  const streams = () => ({ eps: chunkStream(9, 3, 'payout-stock'), tail: chunkStream(9, 3, 'payout-stock-tail'), default: chunkStream(9, 3, 'payout-default') });
  return { full: createEmployerStockPath(model, 30, streams()), lazy: createEmployerStockPath(model, 30, streams()) };
}

describe('employer stock: draw() and grossAt() against fill()', () => {
  for (const [nu, hazard] of [[0, 0], [0, 0.08], [5, 0.08]] as const) {
    it(`the same gross returns and default years, path after path (ν = ${nu}, hazard ${hazard})`, () => {
      const { full, lazy } = paths(nu, hazard);
      const market = new Float64Array(30 * 2);
      let defaults = 0;
      for (let p = 0; p < 200; p++) {
        for (let i = 0; i < market.length; i++) market[i] = 0.7 + 0.6 * (((i + 1) * (p + 3) * 2654435761) % 1000) / 1000;
        full.fill(market, 2);
        lazy.draw();
        expect(lazy.defaultYear).toBe(full.defaultYear);
        if (full.defaultYear >= 0) defaults++;
        // Every other year only, as the payout reads them: the skipped years must not shift the draws.
        for (let y = p % 2; y < 30; y += 2) expect(lazy.grossAt(y, market, 2)).toBe(full.gross[y]);
      }
      if (hazard > 0) expect(defaults).toBeGreaterThan(50);
    });
  }
});
