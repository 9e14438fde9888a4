/**
 * The deterministic ledger: one path with every return at its expected value and pay on its
 * expected growth, year by year, in decimal.js so the sums are exact and reproducible to the øre.
 * It follows the kernel's timeline exactly (see kernel/run-chunk.ts), so a zero-volatility run
 * equals this ledger to float precision; GOLDEN.md G1 is reproduced through it.
 */
import { Decimal } from 'decimal.js';
import { payoutTax, baseTax } from '../kernel/payout-tax.js';
import { compilePlan } from '../plan/compile-plan.js';
import { contributionBeforeBand } from '../plan/contribution-before-band.js';
import { PAYOUT_LEVEL_ANNUITY } from '../plan/simulation-plan.js';
import type { Scenario } from '../scenario/schema.js';

export type Phase = 'saving' | 'deferral' | 'payout';

export interface LedgerRow {
  phase: Phase;
  year: number;
  age: number;
  /** Pay earned this year (0 in payout; the pay the pension replaces is in the summary). */
  salary: Decimal;
  g: Decimal;
  capitalStart: Decimal;
  contribution: Decimal;
  /** Expected portfolio return this year, as a rate. */
  returnRate: Decimal;
  returnAmount: Decimal;
  fees: Decimal;
  payoutGross: Decimal;
  tax: Decimal;
  payoutNet: Decimal;
  capitalEnd: Decimal;
}

export interface Ledger {
  rows: LedgerRow[];
  capitalAtRetirement: Decimal;
  payAtPayoutStart: Decimal;
  firstPayoutGross: Decimal;
  firstPayoutNet: Decimal;
  replacementRatio: Decimal;
}

const ZERO = new Decimal(0);

export function projectLedger(scenario: Scenario): Ledger {
  const plan = compilePlan(scenario);
  const expected = scenario.profile.assets.map((a) => new Decimal(a.expectedReturn));
  const fee = new Decimal(plan.managementRate);
  const perMember = new Decimal(plan.perMemberFee);
  const taxBase = baseTax(plan);
  const rows: LedgerRow[] = [];
  let k = new Decimal(plan.initialCapital);
  let salary = new Decimal(plan.salary0);
  let capitalAtRetirement = ZERO;
  let payAtPayoutStart = ZERO;
  let first: { gross: Decimal; net: Decimal } | null = null;

  for (let y = 0; y < plan.nYears; y++) {
    if (y > 0) salary = salary.times(1 + plan.wageMean);
    const g = plan.gDet[y]!;
    let r = ZERO;
    for (let i = 0; i < plan.nAssets; i++) r = r.plus(expected[i]!.times(plan.weights[y * plan.nAssets + i]!));
    const phase: Phase = y < plan.nAccum ? 'saving' : y < plan.payStart ? 'deferral' : 'payout';
    const start = k;
    const annuityPayout = phase === 'payout' && plan.payoutMethod === PAYOUT_LEVEL_ANNUITY;
    let contribution = ZERO;
    let payout = ZERO;
    if (phase === 'payout' && y === plan.payStart) {
      capitalAtRetirement = k;
      payAtPayoutStart = salary;
    }
    if (phase === 'saving') {
      const pay = salary.times(plan.payFactor[y]!).toNumber();
      contribution = new Decimal(contributionBeforeBand(plan, y, pay, g));
    }
    // Balance ÷ remaining years is paid at the year start, before the year's return.
    if (phase === 'payout' && !annuityPayout) payout = k.div(plan.nYears - y);
    const invested = k.plus(contribution).minus(payout);
    const grown = invested.times(r.plus(1));
    const afterFee = afterFees(grown, fee, perMember);
    if (annuityPayout) {
      // Level annuity: paid at the year end, re-amortised over the years left; the last takes all.
      const left = plan.nYears - y;
      payout = left === 1 ? afterFee : Decimal.min(annuity(k, plan.technicalRate, left), afterFee);
    }
    k = annuityPayout ? afterFee.minus(payout) : afterFee;
    const tax = phase === 'payout' ? new Decimal(payoutTax(plan, payout.toNumber(), g, taxBase)) : ZERO;
    if (phase === 'payout' && first === null) first = { gross: payout, net: payout.minus(tax) };
    rows.push({
      phase,
      year: plan.startYear + y,
      age: plan.startAge + y,
      salary: phase === 'saving' ? salary.times(plan.payFactor[y]!) : ZERO,
      g: new Decimal(g),
      capitalStart: start,
      contribution,
      returnRate: r,
      returnAmount: grown.minus(invested),
      fees: grown.minus(afterFee),
      payoutGross: payout,
      tax,
      payoutNet: payout.minus(tax),
      capitalEnd: k,
    });
  }
  const f = first ?? { gross: ZERO, net: ZERO };
  return {
    rows,
    capitalAtRetirement,
    payAtPayoutStart,
    firstPayoutGross: f.gross,
    firstPayoutNet: f.net,
    replacementRatio: payAtPayoutStart.isZero() ? ZERO : f.gross.div(payAtPayoutStart),
  };
}

function afterFees(k: Decimal, fee: Decimal, perMember: Decimal): Decimal {
  return Decimal.max(ZERO, k.times(fee.neg().plus(1)).minus(perMember));
}

/** P = K · i / (1 − (1+i)^−n), exactly in decimal; K / n at i = 0 (see rules/annuity.ts). */
function annuity(k: Decimal, rate: number, n: number): Decimal {
  if (rate === 0) return k.div(n);
  const i = new Decimal(rate);
  return k.times(i).div(new Decimal(1).minus(i.plus(1).pow(-n)));
}
