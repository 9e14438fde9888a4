/**
 * The employer's stock, one-factor model (docs/model.md §3.8), sharing the market shock with the
 * equity fund. Per year, with r_f = ln(1 + riskFree), μ_m = ln(1 + E_m) and σ_m the market fund's
 * log-return sd:
 *   ln G_s = r_f + β(μ_m − r_f) − ½(β²σ_m² + σ_ε²) + β·(ln G_m − E[ln G_m]) + σ_ε·ε
 * where ln G_m − E[ln G_m] = σ_m Z_m is the market fund's own realized log-return shock (so the
 * stock moves with whatever the market path drew) and ε is standard normal or, with `nu`, a
 * Student-t scaled to unit variance, t_ν·√((ν−2)/ν). E[G_s] = exp(r_f + β(μ_m − r_f)): CAPM in
 * log-return terms. With β = 1, σ_ε = 0 and no default G_s = G_m.
 *
 * Jump-to-default: each year the firm defaults with probability 1 − e^(−λ); the share then keeps R
 * of its value at the year end and the stock ends (later years: gross 1, the recovery held as cash).
 * Compensated (`compensated`, the default in scenarios): the log drift is raised by
 * −ln(e^(−λ) + (1 − e^(−λ))·R) ≈ λ(1 − R), so the expected yearly return is unchanged by the
 * default risk; uncompensated: the drift is not raised and default lowers the expected return.
 *
 * Draws: one ε per year from stream 'employer-stock' (t mixing from 'employer-stock-tail') and one
 * uniform a year from 'employer-default', drawn every year even after a default, so the streams of
 * two scenarios stay aligned path by path (common random numbers).
 *
 * Example (golden case G6, docs/model.md §11; a test checks it by simulation): β = 1, σ_ε = 0.30, no default:
 * P(S_T < M_T) = Φ(σ_ε√T/2) = 0.682 at T = 10.
 */
import { fastExp } from './fast-exp.js';
import type { RandomStream } from '../random/chunk-stream.js';
import type { Xor4096 } from '../random/xor4096.js';
import { GammaSource } from '../random/gamma-source.js';
import { NormalSource } from '../random/normal-source.js';
import { StudentTSource } from '../random/student-t.js';

/** The compiled stock model: plain numbers (crosses to workers). */
export interface EmployerStockModel {
  /** Index of the market (equity) fund among the profile's assets. */
  readonly marketAsset: number;
  readonly beta: number;
  /** Idiosyncratic log-return sd σ_ε a year. */
  readonly sigmaEps: number;
  /** Log drift of the stock a year, with the compensation for default when compensated. */
  readonly drift: number;
  /** E[ln G_m] of the market fund: the shock is ln G_m − this. */
  readonly marketLogMean: number;
  /** Default probability per year, 1 − e^(−λ). */
  readonly defaultProbability: number;
  readonly recovery: number;
  /** Student-t degrees of freedom of ε (> 2), or 0 for normal ε. */
  readonly nu: number;
}

/** Parameters in scenario terms. */
export interface EmployerStockParams {
  marketAsset: number;
  beta: number;
  sigmaEps: number;
  riskFree: number;
  /** The market fund's expected simple return and its log-return mean and sd. */
  marketExpected: number;
  marketLogMean: number;
  marketLogSd: number;
  hazard: number;
  recovery: number;
  compensated: boolean;
  nu: number;
}

export function employerStockModel(p: EmployerStockParams): EmployerStockModel {
  const rf = Math.log(1 + p.riskFree);
  const mu = Math.log(1 + p.marketExpected);
  const pd = 1 - Math.exp(-p.hazard);
  const compensation = p.compensated && pd > 0 ? -Math.log(1 - pd + pd * p.recovery) : 0;
  return {
    marketAsset: p.marketAsset,
    beta: p.beta,
    sigmaEps: p.sigmaEps,
    drift: rf + p.beta * (mu - rf) - 0.5 * (p.beta * p.beta * p.marketLogSd * p.marketLogSd + p.sigmaEps * p.sigmaEps) + compensation,
    marketLogMean: p.marketLogMean,
    defaultProbability: pd,
    recovery: p.recovery,
    nu: p.nu,
  };
}

export interface EmployerStockPath {
  /** Gross yearly return of the stock per year of the current path. */
  readonly gross: Float64Array;
  /** Year index of the default on this path, or −1. */
  defaultYear: number;
  /** Draw this path's stock from the market path's gross returns (nYears × nAssets, year-major). */
  fill(marketGross: Float64Array, nAssets: number): void;
  /**
   * Draw this path's shocks and default year only (the same draws as fill, so the streams stay
   * aligned); grossAt then gives a year's gross return, the same number fill would have put in
   * `gross`. For the payout years, where the shares are often sold within a few years: the log and
   * exp of the years after are not worth computing.
   */
  draw(): void;
  grossAt(y: number, marketGross: Float64Array, nAssets: number): number;
}

export function createEmployerStockPath(
  model: EmployerStockModel,
  nYears: number,
  // eps and default as Xor4096 (chunkXor4096: the same numbers as chunkStream): their calls inline,
  // where seedrandom's closures, a new one per chunk, do not.
  streams: { eps: Xor4096; tail: RandomStream; default: Xor4096 },
): EmployerStockPath {
  const gross = new Float64Array(nYears);
  const epsAt = new Float64Array(nYears);
  const normal = new NormalSource(streams.eps);
  const tailNormal = new NormalSource(streams.tail);
  const t = model.nu > 0 ? new StudentTSource(tailNormal, new GammaSource(tailNormal, streams.tail), model.nu) : null;
  const { beta, sigmaEps, drift, marketLogMean, marketAsset, defaultProbability, recovery } = model;
  const path: EmployerStockPath = {
    gross,
    defaultYear: -1,
    fill(marketGross, nAssets) {
      path.draw();
      // grossAt's formula, written out: a call a year returning a double would box it.
      const d = path.defaultYear;
      for (let y = 0; y < nYears; y++) {
        if (d >= 0 && y > d) {
          gross[y] = 1;
          continue;
        }
        const shock = Math.log(marketGross[y * nAssets + marketAsset]!) - marketLogMean;
        const g = fastExp(drift + beta * shock + sigmaEps * epsAt[y]!);
        gross[y] = y === d ? g * recovery : g;
      }
    },
    draw() {
      // The streams are separate, so each is drawn in one go (the same numbers as year by year):
      // the normals by fill's inlined Xor4096 loop.
      normal.fill(epsAt, 0, nYears);
      if (t) for (let y = 0; y < nYears; y++) epsAt[y] = epsAt[y]! * t.mixing();
      const stream = streams.default;
      let d = -1;
      for (let y = 0; y < nYears; y++) {
        const u = stream.uniform();
        if (d < 0 && u < defaultProbability) d = y;
      }
      path.defaultYear = d;
    },
    grossAt(y, marketGross, nAssets) {
      const d = path.defaultYear;
      if (d >= 0 && y > d) return 1;
      const shock = Math.log(marketGross[y * nAssets + marketAsset]!) - marketLogMean;
      const g = fastExp(drift + beta * shock + sigmaEps * epsAt[y]!);
      return y === d ? g * recovery : g;
    },
  };
  return path;
}
