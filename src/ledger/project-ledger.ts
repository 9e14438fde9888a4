/**
 * The deterministic ledger: one surviving member with every return at its expected value and pay
 * on its expected growth, year by year, in decimal.js so the sums are exact and reproducible to the
 * øre. It follows the kernel's timeline exactly (see kernel/run-chunk.ts), so a zero-volatility
 * run without lifetime risk equals this ledger to float precision; the golden case G1 (docs/model.md §11) is reproduced
 * through it. Rule amounts (contributions, tax, folketrygd accrual) come from the shared rule
 * functions; the capital roll-forward is decimal.
 * Disability (docs/model.md §2.9) enters the ledger only at a forced age (the scenario's
 * disability.forcedAge, or `pensim project --disability-age`): the expected member is otherwise not
 * disabled. It follows the kernel's DisabilityTrack: pay by the degree, the waived contributions, the
 * assumed income's accrual, the income while disabled, and the capital without the waiver beside it.
 */
import { Decimal } from 'decimal.js';
import { payoutTax, taxOf } from '../kernel/payout-tax.js';
import { bandedContribution } from '../plan/banded-contribution.js';
import { compilePlan } from '../plan/compile-plan.js';
import { dcPayoutEnd } from '../plan/dc-payout-end.js';
import {
  PAYOUT_BALANCE_OVER_REMAINING,
  PAYOUT_LEVEL_ANNUITY,
  REGULATION_G,
  REGULATION_ZERO_GUARANTEE,
  type SimulationPlan,
} from '../plan/simulation-plan.js';
import { folketrygdAccrual, selfEmployedPensionableIncome } from '../rules/no/folketrygd.js';
import { DisabilityTrack, disabilitySavingYear, type DisabilityYear } from '../plan/disability-track.js';
import type { Scenario } from '../scenario/schema.js';

export type Phase = 'saving' | 'deferral' | 'payout';

export interface LedgerRow {
  phase: Phase;
  year: number;
  age: number;
  /** Pay earned this year (0 after retirement; the pay the pension replaces is in the summary). */
  salary: Decimal;
  g: Decimal;
  capitalStart: Decimal;
  contribution: Decimal;
  /** Expected portfolio return (or the hybrid's regulation) this year, as a rate. */
  returnRate: Decimal;
  returnAmount: Decimal;
  fees: Decimal;
  payoutGross: Decimal;
  tax: Decimal;
  payoutNet: Decimal;
  /** Folketrygd pension paid this year (0 without the module or before withdrawal). */
  folketrygd: Decimal;
  capitalEnd: Decimal;
  /** At a forced disability age: uføretrygd + disability pension paid this year, and the waiver's part of the contribution. */
  disabilityIncome?: Decimal;
  waivedContribution?: Decimal;
}

export interface Ledger {
  rows: LedgerRow[];
  capitalAtRetirement: Decimal;
  payAtPayoutStart: Decimal;
  firstPayoutGross: Decimal;
  firstPayoutNet: Decimal;
  replacementRatio: Decimal;
  /** Folketrygd pension in the payout start year, and DC + folketrygd over pay (0 without the module). */
  folketrygdAtPayoutStart: Decimal;
  totalReplacementRatio: Decimal;
  /**
   * At a forced disability age: the age, the pay at disability, the income while disabled in the
   * year the kernel reports it (disabilityIncome), the contributions the waiver paid, the capital at
   * the payout start without the waiver and the waiver's gain.
   */
  disabilityAge?: number;
  payAtDisability?: Decimal;
  disabilityIncome?: Decimal;
  waivedContributions?: Decimal;
  capitalWithoutWaiver?: Decimal;
  waiverGain?: Decimal;
  /** With a drawn degree: the degree the ledger used, the table's mean (it has no draws). */
  meanDrawnDegree?: number;
}

const ZERO = new Decimal(0);

