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

/** One year of one path as the kernel computed it, for `pensim trace`. */
export interface TraceYear {
  y: number;
  salary: number;
  g: number;
  capitalStart: number;
  contribution: number;
  portfolioReturn: number;
  fees: number;
  payout: number;
  tax: number;
  capitalEnd: number;
}

const CAPITAL = SCALAR_SERIES.length;

/**
 * Run a chunk. With `trace`, path `trace.path` (index within the chunk) reports every year; the
 * other paths are simulated all the same so the draws are exactly those of the run.
 */
export function runChunk(task: ChunkTask, trace?: { path: number; year: (t: TraceYear) => void }): ChunkResult {
  const { plan, seed, chunk, paths } = task;
  const nA = plan.nAssets;
  const nYears = plan.nYears;
  const nAccum = plan.nAccum;
  const payStart = plan.payStart;
  const nKnownG = plan.nKnownG;
  const wageMean = plan.wageMean;
  const wageSd = plan.wageSd;
  const gGrowth = plan.gGrowth;
  const weights = plan.weights;
  const gDet = plan.gDet;
  const payFactor = plan.payFactor;
  const payoutFactor = plan.payoutFactor;
  const keep = 1 - plan.managementRate;
  const perMember = plan.perMemberFee;
  const annuity = plan.payoutMethod === PAYOUT_LEVEL_ANNUITY;
  const series = new Float64Array(seriesCount(plan) * paths);
  const gross = new Float64Array(nYears * nA);
  const z = new Float64Array(nA);
  const market = new NormalSource(chunkStream(seed, chunk, 'market'));
  const wage = new NormalSource(chunkStream(seed, chunk, 'wage'));
  const taxBase = baseTax(plan);
  const payoutGrossAt = CAPITAL + nYears + 1;
  const payoutNetAt = payoutGrossAt + (nYears - payStart);

  for (let p = 0; p < paths; p++) {
    fillCorrelatedLognormal(market, plan.logMean, plan.covFactor, nYears, z, gross);
    const tracing = trace !== undefined && trace.path === p;
    let k = plan.initialCapital;
    let salary = plan.salary0;
    let g = gDet[0]!;
    series[CAPITAL * paths + p] = k;
    for (let y = 0; y < nYears; y++) {
      if (y > 0) {
        const shock = wageSd > 0 ? wageSd * wage.next() : 0;
        salary *= 1 + wageMean + shock;
        g = y < nKnownG ? gDet[y]! : g * (1 + gGrowth + shock);
      }
      let r = 0;
      const wBase = y * nA;
      for (let i = 0; i < nA; i++) r += weights[wBase + i]! * (gross[wBase + i]! - 1);
      const start = k;
      let c = 0;
      let payout = 0;
      let grown: number;
      if (y < nAccum) {
        const pay = salary * payFactor[y]!;
        // Stochastic pay can move a flat or basis contribution out of the band: the law's band wins.
        c = Math.min(Math.max(contributionBeforeBand(plan, y, pay, g), minContribution(pay, g, plan.startYear + y)), maxContribution(pay, g));
        grown = (k + c) * (1 + r);
        k = Math.max(0, grown * keep - perMember);
      } else if (y < payStart) {
        grown = k * (1 + r);
        k = Math.max(0, grown * keep - perMember);
      } else {
        const j = y - payStart;
        const left = nYears - y;
        if (j === 0) series[p] = k;
        if (annuity) {
          grown = k * (1 + r);
          const end = Math.max(0, grown * keep - perMember);
          payout = left === 1 ? end : Math.min(k * payoutFactor[left]!, end);
          k = end - payout;
        } else {
          payout = k * payoutFactor[left]!;
          grown = (k - payout) * (1 + r);
          k = Math.max(0, grown * keep - perMember);
        }
        const tax = payoutTax(plan, payout, g, taxBase);
        series[(payoutGrossAt + j) * paths + p] = payout;
        series[(payoutNetAt + j) * paths + p] = payout - tax;
        if (j === 0) {
          series[paths + p] = payout;
          series[2 * paths + p] = payout - tax;
          series[3 * paths + p] = payout / salary;
        }
        if (tracing) trace.year({ y, salary: 0, g, capitalStart: start, contribution: 0, portfolioReturn: r, fees: grown - (annuity ? k + payout : k), payout, tax, capitalEnd: k });
      }
      if (tracing && y < payStart) {
        trace.year({ y, salary: y < nAccum ? salary * payFactor[y]! : 0, g, capitalStart: start, contribution: c, portfolioReturn: r, fees: grown - k, payout: 0, tax: 0, capitalEnd: k });
      }
      series[(CAPITAL + y + 1) * paths + p] = k;
    }
  }
  return { chunk, paths, series };
}
