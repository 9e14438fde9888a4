/**
 * The path kernel: one chunk of paths, accumulation then payout, allocation-free per path
 * (buffers are allocated once per chunk). Output: a Float64Array holding per-path series
 * series-major (series s of path p at s · paths + p), in the order of SCALAR_SERIES, then the
 * capital at the start of every age (nYears + 1 points), then gross and net payout per payout year.
 *
 * Timeline of a year: pay grows at the year start (not in the first year); the contribution is
 * paid at the year start; returns, then fees (management share, then per-member amount) at the
 * year end. Payout, level annuity: paid at the year end, re-amortised each year over the years
 * left at the technical rate (level when returns equal that rate), the last year paying all that
 * is left. Payout, balance ÷ remaining years: paid at the year start. Capital never goes below 0.
 */
import { fillCorrelatedLognormal } from '../market/correlated-lognormal.js';
import { contributionBeforeBand } from '../plan/contribution-before-band.js';
import { PAYOUT_LEVEL_ANNUITY, SCALAR_SERIES, seriesCount, type SimulationPlan } from '../plan/simulation-plan.js';
import { chunkStream } from '../random/chunk-stream.js';
import { NormalSource } from '../random/normal-source.js';
import { annuityPayment } from '../rules/annuity.js';
import { maxContribution, minContribution } from '../rules/no/otp-band.js';
import { baseTax, payoutTax } from './payout-tax.js';

export interface ChunkTask {
  plan: SimulationPlan;
  seed: number;
  chunk: number;
  /** Paths in this chunk (the last chunk may be short). */
  paths: number;
}

export interface ChunkResult {
  chunk: number;
  paths: number;
  series: Float64Array;
}

const CAPITAL = SCALAR_SERIES.length;

export function runChunk(task: ChunkTask): ChunkResult {
  const { plan, seed, chunk, paths } = task;
  const nA = plan.nAssets;
  const nYears = plan.nYears;
  const series = new Float64Array(seriesCount(plan) * paths);
  const gross = new Float64Array(nYears * nA);
  const z = new Float64Array(nA);
  const market = new NormalSource(chunkStream(seed, chunk, 'market'));
  const wage = new NormalSource(chunkStream(seed, chunk, 'wage'));
  const taxBase = baseTax(plan);
  const payoutGrossAt = CAPITAL + nYears + 1;
  const payoutNetAt = payoutGrossAt + (nYears - plan.payStart);

  for (let p = 0; p < paths; p++) {
    fillCorrelatedLognormal(market, plan.logMean, plan.covFactor, nYears, z, gross);
    let k = plan.initialCapital;
    let salary = plan.salary0;
    let g = plan.gDet[0]!;
    series[CAPITAL * paths + p] = k;
    for (let y = 0; y < nYears; y++) {
      if (y > 0) {
        const shock = plan.wageSd > 0 ? plan.wageSd * wage.next() : 0;
        salary *= 1 + plan.wageMean + shock;
        g = y < plan.nKnownG ? plan.gDet[y]! : g * (1 + plan.gGrowth + shock);
      }
      let r = 0;
      const wBase = y * nA;
      for (let i = 0; i < nA; i++) r += plan.weights[wBase + i]! * (gross[wBase + i]! - 1);

      if (y < plan.nAccum) {
        const pay = salary * plan.payFactor[y]!;
        const year = plan.startYear + y;
        const c = contributionBeforeBand(plan, y, pay, g);
        // Stochastic pay can move a flat or basis contribution out of the band: the law's band wins.
        const banded = Math.min(Math.max(c, minContribution(pay, g, year)), maxContribution(pay, g));
        k = afterFees(plan, (k + banded) * (1 + r));
      } else if (y < plan.payStart) {
        k = afterFees(plan, k * (1 + r));
      } else {
        const j = y - plan.payStart;
        const left = nYears - y;
        if (j === 0) series[p] = k;
        let payout: number;
        if (plan.payoutMethod === PAYOUT_LEVEL_ANNUITY) {
          const due = annuityPayment(k, plan.technicalRate, left);
          const end = afterFees(plan, k * (1 + r));
          payout = left === 1 ? end : Math.min(due, end);
          k = end - payout;
        } else {
          payout = k / left;
          k = afterFees(plan, (k - payout) * (1 + r));
        }
        const net = payout - payoutTax(plan, payout, g, taxBase);
        series[(payoutGrossAt + j) * paths + p] = payout;
        series[(payoutNetAt + j) * paths + p] = net;
        if (j === 0) {
          series[paths + p] = payout;
          series[2 * paths + p] = net;
          series[3 * paths + p] = payout / salary;
        }
      }
      series[(CAPITAL + y + 1) * paths + p] = k;
    }
  }
  return { chunk, paths, series };
}

/** Capital after the year-end fees: the management share, then the per-member amount; never below 0. */
function afterFees(plan: SimulationPlan, k: number): number {
  return Math.max(0, k * (1 - plan.managementRate) - plan.perMemberFee);
}
