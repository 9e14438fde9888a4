/**
 * The path kernel turned year-major for the plans whose pay is certain (kernel/run-chunk.ts decides):
 * the paths of a chunk go in blocks of BLOCK; each path of a block draws its market exactly as the
 * path-by-path kernel does (same streams, same order), then the block's years run one at a time
 * over all its paths. Per-year constants (pay, G, contribution, payout share, tax base) are then
 * looked up once per year rather than once per path-year, the inner loops carry no plan branches,
 * and each year's capital goes to its series in consecutive addresses (the output is series-major).
 * Every number is computed by the same operations in the same order as the path-by-path kernel, so
 * the output is bit for bit the same (test/kernel/blocked-kernel.test.ts runs both).
 *
 * Not here (the path-by-path kernel runs them): stochastic pay or G, lifetime risk and heirs, the
 * folketrygd, and `pensim trace`.
 */
import { CHUNK_SIZE } from '../base/chunk-size.js';
import { createMarketPath } from '../market/market-path.js';
import { dcPayoutEnd } from '../plan/dc-payout-end.js';
import {
  fanOffset,
  REGULATION_G,
  REGULATION_ZERO_GUARANTEE,
  seriesCount,
  type SimulationPlan,
} from '../plan/simulation-plan.js';
import type { FixedPaySchedule } from './fixed-pay-schedule.js';
import { payoutTax, taxOf } from './payout-tax.js';
import { payoutYear } from './payout-year.js';
import { wasmMarket } from '../market/wasm-market.js';
import type { ChunkResult, ChunkTask } from './run-chunk.js';
import { writeInflationSeries } from './write-inflation-series.js';

/** Paths per block: its gross returns (BLOCK × years × assets doubles, ~250 KB at 62 years and 2 assets) stay in L2. */
const BLOCK = 256;

/** Whether the year-major kernel computes this plan (else the path-by-path kernel does). */
export function blockedKernelApplies(plan: SimulationPlan, fixedPay: FixedPaySchedule | null): fixedPay is FixedPaySchedule {
  return fixedPay !== null && !plan.gStochastic && plan.survival === null && plan.folketrygd === null && plan.extraSeries.length === 0;
}

export function runChunkBlocked(task: ChunkTask, fixedPay: FixedPaySchedule): ChunkResult {
  const { plan, seed, chunk, paths } = task;
  const nA = plan.nAssets;
  const { nYears, nAccum, payStart, gDet, weights } = plan;
  const keep = 1 - plan.managementRate;
  const perMember = plan.perMemberFee;
  const regulation = plan.regulation;
  const premium = plan.guaranteePremium;
  const other = plan.otherIncome;
  const otherBase = taxOf(plan, other);
  // Every value of every series is written below when there are payout years (the scalars at the
  // first), so a reused buffer needs no zeroing then: 1.75 MB a chunk less to write.
  const series = task.out ? (payStart < nYears ? task.out : task.out.fill(0)) : new Float64Array(seriesCount(plan) * paths);
  // The common market comes from WebAssembly a block at a time (the same draws); else path by path.
  const wasm = wasmMarket(plan, seed, chunk, Math.min(BLOCK, paths));
  const market = wasm ? null : createMarketPath(plan, seed, chunk, chunk * CHUNK_SIZE);
  const stride = nYears * nA;
  let gross: Float64Array = wasm ? new Float64Array(0) : new Float64Array(Math.min(BLOCK, paths) * stride);
  const priceIndex = market?.priceIndex ? new Float64Array(Math.min(BLOCK, paths) * (nYears + 1)) : null;
  const capital = new Float64Array(BLOCK);
  const payEnd = new Int32Array(BLOCK);
  const step = new Float64Array(3);
  const capitalAt = fanOffset(plan);
  const payoutGrossAt = capitalAt + nYears + 1;
  const payoutNetAt = payoutGrossAt + (nYears - payStart);

  for (let from = 0; from < paths; from += BLOCK) {
    const n = Math.min(BLOCK, paths - from);
    if (wasm) gross = wasm.fill(n);
    for (let b = 0; b < n; b++) {
      if (market) {
        market.fill();
        gross.set(market.gross, b * stride);
        if (priceIndex) priceIndex.set(market.priceIndex!, b * (nYears + 1));
      }
      capital[b] = plan.initialCapital;
      payEnd[b] = nYears;
      series[capitalAt * paths + from + b] = plan.initialCapital;
    }
    for (let y = 0; y < nYears; y++) {
      const salary = fixedPay.salary[y]!;
      const g = fixedPay.g[y]!;
      const gPrev = y > 0 ? fixedPay.g[y - 1]! : gDet[0]!;
      const wBase = y * nA;
      const row = (capitalAt + y + 1) * paths + from;
      if (y < payStart) {
        const c = y < nAccum ? fixedPay.contribution[y]! : 0;
        const gGrowth = g / gPrev - 1;
        const w0 = weights[wBase]!;
        const w1 = nA === 2 ? weights[wBase + 1]! : 0;
        for (let b = 0; b < n; b++) {
          const at = b * stride + wBase;
          let r = 0;
          if (nA === 2) {
            r += w0 * (gross[at]! - 1);
            r += w1 * (gross[at + 1]! - 1);
          } else {
            for (let i = 0; i < nA; i++) r += weights[wBase + i]! * (gross[at + i]! - 1);
          }
          // The holding's growth: the market, or a hybrid's regulation (by G, or floored at 0 % less a premium).
          const growth = regulation === REGULATION_G ? gGrowth : regulation === REGULATION_ZERO_GUARANTEE ? Math.max(0, r) - premium : r;
          const grown = (capital[b]! + c) * (1 + growth);
          const k = Math.max(0, grown * keep - perMember);
          capital[b] = k;
          series[row + b] = k;
        }
        continue;
      }
      const j = y - payStart;
      const share = y < plan.gradedUntil ? plan.gradedShare : 1;
      const grossRow = (payoutGrossAt + j) * paths + from;
      const netRow = (payoutNetAt + j) * paths + from;
      for (let b = 0; b < n; b++) {
        const at = b * stride + wBase;
        let r = 0;
        for (let i = 0; i < nA; i++) r += weights[wBase + i]! * (gross[at + i]! - 1);
        let k = capital[b]!;
        if (j === 0) series[from + b] = k;
        let end = payEnd[b]!;
        if (y < end) end = payEnd[b] = dcPayoutEnd(plan, k, g, y, end);
        payoutYear(plan, k, r, end - y, share, j, keep, step);
        const payout = step[0]!;
        k = step[1]!;
        const tax = payoutTax(plan, payout, g, other, otherBase);
        series[grossRow + b] = payout;
        series[netRow + b] = payout - tax;
        if (j === 0) {
          series[paths + from + b] = payout;
          series[2 * paths + from + b] = payout - tax;
          series[3 * paths + from + b] = payout / salary;
        }
        capital[b] = k;
        series[row + b] = k;
      }
    }
    if (priceIndex) {
      for (let b = 0; b < n; b++) writeInflationSeries(plan, series, paths, from + b, priceIndex.subarray(b * (nYears + 1), (b + 1) * (nYears + 1)));
    }
  }
  return { chunk, paths, series };
}
