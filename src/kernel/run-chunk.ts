/**
 * The path kernel: one chunk of paths, saving then payout, allocation-free per path (buffers are
 * allocated once per chunk). Output: a Float64Array of per-path series, series-major (series s of
 * path p at s · paths + p): SCALAR_SERIES, the plan's extra series (lifetime, folketrygd), the
 * capital at the start of every age (nYears + 1 points), then gross and net payout per payout year.
 *
 * A year: pay and G grow at the year start (not in the first year); the contribution is paid at
 * the year start; the holding earns the portfolio return (or, in a hybrid, its regulation); fees
 * (management share, then per-member amount) at the year end. Payout, level annuity: paid at the
 * year end, re-amortised each year over the years left at the technical rate (the last year pays
 * all). Balance ÷ remaining years and lifelong (holding / life annuity factor): paid at the year
 * start. A DC payout below 0.2 G shortens the period; graded withdrawal pays a share before its
 * age. With lifetime risk, death falls at the end of the drawn year: that year is paid, then the
 * capital goes to the heirs (DC) or to the other members (hybrid with mortality inheritance).
 * Capital never goes below 0. Wage draws are made on dead paths too, so streams stay aligned.
 * Disability (plan/disability-track.ts, docs/model.md §2.9), from its own stream: in a disabled
 * saving year pay falls by the degree, the contribution is the plan's on the working share plus the
 * waiver's on the pay at disability times the degree, the folketrygd accrues on the assumed income
 * too; a second capital without the waiver runs from the onset on the same returns (waiverGain).
 */
import { CHUNK_SIZE } from '../base/chunk-size.js';
import { createMarketPath } from '../market/market-path.js';
import { bandedContribution } from '../plan/banded-contribution.js';
import { dcPayoutEnd } from '../plan/dc-payout-end.js';
import {
  fanOffset,
  REGULATION_G,
  REGULATION_ZERO_GUARANTEE,
  seriesCount,
  type ExtraSeries,
  type SimulationPlan,
} from '../plan/simulation-plan.js';
import { chunkStream, chunkXor4096 } from '../random/chunk-stream.js';
import { NormalSource } from '../random/normal-source.js';
import { folketrygdAccrual, selfEmployedPensionableIncome } from '../rules/no/folketrygd.js';
import { BASIS_YEARS } from '../rules/no/uforetrygd.js';
import { survivorBenefits } from '../rules/no/survivors.js';
import { DisabilityTrack, disabilitySavingYear, type DisabilityYear } from '../plan/disability-track.js';
import { fixedPaySchedule } from './fixed-pay-schedule.js';
import { blockedKernelApplies, runChunkBlocked } from './run-chunk-blocked.js';
import { leaveToHeirs } from './leave-to-heirs.js';
import { payoutTax, taxOf } from './payout-tax.js';
import { payoutYear } from './payout-year.js';
import { withMarketTrace } from './market-trace.js';
import { payGrowthFactor } from '../rules/pay-growth.js';
import { writeGSeries } from './write-g-series.js';
import { writeInflationSeries } from './write-inflation-series.js';

export interface ChunkTask {
  plan: SimulationPlan;
  seed: number;
  chunk: number;
  /** Paths in this chunk (the last chunk may be short). */
  paths: number;
  /**
   * A buffer of at least seriesCount(plan) × paths to write the series into (those are zeroed first;
   * derived columns after them, engine/chunk-job.ts, are written by their fills up to their lengths
   * and never read past them, so they are not zeroed),
   * so a worker reuses one buffer across chunks: a fresh 1.75 MB per chunk costs page faults, and
   * unmapping it costs the other worker threads TLB shootdowns.
   */
  out?: Float64Array;
  /** With the disability groups' fans: the kernel writes them too (the year-major kernel only). */
  groupFans?: GroupFanColumns;
}

/**
 * Where the capital and payout fans of the disabled and of the others go (result/disability-split.ts):
 * the disabled's capital at age i in column capital + i, the others' in capital + capitalApart + i;
 * the payouts likewise. Each group column holds its paths' values in path order.
 */
