/**
 * Gross yearly returns from standard normal shocks kept per path (nYears × nAssets, year-major),
 * so other parts of the market (inflation) can load on the same shocks:
 * - lognormal:  exp(m_i + Σ_{k≤i} L_ik·z_{y,k}) — the same draws in the same order and the same
 *   arithmetic as fillCorrelatedLognormal, so the numbers are identical;
 * - Student-t:  exp(m_i + w_y·Σ_{k≤i} L_ik·z_{y,k}), w_y the year's t mixing factor (E[w²] = 1);
 * - regimes:    exp(m_{r,i} + Σ_{k≤i} L_{r,ik}·z_{y,k}), r = the regime of year y.
 */
import { fastExp } from './fast-exp.js';
import type { PathNormals } from './path-normals.js';

/** Draw nYears × n standard normals, year by year (the order fillCorrelatedLognormal draws them). */
export function drawShocks(normal: PathNormals, count: number, shocks: Float64Array): void {
  normal.fill(shocks, 0, count);
}

export function lognormalFromShocks(logMean: Float64Array, covFactor: Float64Array, shocks: Float64Array, nYears: number, out: Float64Array): void {
  const n = logMean.length;
  for (let y = 0; y < nYears; y++) {
    const base = y * n;
    for (let i = 0; i < n; i++) {
      let x = logMean[i]!;
      const row = i * n;
      for (let k = 0; k <= i; k++) x += covFactor[row + k]! * shocks[base + k]!;
      out[base + i] = fastExp(x);
    }
  }
}

export function studentTFromShocks(
  logMean: Float64Array,
  covFactor: Float64Array,
  shocks: Float64Array,
  mixing: Float64Array,
  nYears: number,
  out: Float64Array,
): void {
  const n = logMean.length;
  for (let y = 0; y < nYears; y++) {
    const base = y * n;
    const w = mixing[y]!;
    for (let i = 0; i < n; i++) {
      let x = 0;
      const row = i * n;
      for (let k = 0; k <= i; k++) x += covFactor[row + k]! * shocks[base + k]!;
      out[base + i] = fastExp(logMean[i]! + w * x);
    }
  }
}

/** logMean: nRegimes × n; covFactor: nRegimes × n²; regimes: the regime of each year. */
export function regimeFromShocks(
  logMean: Float64Array,
  covFactor: Float64Array,
  regimes: Int32Array,
  shocks: Float64Array,
  n: number,
  nYears: number,
  out: Float64Array,
): void {
  for (let y = 0; y < nYears; y++) {
    const base = y * n;
    const r = regimes[y]!;
    const mBase = r * n;
    const lBase = r * n * n;
    for (let i = 0; i < n; i++) {
      let x = logMean[mBase + i]!;
      const row = lBase + i * n;
      for (let k = 0; k <= i; k++) x += covFactor[row + k]! * shocks[base + k]!;
      out[base + i] = fastExp(x);
    }
  }
}
