/**
 * The deterministic ledger of a US plan (`pensim project` on a US scenario): one member who stays
 * with the employer, every return at its expected value (funds: Σ wᵢ Eᵢ; company stock: CAPM,
 * r_f + β(E_m − r_f), the default compensated), pay on its expected growth, in decimal.js. The
 * saving years follow kernel/run-us-chunk.ts (the year's money at the year start from the plan's
 * rules, then the return, then the fees); diversification sales, leaving and default are not
 * in it (a path's trace has them). With a payout section the payout years follow
 * kernel/us-payout-years.ts step by step (the NUA sales, the policy, the RMD with its Uniform
 * Lifetime Table divisor, the IRA, then the taxable funds, then the shares, Social Security, the
 * tax, the RMD excess reinvested, the tax of the account events paid from the taxable account,
 * returns and fees) to the horizon; the federal tax is the rule's float figure. A zero-volatility
 * US 401(k) run equals this ledger to float precision (test/us/us-ledger.test.ts).
 */
import { Decimal } from 'decimal.js';
import { compileUsPlan } from '../plan/compile-us.js';
import { NUA_SELL_ALL, NUA_SELL_OVER, WITHDRAW_AMORTIZED, WITHDRAW_CONSTANT_REAL, WITHDRAW_PERCENT } from '../plan/us-payout-plan.js';
import { payGrowthFactor } from '../rules/pay-growth.js';
import { federalIncomeTax } from '../rules/us/federal-tax.js';
import { k401Contributions } from '../rules/us/k401-contributions.js';
import { sepIraContribution } from '../rules/us/sep-ira-contributions.js';
import { simpleIraContributions } from '../rules/us/simple-ira-contributions.js';
import type { UsScenario } from '../scenario/us-schema.js';

const D = (x: number | Decimal) => new Decimal(x);
const ZERO = D(0);
const min = (a: Decimal, b: Decimal) => (a.lt(b) ? a : b);
const max = (a: Decimal, b: Decimal) => (a.gt(b) ? a : b);

export interface UsLedgerSavingRow {
  year: number;
  age: number;
  pay: Decimal;
  deferral: Decimal;
  employer: Decimal;
  returnAmount: Decimal;
  fees: Decimal;
  fundsEnd: Decimal;
  stockEnd: Decimal;
}

export interface UsLedgerPayoutRow {
  year: number;
  age: number;
  iraStart: Decimal;
  taxableStart: Decimal;
  sharesStart: Decimal;
  policy: Decimal;
  rmd: Decimal;
  /** The Uniform Lifetime Table divisor of the year (0 before the RMD age). */
  rmdDivisor: number;
  iraWithdrawal: Decimal;
  otherWithdrawal: Decimal;
  socialSecurity: Decimal;
  tax: Decimal;
  spending: Decimal;
  accountEnd: Decimal;
}

export interface UsLedger {
  kind: 'us';
  plan: string;
  route: 'nua' | 'rollover' | null;
  saving: UsLedgerSavingRow[];
  payout: UsLedgerPayoutRow[];
  accountAtRetirement: Decimal;
  /** After the heirs' tax, at the horizon (null without a payout). */
  bequest: Decimal | null;
}