export interface GroupFanColumns {
  capital: number;
  capitalApart: number;
  payout: number;
  payoutApart: number;
}

export interface ChunkResult {
  chunk: number;
  paths: number;
  series: Float64Array;
}

/** One year of one path as the kernel computed it, for `pensim trace`. */
export interface TraceYear {
  y: number;
  alive: boolean;
  salary: number;
  g: number;
  capitalStart: number;
  contribution: number;
  portfolioReturn: number;
  fees: number;
  payout: number;
  tax: number;
  folketrygd: number;
  capitalEnd: number;
  /** Return models (kernel/market-trace.ts): the year's regime index, historical year replayed, inflation. */
  regime?: number;
  historyYear?: number;
  inflation?: number;
}

/**
 * Run a chunk. With `trace`, path `trace.path` (index within the chunk) reports every year; the
 * other paths are simulated all the same so the draws are exactly those of the run.
 */
export function runChunk(task: ChunkTask, traceHook?: { path: number; year: (t: TraceYear) => void }): ChunkResult {
  // Certain pay: salary, G and contribution are the same on every path (kernel/fixed-pay-schedule.ts).
  const fixedPay = fixedPaySchedule(task.plan);
  if (traceHook === undefined && blockedKernelApplies(task.plan, fixedPay)) return runChunkBlocked(task, fixedPay);
  return runChunkByPath(task, traceHook);
}