export function projectLedger(scenario: Scenario): Ledger {
  const plan = compilePlan(scenario);
  const expected = scenario.profile.assets.map((a) => new Decimal(a.expectedReturn));
  const ft = plan.folketrygd;
  const otherBase = taxOf(plan, plan.otherIncome);
  const rows: LedgerRow[] = [];
  let k = new Decimal(plan.initialCapital);
  let salary = new Decimal(plan.salary0);
  let ftHolding = ft ? ft.initialHolding : 0;
  let ftPension = 0;
  let payEnd = plan.nYears;
  const summary = { capitalAtRetirement: ZERO, payAtPayoutStart: ZERO, gross: ZERO, net: ZERO, ft: ZERO };
  const dis = plan.disability !== null && plan.disability.forcedY >= 0 ? plan.disability : null;
  // A drawn degree: the table's mean (plan.degree), as the ledger has no draws.
  const track = dis ? new DisabilityTrack({ ...dis, recovery: 0, degreeValues: null, degreeCum: null }) : null;
  track?.start(0, 0);
  const disYear: DisabilityYear = { pay: 0, c: 0, cNoWaiver: 0, assumed: 0 };
  const disabled = { kNoWaiver: ZERO, waived: ZERO, income: ZERO, noWaiverAtStart: ZERO };
  const reportY = track ? Math.min(track.reportYear(), dis!.endY - 1) : -1;

  for (let y = 0; y < plan.nYears; y++) {
    const gPrev = plan.gDet[Math.max(0, y - 1)]!;
    const g = plan.gDet[y]!;
    if (y > 0) salary = salary.times(1 + plan.wageMean);
    if (ft && y > 0) ftHolding *= g / gPrev;
    if (ft && y > ft.withdrawalY) ftPension *= g / gPrev / (1 + ft.deduction);
    let r = ZERO;
    for (let i = 0; i < plan.nAssets; i++) r = r.plus(expected[i]!.times(plan.weights[y * plan.nAssets + i]!));
    const phase: Phase = y < plan.nAccum ? 'saving' : y < plan.payStart ? 'deferral' : 'payout';
    const start = k;
    const pay = phase === 'saving' ? salary.times(plan.payFactor[y]!) : ZERO;
    let contribution = ZERO;
    let waived = ZERO;
    let payout = ZERO;
    let invested: Decimal;
    let grown: Decimal;
    let afterFee: Decimal;
    let earned = pay;
    if (phase !== 'payout') {
      let payNum = pay.toNumber();
      let c = phase === 'saving' ? bandedContribution(plan, y, payNum, g) : 0;
      let cNoWaiver = c;
      let assumed = 0;
      if (plan.disability !== null && phase === 'saving') {
        // The kernels' step (plan/disability-track.ts): without a disability age only the covers' premium.
        if (track && y === track.onset) disabled.kNoWaiver = k;
        disabilitySavingYear(track, plan, y, payNum, c, g, disYear);
        if (track && track.disabled(y)) {
          waived = new Decimal(disYear.c - disYear.cNoWaiver);
          earned = new Decimal(disYear.pay);
        }
        payNum = disYear.pay;
        c = disYear.c;
        cNoWaiver = disYear.cNoWaiver;
        assumed = disYear.assumed;
      }
      contribution = new Decimal(c);
      if (ft && phase === 'saving' && y < ft.withdrawalY) {
        ftHolding += folketrygdAccrual((ft.selfEmployed ? selfEmployedPensionableIncome(payNum, c, g) : payNum) + assumed, g);
      }
      r = regulated(plan, r, g, gPrev);
      invested = k.plus(contribution);
      grown = invested.times(r.plus(1));
      afterFee = afterFees(plan, grown);
      k = afterFee;
      if (track && y >= track.onset) disabled.kNoWaiver = afterFees(plan, disabled.kNoWaiver.plus(cNoWaiver).times(r.plus(1)));
      disabled.waived = disabled.waived.plus(waived);
    } else {
      const j = y - plan.payStart;
      if (j === 0) {
        summary.capitalAtRetirement = k;
        summary.payAtPayoutStart = salary;
        disabled.noWaiverAtStart = disabled.kNoWaiver;
      }
      if (y < payEnd) payEnd = dcPayoutEnd(plan, k.toNumber(), g, y, payEnd);
      const left = payEnd - y;
      const share = y < plan.gradedUntil ? plan.gradedShare : 1;
      if (left <= 0) {
        invested = grown = afterFee = ZERO;
      } else if (plan.payoutMethod === PAYOUT_LEVEL_ANNUITY) {
        // Paid at the year end, re-amortised over the years left; the last year takes all.
        invested = k;
        grown = k.times(r.plus(1));
        afterFee = afterFees(plan, grown);
        payout = left === 1 ? afterFee : Decimal.min(annuity(k, plan.technicalRate, left).times(share), afterFee);
        k = afterFee.minus(payout);
      } else {
        // Paid at the year start: balance ÷ years left, or holding ÷ life annuity factor.
        payout = plan.payoutMethod === PAYOUT_BALANCE_OVER_REMAINING ? (left === 1 ? k : k.div(left).times(share)) : k.div(plan.lifeAnnuity[j]!);
        invested = k.minus(payout);
        grown = invested.times(r.plus(1));
        afterFee = afterFees(plan, grown);
        k = plan.oneYearSurvival ? afterFee.div(plan.oneYearSurvival[j]!) : afterFee;
      }
    }
    if (ft && y === ft.withdrawalY) ftPension = ftHolding / ft.delingstall;
    let tax = ZERO;
    if (phase === 'payout') {
      const other = ft && plan.noTax !== null ? (ftPension * plan.gTaxYear) / g + plan.otherIncome : plan.otherIncome;
      tax = new Decimal(payoutTax(plan, payout.toNumber(), g, other, ft ? taxOf(plan, other) : otherBase));
      if (y === plan.payStart) {
        summary.gross = payout;
        summary.net = payout.minus(tax);
        summary.ft = new Decimal(ftPension);
      }
    }
    const income = track ? new Decimal(track.uforetrygd(y, g) + track.pensionIn(y)) : ZERO;
    if (y === reportY) disabled.income = income;
    rows.push({
      phase,
      year: plan.startYear + y,
      age: plan.startAge + y,
      salary: earned,
      g: new Decimal(g),
      capitalStart: start,
      contribution,
      returnRate: r,
      returnAmount: grown.minus(invested),
      fees: grown.minus(afterFee),
      payoutGross: payout,
      tax,
      payoutNet: payout.minus(tax),
      folketrygd: new Decimal(ftPension),
      capitalEnd: k,
      ...(track ? { disabilityIncome: income, waivedContribution: waived } : {}),
    });
  }
  const pay = summary.payAtPayoutStart;
  const ratio = (x: Decimal) => (pay.isZero() ? ZERO : x.div(pay));
  return {
    rows,
    capitalAtRetirement: summary.capitalAtRetirement,
    payAtPayoutStart: pay,
    firstPayoutGross: summary.gross,
    firstPayoutNet: summary.net,
    replacementRatio: ratio(summary.gross),
    folketrygdAtPayoutStart: summary.ft,
    totalReplacementRatio: ratio(summary.gross.plus(summary.ft)),
    ...(track
      ? {
          disabilityAge: plan.startAge + track.onset,
          payAtDisability: new Decimal(track.payAtOnset),
          disabilityIncome: disabled.income,
          waivedContributions: disabled.waived,
          capitalWithoutWaiver: disabled.noWaiverAtStart,
          waiverGain: summary.capitalAtRetirement.minus(disabled.noWaiverAtStart),
          ...(dis!.degreeCum !== null && { meanDrawnDegree: track.degree }),
        }
      : {}),
  };
}

/** The holding's growth rate before the payout: the expected return, or a hybrid's regulation. */
function regulated(plan: SimulationPlan, r: Decimal, g: number, gPrev: number): Decimal {
  if (plan.regulation === REGULATION_G) return new Decimal(g).div(gPrev).minus(1);
  if (plan.regulation === REGULATION_ZERO_GUARANTEE) return Decimal.max(r, 0).minus(plan.guaranteePremium);
  return r;
}

function afterFees(plan: SimulationPlan, k: Decimal): Decimal {
  return Decimal.max(ZERO, k.times(1 - plan.managementRate).minus(plan.perMemberFee));
}

/** P = K · i / (1 − (1+i)^−n), exactly in decimal; K / n at i = 0 (see rules/annuity.ts). */
function annuity(k: Decimal, rate: number, n: number): Decimal {
  if (rate === 0) return k.div(n);
  const i = new Decimal(rate);
  return k.times(i).div(new Decimal(1).minus(i.plus(1).pow(-n)));
}
