/**
 * The path kernel turned year-major (kernel/run-chunk.ts sends every plan here but a trace): the
 * paths of a chunk go in blocks of BLOCK; each path of a block draws its market, its lifetime and
 * its wage shocks exactly as the path-by-path kernel does (same streams, same order within each
 * stream), then the block's years run one at a time over all its paths. With certain pay the
 * per-year constants (pay, G, contribution) are looked up once per year rather than once per
 * path-year; with uncertain pay each path carries its own pay and G through the years. Each year's
 * capital goes to its series in consecutive addresses (the output is series-major). Every number
 * is computed by the same operations in the same order as the path-by-path kernel, so the output
 * is bit for bit the same (test/kernel/blocked-kernel.test.ts runs both).
 *
 * Lifetimes (death at the end of the drawn year: that year is paid, then the capital goes to the
 * heirs), the folketrygd, uncertain pay and stochastic G are per-path state of the block; so is
 * disability (one DisabilityTrack per path of the block, drawn in path order from its own stream,
 * with the capital without the waiver beside the capital), and the survivors' benefits at a death.
 */
import { CHUNK_SIZE } from '../base/chunk-size.js';
import { marketBlock } from '../market/market-block.js';
import { createMarketPath } from '../market/market-path.js';
import { dcPayoutEnd } from '../plan/dc-payout-end.js';
import {
  fanOffset,
  REGULATION_G,
  REGULATION_ZERO_GUARANTEE,
  seriesCount,
  type ExtraSeries,
  type SimulationPlan,
} from '../plan/simulation-plan.js';
import { bandedContribution } from '../plan/banded-contribution.js';
import { chunkStream, chunkXor4096 } from '../random/chunk-stream.js';
import { NormalSource } from '../random/normal-source.js';
import { folketrygdAccrual, selfEmployedPensionableIncome } from '../rules/no/folketrygd.js';
import { survivorBenefits } from '../rules/no/survivors.js';
import { BASIS_YEARS } from '../rules/no/uforetrygd.js';
import { DisabilityTrack, disabledYear, disabilitySavingYear, premiumYear, type DisabilityYear } from '../plan/disability-track.js';
import { fixedPayOnsets } from './fixed-pay-onsets.js';
import { payGrowthFactor } from '../rules/pay-growth.js';
import type { FixedPaySchedule } from './fixed-pay-schedule.js';
import { leaveToHeirs } from './leave-to-heirs.js';
import { payoutTax, taxOf } from './payout-tax.js';
import { payoutYear } from './payout-year.js';
import type { ChunkResult, ChunkTask } from './run-chunk.js';
import { writeGSeries } from './write-g-series.js';
import { writeInflationSeries } from './write-inflation-series.js';

/** Paths per block: its gross returns (BLOCK × years × assets doubles, ~250 KB at 62 years and 2 assets) stay in L2. */
const BLOCK = 256;

/** Whether the year-major kernel computes this plan (else the path-by-path kernel does): every plan today. */
export function blockedKernelApplies(_plan: SimulationPlan, _fixedPay: FixedPaySchedule | null): boolean {
  return true;
}