/** The kernel path by path: every plan, and `pensim trace` (runChunk uses the year-major kernel where it can). */
export function runChunkByPath(task: ChunkTask, traceHook?: { path: number; year: (t: TraceYear) => void }): ChunkResult {
  // It does not write the groups' fans: a caller counting on them would read stale columns.
  if (task.groupFans) throw new Error('the disability groups\' fans are written by the year-major kernel only');
  const { plan, seed, chunk, paths } = task;
  const nA = plan.nAssets;
  const { nYears, nAccum, payStart, nKnownG, wageMean, wageSd, gGrowth, weights, gDet, payFactor } = plan;
  const { survival, folketrygd: ft } = plan;
  const nPayout = nYears - payStart;
  const keep = 1 - plan.managementRate;
  const perMember = plan.perMemberFee;
  const series = task.out ? task.out.fill(0, 0, seriesCount(plan) * paths) : new Float64Array(seriesCount(plan) * paths);
  // The return model's draws for one path (market/market-path.ts): gross returns, regimes, inflation.
  const market = createMarketPath(plan, seed, chunk, chunk * CHUNK_SIZE);
  const gross = market.gross;
  const trace = traceHook && withMarketTrace(traceHook, market, plan.market);
  const wage = new NormalSource(chunkXor4096(seed, chunk, 'wage'));
  const mortality = chunkStream(seed, chunk, 'mortality');
  const dis = plan.disability;
  const track = dis !== null ? new DisabilityTrack(dis) : null;
  const disDraw = dis !== null ? chunkStream(seed, chunk, 'disability') : null;
  const degreeDraw = dis !== null && dis.degreeCum !== null ? chunkStream(seed, chunk, 'disability-degree') : null;
  const premiumRate = dis !== null ? dis.premiumRate : 0;
  const disYear: DisabilityYear = { pay: 0, c: 0, cNoWaiver: 0, assumed: 0 };
  const fixedPay = fixedPaySchedule(plan);
  const otherBase = taxOf(plan, plan.otherIncome);
  const extra = (name: ExtraSeries) => {
    const i = plan.extraSeries.indexOf(name);
    return i < 0 ? -1 : (4 + i) * paths;
  };
  const [xAge, xOutlived, xInherit, xChildren, xSpouse, xEstate] = [
    extra('ageAtDeath'), extra('outlivedPayout'), extra('inheritance'), extra('heirsChildren'), extra('heirsSpouse'), extra('heirsEstate'),
  ];
  const [xFt, xTotal, xTotalRatio] = [extra('folketrygdPension'), extra('totalPension'), extra('totalReplacementRatio')];
  const xSurvivors = extra('survivorBenefits');
  const [xDisabled, xDisIncome, xDisRatio, xWaiver] = [extra('disabledBefore67'), extra('disabilityIncome'), extra('disabilityIncomeRatio'), extra('waiverGain')];
  const xDegree = extra('disabilityDegree');
  const capitalAt = fanOffset(plan);
  const payoutGrossAt = capitalAt + nYears + 1;
  const payoutNetAt = payoutGrossAt + nPayout;
  // The path's own G by year, kept only when G is stochastic (plan/g-series.ts).
  const gYear = plan.gStochastic ? new Float64Array(nYears + 1) : null;
  // A payout year's payout, holding and fees (kernel/payout-year.ts).
  const step = new Float64Array(3);

  for (let p = 0; p < paths; p++) {
    market.fill();
    // Death falls in year D: alive at the start of year t iff u < t_p_x.
    let death = Infinity;
    if (survival !== null) {
      const u = mortality();
      let t = 0;
      while (t + 1 < survival.length && u < survival[t + 1]!) t++;
      death = t;
      series[xAge + p] = plan.startAge + t;
    }
    // Disability: the onset (and a recovery) from the path's own draws; the year its income is reported.
    // The per-year work starts BASIS_YEARS before the onset (the basis's history): none on paths never disabled.
    let disReportY = -1;
    let disOn = Infinity;
    let disFrom = Infinity;
    let kNoWaiver = 0;
    if (track !== null) {
      track.start(disDraw!(), dis!.recovery > 0 ? disDraw!() : 0, degreeDraw !== null ? degreeDraw() : 0);
      disOn = track.onset;
      disFrom = disOn - BASIS_YEARS;
      if (disOn !== Infinity && disOn <= death) {
        series[xDisabled + p] = 1;
        if (xDegree >= 0) series[xDegree + p] = track.degree;
        disReportY = Math.min(track.reportYear(), Math.min(track.off, dis!.endY) - 1);
      }
    }
    const tracing = trace !== undefined && trace.path === p;
    let k = plan.initialCapital;
    let salary = plan.salary0;
    let g = gDet[0]!;
    let ftHolding = ft ? ft.initialHolding : 0;
    let ftPension = 0;
    let payEnd = nYears;
    series[capitalAt * paths + p] = k;
    for (let y = 0; y < nYears; y++) {
      const gPrev = g;
      if (fixedPay !== null) {
        salary = fixedPay.salary[y]!;
        g = fixedPay.g[y]!;
      } else if (y > 0) {
        const shock = wageSd > 0 ? wageSd * wage.next() : 0;
        salary *= payGrowthFactor(wageMean, shock);
        g = y < nKnownG ? gDet[y]! : g * payGrowthFactor(gGrowth, shock);
      }
      if (gYear !== null) gYear[y] = g;
      const alive = y <= death;
      let r = 0;
      const wBase = y * nA;
      for (let i = 0; i < nA; i++) r += weights[wBase + i]! * (gross[wBase + i]! - 1);
      const start = k;
      let c = 0;
      let payout = 0;
      let tax = 0;
      let fees = 0;
      if (ft && alive) {
        if (y > 0) ftHolding *= g / gPrev;
        if (y > ft.withdrawalY) ftPension *= g / gPrev / (1 + ft.deduction);
      }
      if (!alive) {
        // Nothing flows on a dead path; its capital left at death.
      } else if (y < payStart) {
        let pay = y < nAccum ? salary * payFactor[y]! : 0;
        if (y < nAccum) c = fixedPay !== null ? fixedPay.contribution[y]! : bandedContribution(plan, y, pay, g);
        let cNoWaiver = c;
        let assumed = 0;
        // Outside the path's disability window only a premium changes anything: skip the call (the hot case).
        if (dis !== null && y < nAccum && (y >= disFrom || premiumRate > 0)) {
          if (y === disOn) kNoWaiver = k;
          // Only a path in its disability window needs the track (the basis's history, the onset).
          disabilitySavingYear(y >= disFrom ? track : null, plan, y, pay, c, g, disYear);
          pay = disYear.pay;
          c = disYear.c;
          cNoWaiver = disYear.cNoWaiver;
          assumed = disYear.assumed;
        }
        if (ft && y < nAccum && y < ft.withdrawalY) {
          ftHolding += folketrygdAccrual((ft.selfEmployed ? selfEmployedPensionableIncome(pay, c, g) : pay) + assumed, g);
        }
        // The holding's growth: the market, or a hybrid's regulation (by G, or floored at 0 % less a premium).
        const growth = plan.regulation === REGULATION_G ? g / gPrev - 1 : plan.regulation === REGULATION_ZERO_GUARANTEE ? Math.max(0, r) - plan.guaranteePremium : r;
        const grown = (k + c) * (1 + growth);
        k = Math.max(0, grown * keep - perMember);
        fees = grown - k;
        if (y >= disOn) kNoWaiver = Math.max(0, (kNoWaiver + cNoWaiver) * (1 + growth) * keep - perMember);
      } else {
        const j = y - payStart;
        if (j === 0) {
          series[p] = k;
          if (disOn < y) series[xWaiver + p] = k - kNoWaiver;
        }
        if (y < payEnd) payEnd = dcPayoutEnd(plan, k, g, y, payEnd);
        const left = payEnd - y;
        const share = y < plan.gradedUntil ? plan.gradedShare : 1;
        payoutYear(plan, k, r, left, share, j, keep, step);
        payout = step[0]!;
        k = step[1]!;
        fees = step[2]!;
        if (ft && y === ft.withdrawalY) ftPension = ftHolding / ft.delingstall;
        if (ft && plan.noTax !== null) {
          // Other pension income besides the folketrygd (AFP, other schemes) is added to it.
          const other = (ftPension * plan.gTaxYear) / g + plan.otherIncome;
          tax = payoutTax(plan, payout, g, other, taxOf(plan, other));
        } else {
          tax = payoutTax(plan, payout, g, plan.otherIncome, otherBase);
        }
        series[(payoutGrossAt + j) * paths + p] = payout;
        series[(payoutNetAt + j) * paths + p] = payout - tax;
        if (j === 0) {
          series[paths + p] = payout;
          series[2 * paths + p] = payout - tax;
          series[3 * paths + p] = payout / salary;
        }
      }
      if (y === disReportY && alive) {
        const income = track!.uforetrygd(y, g) + track!.pensionIn(y);
        series[xDisIncome + p] = income;
        series[xDisRatio + p] = track!.payAtOnset > 0 ? income / track!.payAtOnset : 0;
      }
      if (ft && alive && y === ft.withdrawalY && y < payStart) ftPension = ftHolding / ft.delingstall;
      if (ft && y === payStart) {
        const ftNow = alive ? ftPension : 0;
        series[xFt + p] = ftNow;
        series[xTotal + p] = series[paths + p]! + ftNow;
        series[xTotalRatio + p] = (series[paths + p]! + ftNow) / salary;
      }
      if (y === death) {
        if (plan.heirsInherit && xInherit >= 0) leaveToHeirs(plan, series, p, k, g, y, [xInherit, xChildren, xSpouse, xEstate]);
        // The folketrygd's survivors' benefits on a death before the payout start (rules/no/survivors.ts).
        const sv = plan.survivors;
        if (sv !== null && y < payStart) series[xSurvivors + p] = survivorBenefits(g, plan.startYear + y, plan.childBirthYears, plan.spouse, sv.spouseIncomeG, sv.omstillingYears);
        k = 0;
      }
      if (tracing) {
        trace.year({
          y, alive, salary: y < nAccum && alive ? salary * payFactor[y]! * (track !== null && track.disabled(y) ? 1 - track.degree : 1) : 0, g, capitalStart: start, contribution: c, portfolioReturn: r,
          fees,
          payout, tax, folketrygd: alive ? ftPension : 0, capitalEnd: k,
        });
      }
      series[(capitalAt + y + 1) * paths + p] = k;
    }
    if (xOutlived >= 0) series[xOutlived + p] = death >= payEnd ? 1 : 0;
    if (market.priceIndex) writeInflationSeries(plan, series, paths, p, market.priceIndex);
    if (gYear !== null) writeGSeries(plan, series, paths, p, gYear);
  }
  return { chunk, paths, series };
}