export function projectUsLedger(s: UsScenario): UsLedger {
  const plan = compileUsPlan(s);
  const nA = plan.nAssets;
  const E = s.profile.assets.map((a) => a.expectedReturn);
  const keep = D(1).minus(plan.managementRate);
  const fee = D(plan.perMemberFee);
  const fundRate = (weights: Float64Array, y: number) => E.reduce((r, e, i) => r.plus(D(weights[y * nA + i]!).times(e)), ZERO);
  const stock = s.employerStock;
  const stockRate = stock ? D(stock.riskFreeRate).plus(D(stock.beta).times(D(E[s.profile.assets.findIndex((a) => a.name === stock.marketAsset)]!).minus(stock.riskFreeRate))) : ZERO;
  const saving: UsLedgerSavingRow[] = [];
  let funds = D(plan.initialCapital);
  let stockValue = ZERO;
  let basis = ZERO;
  let pay = plan.salary0;
  for (let y = 0; y < plan.nYears; y++) {
    if (y > 0) pay *= payGrowthFactor(plan.wageMean, 0);
    const age = plan.startAge + y;
    const lim = plan.limits[y]!;
    let deferral = 0;
    let match = 0;
    let nonelective = 0;
    if (plan.kind === 'us-401k' || plan.kind === 'us-ksop') {
      const c = k401Contributions(pay, plan.deferralRate, plan.match, plan.nonelectiveRate, lim, age);
      deferral = c.deferral;
      match = c.match;
      nonelective = c.nonelective;
    } else if (plan.kind === 'us-simple-ira') {
      const c = simpleIraContributions(pay, plan.deferralRate, plan.simpleFormula, lim, age);
      deferral = c.deferral;
      match = c.employer;
    } else {
      nonelective = sepIraContribution(pay, plan.sepRate, lim);
    }
    const inStock = plan.matchInStock && stock !== undefined;
    const toStock = inStock ? D(match).plus(D(deferral).times(plan.deferralStockShare)) : ZERO;
    funds = funds.plus(deferral).plus(match).plus(nonelective).minus(toStock);
    stockValue = stockValue.plus(toStock);
    basis = basis.plus(toStock);
    const r = fundRate(plan.weights, y);
    const ret = funds.times(r).plus(stockValue.times(stockRate));
    funds = funds.times(r.plus(1));
    stockValue = stockValue.times(stockRate.plus(1));
    const before = funds;
    funds = max(ZERO, funds.times(keep).minus(fee));
    saving.push({ year: plan.startYear + y, age, pay: D(pay), deferral: D(deferral), employer: D(match + nonelective), returnAmount: ret, fees: before.minus(funds), fundsEnd: funds, stockEnd: stockValue });
  }
  const accountAtRetirement = funds.plus(stockValue);
  const po = plan.payout;
  if (!po) return { kind: 'us', plan: plan.kind, route: null, saving, payout: [], accountAtRetirement, bequest: null };

  const inKind = po.nua && stockValue.gt(0);
  let ira = inKind ? funds : funds.plus(stockValue);
  let shares = inKind ? stockValue : ZERO;
  let sharesBasis = inKind ? min(basis, stockValue) : ZERO;
  let nuaHeld = inKind ? stockValue.minus(sharesBasis) : ZERO;
  let distributionIncome = sharesBasis;
  let taxable = ZERO;
  let taxableBasis = ZERO;
  let b0 = ZERO;
  let bequest = ZERO;
  const ord = D(po.ordinaryRate);
  const cg = D(po.capitalGainsRate);
  const payout: UsLedgerPayoutRow[] = [];
  // Take `amount` from the taxable funds (their basis in proportion); returns what they paid.
  const fromTaxable = (amount: Decimal) => {
    const t = min(amount, taxable);
    if (taxable.gt(0)) taxableBasis = taxableBasis.minus(taxableBasis.times(t).div(taxable));
    taxable = taxable.minus(t);
    return t;
  };
  for (let k = 0; k < po.nPayout; k++) {
    const P = D(po.priceIndex[k]!);
    let policyGains = ZERO;
    if (shares.gt(0)) {
      const frac = po.nuaSales === NUA_SELL_ALL ? D(1) : po.nuaSales === NUA_SELL_OVER && k < po.nuaSellYears ? D(1).div(po.nuaSellYears - k) : ZERO;
      if (frac.gt(0)) {
        const proceeds = frac.times(shares);
        const b = frac.times(sharesBasis);
        if (proceeds.gt(b)) policyGains = proceeds.minus(b);
        taxable = taxable.plus(proceeds);
        taxableBasis = taxableBasis.plus(proceeds);
        shares = shares.minus(proceeds);
        sharesBasis = sharesBasis.minus(b);
        nuaHeld = nuaHeld.minus(frac.times(nuaHeld));
      }
    }
    let gains = policyGains;
    const balance = ira.plus(taxable).plus(shares);
    if (k === 0) b0 = balance;
    let w = ZERO;
    if (po.withdrawal === WITHDRAW_CONSTANT_REAL) w = D(po.withdrawalRate).times(b0).times(P).div(po.priceIndex[0]!);
    else if (po.withdrawal === WITHDRAW_PERCENT) w = D(po.withdrawalRate).times(balance);
    else if (po.withdrawal === WITHDRAW_AMORTIZED) w = balance.times(po.amortizedFactor[k]!);
    if (po.floor >= 0) w = max(w, P.times(po.floor));
    if (po.ceiling >= 0) w = min(w, P.times(po.ceiling));
    const div = po.rmdDivisor[k]!;
    const rmd = div > 0 && ira.gt(0) ? ira.div(div) : ZERO;
    const row = { year: po.firstYear + k, age: po.retirementAge + k, iraStart: ira, taxableStart: taxable, sharesStart: shares, policy: w, rmd, rmdDivisor: div };
    const iraDraw = min(ira, max(w, rmd));
    ira = ira.minus(iraDraw);
    const excess = max(ZERO, rmd.minus(w));
    let need = w.minus(iraDraw.minus(excess));
    let other = ZERO;
    if (need.gt(0) && taxable.gt(0)) {
      const before = taxableBasis;
      const t = fromTaxable(need);
      const b = before.minus(taxableBasis);
      if (t.gt(b)) gains = gains.plus(t.minus(b));
      other = other.plus(t);
      need = need.minus(t);
    }
    if (need.gt(0) && shares.gt(0)) {
      const sold = min(need, shares);
      const f = sold.div(shares);
      const b = f.times(sharesBasis);
      if (sold.gt(b)) gains = gains.plus(sold.minus(b));
      sharesBasis = sharesBasis.minus(b);
      nuaHeld = nuaHeld.minus(f.times(nuaHeld));
      shares = shares.minus(sold);
      other = other.plus(sold);
      need = need.minus(sold);
    }
    const ss = D(po.socialSecurity[k]!);
    const ordinary = iraDraw.plus(distributionIncome);
    distributionIncome = ZERO;
    const federal = (o: Decimal, g: Decimal) =>
      D(federalIncomeTax({ ordinaryIncome: o.toNumber(), longTermGains: g.toNumber(), socialSecurity: ss.toNumber(), age: po.retirementAge + k, filing: po.filing, year: po.firstYear + k, indexFactor: po.taxIndex[k]! }));
    let tax = po.federal ? federal(ordinary, gains) : ord.times(ordinary.plus(ss.times(0.85))).plus(cg.times(gains));
    taxable = taxable.plus(excess);
    taxableBasis = taxableBasis.plus(excess);
    const spendOrdinary = iraDraw.minus(excess);
    let eventTax = ZERO;
    if (ordinary.gt(spendOrdinary) || policyGains.gt(0)) {
      eventTax = max(ZERO, po.federal ? tax.minus(federal(spendOrdinary, gains.minus(policyGains))) : ord.times(ordinary.minus(spendOrdinary)).plus(cg.times(policyGains)));
      let owe = eventTax.minus(fromTaxable(eventTax));
      if (owe.gt(0) && shares.gt(0)) {
        const sell = min(owe, shares);
        const f = D(1).minus(sell.div(shares));
        sharesBasis = sharesBasis.times(f);
        nuaHeld = nuaHeld.times(f);
        shares = shares.minus(sell);
        owe = owe.minus(sell);
      }
      ira = ira.minus(min(owe, ira));
    }
    tax = tax.plus(D(po.additionalTax[k]!).times(iraDraw));
    let spending = spendOrdinary.plus(other).plus(ss).minus(tax.minus(eventTax));
    if (spending.lt(0)) {
      const owe = spending.neg().minus(fromTaxable(spending.neg()));
      ira = ira.minus(min(owe, ira));
      spending = ZERO;
    }
    const r = fundRate(po.weights, k);
    ira = max(ZERO, ira.times(r.plus(1)).times(keep).minus(fee));
    taxable = taxable.times(r.plus(1)).times(keep);
    shares = shares.times(stockRate.plus(1));
    const accountEnd = ira.plus(taxable).plus(shares);
    payout.push({ ...row, iraWithdrawal: iraDraw, otherWithdrawal: other, socialSecurity: ss, tax, spending, accountEnd });
    if (k === po.nPayout - 1) {
      const ird = min(nuaHeld, shares.minus(sharesBasis));
      bequest = ira.times(D(1).minus(ord)).plus(taxable).plus(shares).minus(ird.gt(0) ? cg.times(ird) : ZERO);
    }
  }
  return { kind: 'us', plan: plan.kind, route: po.nua ? 'nua' : 'rollover', saving, payout, accountAtRetirement, bequest };
}