export function runChunkBlocked(task: ChunkTask, fixedPay: FixedPaySchedule | null): ChunkResult {
  const { plan, seed, chunk, paths } = task;
  const nA = plan.nAssets;
  const { nYears, nAccum, payStart, gDet, weights, nKnownG, wageMean, wageSd, gGrowth, payFactor, survival, folketrygd: ft } = plan;
  const keep = 1 - plan.managementRate;
  const perMember = plan.perMemberFee;
  const regulation = plan.regulation;
  const premium = plan.guaranteePremium;
  const other = plan.otherIncome;
  const otherBase = taxOf(plan, other);
  const lifetimes = survival !== null;
  const uncertainPay = fixedPay === null;
  // Every value of every series is written below when there are payout years and every path lives
  // through them (the scalars at the first), so a reused buffer needs no zeroing then: 1.75 MB a
  // chunk less to write. A dead path, or an extra series written only on some paths, needs zeros.
  const zero = payStart >= nYears || lifetimes || plan.extraSeries.length > 0;
  // Only the plan's own columns (kernel/run-chunk.ts ChunkTask.out says why).
  const series = task.out ? (zero ? task.out.fill(0, 0, seriesCount(plan) * paths) : task.out) : new Float64Array(seriesCount(plan) * paths);
  // The common market comes a block at a time (WebAssembly normals, or the block's Sobol points: the same draws); else path by path.
  const wasm = marketBlock(plan, seed, chunk, chunk * CHUNK_SIZE, Math.min(BLOCK, paths));
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
  // Lifetimes: each path's year of death (Infinity: none drawn), from the mortality stream in path order.
  const mortality = lifetimes ? chunkStream(seed, chunk, 'mortality') : null;
  const death = new Float64Array(BLOCK);
  // Uncertain pay: each path's wage shocks, drawn path by path as the path-by-path kernel draws them.
  const wage = uncertainPay ? new NormalSource(chunkXor4096(seed, chunk, 'wage')) : null;
  const shocks = uncertainPay ? new Float64Array(BLOCK * nYears) : null;
  const salaryB = new Float64Array(BLOCK);
  const gB = new Float64Array(BLOCK);
  const gPrevB = new Float64Array(BLOCK);
  const gYear = plan.gStochastic ? new Float64Array(BLOCK * (nYears + 1)) : null;
  const ftHolding = ft ? new Float64Array(BLOCK) : null;
  const ftPension = ft ? new Float64Array(BLOCK) : null;
  const extra = (name: ExtraSeries) => {
    const i = plan.extraSeries.indexOf(name);
    return i < 0 ? -1 : (4 + i) * paths;
  };
  const xAge = extra('ageAtDeath');
  const xOutlived = extra('outlivedPayout');
  const heirs = [extra('inheritance'), extra('heirsChildren'), extra('heirsSpouse'), extra('heirsEstate')];
  const [xFt, xTotal, xTotalRatio] = [extra('folketrygdPension'), extra('totalPension'), extra('totalReplacementRatio')];
  const xSurvivors = extra('survivorBenefits');
  const survivors = plan.survivors;
  // Disability (plan/disability-track.ts): a track per path of the block; the per-year work from 5 years before the onset.
  const dis = plan.disability;
  const tracks = dis !== null ? Array.from({ length: BLOCK }, () => new DisabilityTrack(dis)) : null;
  const disDraw = dis !== null ? chunkStream(seed, chunk, 'disability') : null;
  const degreeDraw = dis !== null && dis.degreeCum !== null ? chunkStream(seed, chunk, 'disability-degree') : null;
  const premiumRate = dis !== null ? dis.premiumRate : 0;
  const disYear: DisabilityYear = { pay: 0, c: 0, cNoWaiver: 0, assumed: 0 };
  const disOn = new Float64Array(BLOCK);
  const disFrom = new Float64Array(BLOCK);
  const disReport = new Float64Array(BLOCK);
  const kNoWaiver = new Float64Array(BLOCK);
  // Certain pay: a disabled path's onset values and waiver come from a table by onset year (kernel/fixed-pay-onsets.ts).
  const onsets = dis !== null && fixedPay !== null ? fixedPayOnsets(plan, fixedPay) : null;
  // With the table: the end of each path's disabled years (recovery or 67), its degree and its
  // assumed income in G, in arrays (read in the hot loop; a track object's fields cost more).
  const disEnd = new Float64Array(BLOCK);
  const disDegree = new Float64Array(BLOCK);
  const assumedG = new Float64Array(BLOCK);
  // With disability: the block's paths sorted by onset for the saving years (sortByOnset).
  const byOnset = dis !== null ? new Int32Array(BLOCK) : null;
  const onsetKey = new Int32Array(BLOCK);
  const onsetCount = new Int32Array(nAccum + 2);
  // The groups' fans, written here beside the run's (a copy of each column afterwards cost more):
  // each path's first capital and payout address in its group's columns (its rank in its group).
  const groupFans = task.groupFans ?? null;
  const capitalBase = new Int32Array(BLOCK);
  const payoutBase = new Int32Array(BLOCK);
  let nDisabled = 0;
  let nOthers = 0;
  const [xDisabled, xDisIncome, xDisRatio, xWaiver] = [extra('disabledBefore67'), extra('disabilityIncome'), extra('disabilityIncomeRatio'), extra('waiverGain')];
  const xDegree = extra('disabilityDegree');
  const reportIncome = (t: DisabilityTrack, p: number, y: number, g: number) => {
    const income = t.uforetrygd(y, g) + t.pensionIn(y);
    series[xDisIncome + p] = income;
    series[xDisRatio + p] = t.payAtOnset > 0 ? income / t.payAtOnset : 0;
  };

  for (let from = 0; from < paths; from += BLOCK) {
    const n = Math.min(BLOCK, paths - from);
    if (wasm) gross = wasm.fill(n);
    for (let b = 0; b < n; b++) {
      const p = from + b;
      if (market) {
        market.fill();
        gross.set(market.gross, b * stride);
        if (priceIndex) priceIndex.set(market.priceIndex!, b * (nYears + 1));
      }
      death[b] = Infinity;
      if (mortality !== null) {
        // Death falls in year D: alive at the start of year t iff u < t_p_x.
        const u = mortality();
        let t = 0;
        while (t + 1 < survival!.length && u < survival![t + 1]!) t++;
        death[b] = t;
        series[xAge + p] = plan.startAge + t;
      }
      disOn[b] = Infinity;
      disFrom[b] = Infinity;
      disReport[b] = -1;
      kNoWaiver[b] = 0;
      let disabled = false;
      if (tracks !== null) {
        const t = tracks[b]!;
        t.start(disDraw!(), dis!.recovery > 0 ? disDraw!() : 0, degreeDraw !== null ? degreeDraw() : 0, onsets === null);
        disOn[b] = t.onset;
        disFrom[b] = t.onset - BASIS_YEARS;
        onsetKey[b] = t.onset < nAccum ? t.onset : nAccum;
        // The disabled years: from the onset to the recovery or 67 (DisabilityTrack.disabled).
        const end = Math.min(t.off, dis!.endY);
        disabled = t.onset !== Infinity && t.onset <= death[b]!;
        if (onsets !== null) {
          if (disabled && t.onset < nAccum) onsets.apply(t);
          disEnd[b] = end;
          disDegree[b] = t.degree;
          assumedG[b] = t.assumedG;
        }
        if (disabled) {
          series[xDisabled + p] = 1;
          if (xDegree >= 0) series[xDegree + p] = t.degree;
          disReport[b] = Math.min(t.reportYear(), end - 1);
        }
      }
      if (groupFans !== null) {
        // The path's group in result/disability-split.ts: its disabledBefore67, as written above.
        const other = !disabled;
        const rank = other ? nOthers++ : nDisabled++;
        capitalBase[b] = (groupFans.capital + (other ? groupFans.capitalApart : 0)) * paths + rank;
        payoutBase[b] = (groupFans.payout + (other ? groupFans.payoutApart : 0)) * paths + rank;
        series[capitalBase[b]!] = plan.initialCapital;
      }
      if (shocks !== null) {
        // Drawn on dead paths too, so the stream stays aligned with the path-by-path kernel's.
        for (let y = 1; y < nYears; y++) shocks[b * nYears + y] = wageSd > 0 ? wageSd * wage!.next() : 0;
      }
      capital[b] = plan.initialCapital;
      payEnd[b] = nYears;
      salaryB[b] = plan.salary0;
      gB[b] = gDet[0]!;
      gPrevB[b] = gDet[0]!;
      if (ft) {
        ftHolding![b] = ft.initialHolding;
        ftPension![b] = 0;
      }
      series[capitalAt * paths + p] = plan.initialCapital;
    }
    if (byOnset !== null) sortByOnset(onsetKey, n, byOnset, onsetCount);
    for (let y = 0; y < nYears; y++) {
      const wBase = y * nA;
      const row = (capitalAt + y + 1) * paths + from;
      // Certain pay: this year's pay, G and contribution are the same on every path.
      const salary = uncertainPay ? 0 : fixedPay.salary[y]!;
      const gFixed = uncertainPay ? 0 : fixedPay.g[y]!;
      const gPrevFixed = uncertainPay ? 0 : y > 0 ? fixedPay.g[y - 1]! : gDet[0]!;
      if (uncertainPay && y > 0) {
        for (let b = 0; b < n; b++) {
          const shock = shocks![b * nYears + y]!;
          gPrevB[b] = gB[b]!;
          salaryB[b] = salaryB[b]! * payGrowthFactor(wageMean, shock);
          gB[b] = y < nKnownG ? gDet[y]! : gB[b]! * payGrowthFactor(gGrowth, shock);
        }
      }
      if (y < payStart) {
        const simple = !uncertainPay && !lifetimes && !ft && gYear === null && tracks === null;
        if (simple) {
          // The common case in its tightest form: no per-path pay, life or folketrygd.
          const c = y < nAccum ? fixedPay!.contribution[y]! : 0;
          const gGrowthY = gFixed / gPrevFixed - 1;
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
            const growth = regulation === REGULATION_G ? gGrowthY : regulation === REGULATION_ZERO_GUARANTEE ? Math.max(0, r) - premium : r;
            const grown = (capital[b]! + c) * (1 + growth);
            const k = Math.max(0, grown * keep - perMember);
            capital[b] = k;
            series[row + b] = k;
          }
          continue;
        }
        for (let i = 0; i < n; i++) {
          // With disability, in the order of the paths' onsets: the disability branches below then go
          // one way for a run of paths and the other for the rest (each path's numbers are its own).
          const b = byOnset === null ? i : byOnset[i]!;
          const p = from + b;
          const g = uncertainPay ? gB[b]! : gFixed;
          const gPrev = uncertainPay ? gPrevB[b]! : gPrevFixed;
          if (gYear !== null) gYear[b * (nYears + 1) + y] = g;
          const alive = y <= death[b]!;
          let k = capital[b]!;
          if (ft && alive) {
            if (y > 0) ftHolding![b] = ftHolding![b]! * (g / gPrev);
            if (y > ft.withdrawalY) ftPension![b] = ftPension![b]! * (g / gPrev / (1 + ft.deduction));
          }
          if (alive) {
            const at = b * stride + wBase;
            let r = 0;
            for (let i = 0; i < nA; i++) r += weights[wBase + i]! * (gross[at + i]! - 1);
            const sal = uncertainPay ? salaryB[b]! : salary;
            let pay = y < nAccum ? sal * payFactor[y]! : 0;
            let c = y < nAccum ? (uncertainPay ? bandedContribution(plan, y, pay, g) : fixedPay!.contribution[y]!) : 0;
            // Disability: the same steps as the path-by-path kernel (kernel/run-chunk.ts), in its order.
            let cNoWaiver = c;
            let assumed = 0;
            if (onsets !== null && y < nAccum) {
              // Certain pay: disabilitySavingYear's steps with the onset's values from the table.
              const on = disOn[b]!;
              if (y === on) kNoWaiver[b] = k;
              const disabledNow = y >= on && y < disEnd[b]!;
              // Neither disabled nor a premium (the hot case): nothing changes.
              if (disabledNow || premiumRate > 0) {
                if (disabledNow) disabledYear(dis!, y, disDegree[b]!, pay, c, onsets.waiver[on * nAccum + y]!, assumedG[b]!, g, disYear);
                else premiumYear(dis!, pay, c, disYear);
                pay = disYear.pay;
                c = disYear.c;
                cNoWaiver = disYear.cNoWaiver;
                assumed = disYear.assumed;
              }
            } else if (dis !== null && y < nAccum && (y >= disFrom[b]! || premiumRate > 0)) {
              // Outside a path's disability window only a premium changes anything: skip the call (the hot case).
              if (y === disOn[b]) kNoWaiver[b] = k;
              disabilitySavingYear(y >= disFrom[b]! ? tracks![b]! : null, plan, y, pay, c, g, disYear);
              pay = disYear.pay;
              c = disYear.c;
              cNoWaiver = disYear.cNoWaiver;
              assumed = disYear.assumed;
            }
            if (ft && y < nAccum && y < ft.withdrawalY) {
              ftHolding![b] = ftHolding![b]! + folketrygdAccrual((ft.selfEmployed ? selfEmployedPensionableIncome(pay, c, g) : pay) + assumed, g);
            }
            const growth = regulation === REGULATION_G ? g / gPrev - 1 : regulation === REGULATION_ZERO_GUARANTEE ? Math.max(0, r) - premium : r;
            const grown = (k + c) * (1 + growth);
            k = Math.max(0, grown * keep - perMember);
            if (y >= disOn[b]!) kNoWaiver[b] = Math.max(0, (kNoWaiver[b]! + cNoWaiver) * (1 + growth) * keep - perMember);
            if (y === disReport[b]) reportIncome(tracks![b]!, p, y, g);
            if (ft && y === ft.withdrawalY) ftPension![b] = ftHolding![b]! / ft.delingstall;
          }
          if (y === death[b]) {
            if (plan.heirsInherit && heirs[0]! >= 0) leaveToHeirs(plan, series, p, k, g, y, heirs);
            // The folketrygd's survivors' benefits on a death before the payout start (rules/no/survivors.ts).
            if (survivors !== null) series[xSurvivors + p] = survivorBenefits(g, plan.startYear + y, plan.childBirthYears, plan.spouse, survivors.spouseIncomeG, survivors.omstillingYears);
            k = 0;
          }
          capital[b] = k;
          series[row + b] = k;
          if (groupFans !== null) series[capitalBase[b]! + (y + 1) * paths] = k;
        }
        continue;
      }
      const j = y - payStart;
      const share = y < plan.gradedUntil ? plan.gradedShare : 1;
      const grossRow = (payoutGrossAt + j) * paths + from;
      const netRow = (payoutNetAt + j) * paths + from;
      for (let b = 0; b < n; b++) {
        const p = from + b;
        const g = uncertainPay ? gB[b]! : gFixed;
        const gPrev = uncertainPay ? gPrevB[b]! : gPrevFixed;
        if (gYear !== null) gYear[b * (nYears + 1) + y] = g;
        const alive = y <= death[b]!;
        let k = capital[b]!;
        if (ft && alive) {
          if (y > 0) ftHolding![b] = ftHolding![b]! * (g / gPrev);
          if (y > ft.withdrawalY) ftPension![b] = ftPension![b]! * (g / gPrev / (1 + ft.deduction));
        }
        if (alive) {
          const at = b * stride + wBase;
          let r = 0;
          for (let i = 0; i < nA; i++) r += weights[wBase + i]! * (gross[at + i]! - 1);
          if (j === 0) {
            series[p] = k;
            if (disOn[b]! < y) series[xWaiver + p] = k - kNoWaiver[b]!;
          }
          if (y === disReport[b]) reportIncome(tracks![b]!, p, y, g);
          let end = payEnd[b]!;
          if (y < end) end = payEnd[b] = dcPayoutEnd(plan, k, g, y, end);
          payoutYear(plan, k, r, end - y, share, j, keep, step);
          const payout = step[0]!;
          k = step[1]!;
          if (ft && y === ft.withdrawalY) ftPension![b] = ftHolding![b]! / ft.delingstall;
          let tax: number;
          if (ft && plan.noTax !== null) {
            // Other pension income besides the folketrygd (AFP, other schemes) is added to it.
            const otherY = (ftPension![b]! * plan.gTaxYear) / g + other;
            tax = payoutTax(plan, payout, g, otherY, taxOf(plan, otherY));
          } else {
            tax = payoutTax(plan, payout, g, other, otherBase);
          }
          series[grossRow + b] = payout;
          series[netRow + b] = payout - tax;
          if (j === 0) {
            const sal = uncertainPay ? salaryB[b]! : salary;
            series[paths + p] = payout;
            series[2 * paths + p] = payout - tax;
            series[3 * paths + p] = payout / sal;
          }
        }
        if (ft && y === payStart) {
          const ftNow = alive ? ftPension![b]! : 0;
          const sal = uncertainPay ? salaryB[b]! : salary;
          series[xFt + p] = ftNow;
          series[xTotal + p] = series[paths + p]! + ftNow;
          series[xTotalRatio + p] = (series[paths + p]! + ftNow) / sal;
        }
        if (y === death[b]) {
          if (plan.heirsInherit && heirs[0]! >= 0) leaveToHeirs(plan, series, p, k, g, y, heirs);
          k = 0;
        }
        capital[b] = k;
        series[row + b] = k;
        if (groupFans !== null) {
          series[capitalBase[b]! + (y + 1) * paths] = k;
          series[payoutBase[b]! + j * paths] = alive ? series[grossRow + b]! : 0;
        }
      }
    }
    for (let b = 0; b < n; b++) {
      const p = from + b;
      if (xOutlived >= 0) series[xOutlived + p] = death[b]! >= payEnd[b]! ? 1 : 0;
      if (priceIndex) writeInflationSeries(plan, series, paths, p, priceIndex.subarray(b * (nYears + 1), (b + 1) * (nYears + 1)));
      if (gYear !== null) writeGSeries(plan, series, paths, p, gYear.subarray(b * (nYears + 1), (b + 1) * (nYears + 1)));
    }
  }
  return { chunk, paths, series };
}

/**
 * The block's n paths ordered by their onset keys (the onset year, nAccum for no onset in the
 * saving years; a counting sort, equal keys in path order). The saving years' per-path work does
 * not depend on the order in which paths are visited (each writes only its own values), but the
 * branches on the disabled years do: in path order they are a coin toss per path, in this order a
 * run each way.
 */
function sortByOnset(key: Int32Array, n: number, order: Int32Array, count: Int32Array): void {
  count.fill(0);
  for (let b = 0; b < n; b++) count[key[b]! + 1]!++;
  for (let k = 1; k < count.length; k++) count[k]! += count[k - 1]!;
  for (let b = 0; b < n; b++) order[count[key[b]!]!++] = b;
}
