/**
 * One path of yearly price inflation, AR(1) around a mean:
 *   π_y = μ + φ·(π_{y−1} − μ) + σ·ε_y,  π_{−1} = initial,
 *   ε_y = Σ_k a_{g,k}·z_{y,k} + a_{g,own}·u_y  (z: the year's market shocks, u: independent normal,
 *   g: the year's correlation group — the regime, or 0), so ε is standard normal with the chosen
 *   correlations to the assets' log-return shocks.
 * The price index at the start of simulated year y is I_0 = 1, I_{y+1} = I_y·(1 + π_y). A year's
 * inflation is floored at −99 % (1 + π > 0); only absurd parameters ever reach the floor.
 * Long-run moments: E[π] = μ, Var[π] = σ²/(1 − φ²), corr(π_y, π_{y+1}) = φ (a test checks them).
 */
import type { NormalSource } from '../random/normal-source.js';
import type { InflationModel } from './market-model.js';

export const INFLATION_FLOOR = -0.99;

export function fillInflationAr1(
  model: InflationModel,
  /** The inflation's own stream: no other draw takes from it, so the year's normals u_y are drawn in one go (fill's inlined loop), the same numbers as year by year. */
  normal: NormalSource,
  /** Room for u_0 … u_{nYears−1}, reused from path to path. */
  own: Float64Array,
  shocks: Float64Array | null,
  nAssets: number,
  groups: Int32Array | null,
  nYears: number,
  inflation: Float64Array,
  priceIndex: Float64Array,
): void {
  const { mean, persistence, sd, loadings } = model;
  const stride = nAssets + 1;
  let previous = model.initial;
  let index = 1;
  priceIndex[0] = 1;
  normal.fill(own, 0, nYears);
  for (let y = 0; y < nYears; y++) {
    const at = (groups ? groups[y]! : 0) * stride;
    let e = loadings[at + nAssets]! * own[y]!;
    if (shocks) for (let k = 0; k < nAssets; k++) e += loadings[at + k]! * shocks[y * nAssets + k]!;
    const pi = Math.max(INFLATION_FLOOR, mean + persistence * (previous - mean) + sd * e);
    inflation[y] = pi;
    index *= 1 + pi;
    priceIndex[y + 1] = index;
    previous = pi;
  }
}
