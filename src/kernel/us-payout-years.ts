/**
 * The payout years of a US plan (docs/us-plans.md "Payout years"), path by path after the saving
 * years of kernel/run-us-chunk.ts, allocation-free: the buffers and streams are made once per chunk.
 *
 * Draws (common random numbers): the payout years' market from the chunk's own 'payout-market'
 * stream (the saving years' draws are those of the same plan without a payout; two scenarios with
 * the same retirement and horizon ages see the same payout markets), the company stock after the
 * distribution from 'payout-stock'/'payout-stock-tail'/'payout-default', the age at death from
 * 'lifetime' (one uniform a path, inverted on the US period life table), under an inflation model
 * its shocks from 'payout-inflation' (one normal a payout year). Under sobol the payout years draw
 * pseudo-random normals (the points cover the saving years).
 *
 * Price index: deterministic, P_k = (1 + i)^(saving years + k) from the start year; under the AR(1)
 * model (market/inflation-ar1.ts, its recurrence with no market loadings) each path scales the
 * mean's index by its own draws, P_k = P̄_k × Π_{j<k} (1 + π_j)/(1 + μ), so the saving years
 * compound at the mean and a model with sd = 0 and π = μ throughout gives the deterministic run's
 * numbers to the last bit. The path's P_k drives the constant-real amount, the floor and ceiling,
 * the Social Security COLA, the brackets' index after 2026 and every real figure.
 *
 * The distribution at the retirement age, by route: rollover, the whole account to an IRA; NUA,
 * the funds to an IRA and the company shares in kind to a taxable account, min(basis, value) taxed
 * as ordinary income in the first payout year, their tax basis that amount. With company stock
 * both routes run on the same path; the scenario's route gives the fans and the headline figures.
 *
 * A payout year k (age a = retirement + k), at the year start:
 *  1. NUA sales by the policy (all at once, an equal share of the rest over N years, or hold):
 *     the gain over the basis is a long-term gain; the proceeds go to the taxable funds.
 *  2. The policy's gross amount W: constant-real rate × B₀ × P_k/P₀ (B₀ the accounts in year 0),
 *     percent rate × B_k, amortized B_k × annuity-due factor over the years to the horizon,
 *     rmd-only 0; clamped to [floor, ceiling] × P_k (start-year dollars).
 *  3. The RMD = IRA / divisor(a) from the RMD age (the IRA at the year start is the prior year-end
 *     balance). The IRA pays max(W, RMD) (never the sum); the part of W it cannot pay comes from
 *     the taxable funds (their gain share realized), then the NUA shares. What is still missing of
 *     W is a year short: the accounts have run out.
 *  4. Tax on the year: ordinary income (the IRA withdrawal, the NUA basis in year 0), the
 *     long-term gains and Social Security, federal (rules/us/federal-tax.ts) or flat (ordinary
 *     rate, gains rate, 85 % of Social Security at the ordinary rate); plus the §72(t) rate × the
 *     IRA withdrawal. Convention: the policy sets the spending before tax: spending = W's
 *     withdrawals + Social Security − the tax on them alone. The RMD excess max(0, RMD − W) is
 *     reinvested in the taxable funds, and the tax that the account events add (the excess, the
 *     NUA basis in year 0, the gains of the policy's NUA sales: the year's tax less the tax without
 *     them) is paid from the taxable account, not from the spending.
 *  5. Returns: the IRA and the taxable funds earn the payout weights' return and pay the profile's
 *     fees; the shares earn the stock's (a default moves the recovery to the taxable funds).
 *     The stock's gross return is computed only for the years with shares (its draws are made for
 *     every year, so the streams stay aligned): sold within a few years, the rest cost nothing.
 * Death falls at the end of the year drawn (that year is spent). The fans follow every path to the
 * horizon (death is independent of the markets, so these are the distributions among the living);
 * the totals stop at death. Bequest (after the heirs' tax): IRA × (1 − ordinary rate) + taxable
 * funds + shares − the gains rate × the NUA still unrealized (IRD, no step-up: Rev. Rul. 75-125).
 */
import type { EmployerStockModel } from '../market/employer-stock.js';
import { fillInflationAr1 } from '../market/inflation-ar1.js';
import { NormalSource } from '../random/normal-source.js';
import { createEmployerStockPath, type EmployerStockPath } from '../market/employer-stock.js';
import { createMarketPath, type MarketPath } from '../market/market-path.js';
import type { PortfolioPlan } from '../plan/simulation-plan.js';
import { NUA_SELL_ALL, NUA_SELL_OVER, US_PAYOUT_SERIES, WITHDRAW_AMORTIZED, WITHDRAW_CONSTANT_REAL, WITHDRAW_PERCENT, type UsPayoutPlan, type UsPayoutSeries } from '../plan/us-payout-plan.js';
import { chunkStream, chunkXor4096, type RandomStream } from '../random/chunk-stream.js';
import { federalIncomeTax, type FederalTaxInput } from '../rules/us/federal-tax.js';

/** Spending below this counts as this for the CRRA utility (u(0) is −∞ for γ ≥ 1). */
export const MIN_UTILITY_SPENDING = 1;

/** One payout year of the traced path (engine/trace-path.ts), the scenario's route. */
export interface UsPayoutTraceYear {
  k: number;
  age: number;
  alive: boolean;
  iraStart: number;
  taxableStart: number;
  sharesStart: number;
  /** The policy's gross amount and the RMD. */
  policy: number;
  rmd: number;
  rmdDivisor: number;
  iraWithdrawal: number;
  taxableWithdrawal: number;
  sharesSold: number;
  socialSecurity: number;
  ordinaryIncome: number;
  longTermGains: number;
  tax: number;
  additionalTax: number;
  /** Nominal spending after tax, and in start-year dollars. */
  spending: number;
  spendingReal: number;
  /** The year's inflation (P_{k+1}/P_k − 1; the path's draw under a model) and the price index at its start (1 in the start year). */
  inflation: number;
  priceIndex: number;
  short: number;
  fundReturn: number;
  stockReturn: number | null;
  iraEnd: number;
  taxableEnd: number;
  sharesEnd: number;
}

/** A route's totals over the years lived. */
interface RouteTotals {
  spending: number;
  bequestReal: number;
  utility: number;
}

export interface UsPayoutYears {
  /** Simulate the path's payout after the distribution: the plan's funds and company stock (value, lots' basis). */
  run(p: number, fund: number, stockValue: number, stockBasis: number, stockAlive: boolean, trace?: (t: UsPayoutTraceYear) => void): void;
}

interface PayoutContext {
  plan: PortfolioPlan & { stock: EmployerStockModel | null; payout: UsPayoutPlan };
  seed: number;
  chunk: number;
  firstPath: number;
  paths: number;
  series: Float64Array;
  /** Series index of US_PAYOUT_SERIES[0]. */
  at: number;
}

export function createUsPayoutYears(ctx: PayoutContext): UsPayoutYears {
  const { plan, seed, chunk, paths, series } = ctx;
  const po = plan.payout;
  const nP = po.nPayout;
  const nA = plan.nAssets;
  const market: MarketPath = createMarketPath(
    { nYears: nP, nAssets: nA, logMean: plan.logMean, covFactor: plan.covFactor, sampler: plan.sampler === 'sobol' ? 'pseudo' : plan.sampler, stream: 'payout-market' },
    seed,
    chunk,
    ctx.firstPath,
  );
  const gross = market.gross;
  const stockPath: EmployerStockPath | null = plan.stock
    ? createEmployerStockPath(plan.stock, nP, {
        eps: chunkXor4096(seed, chunk, 'payout-stock'),
        tail: chunkStream(seed, chunk, 'payout-stock-tail'),
        default: chunkXor4096(seed, chunk, 'payout-default'),
      })
    : null;
  const life: RandomStream | null = po.deathCdf ? chunkStream(seed, chunk, 'lifetime') : null;
  const keep = 1 - plan.managementRate;
  const fee = plan.perMemberFee;
  const colOf = (name: UsPayoutSeries) => (ctx.at + US_PAYOUT_SERIES.indexOf(name)) * paths;
  const COL = Object.fromEntries(US_PAYOUT_SERIES.map((n) => [n, colOf(n)])) as Record<UsPayoutSeries, number>;
  const accountAt = (ctx.at + US_PAYOUT_SERIES.length) * paths;
  const spendingAt = accountAt + nP * paths;
  const ranOutAt = spendingAt + nP * paths;
  const taxIn: FederalTaxInput = { ordinaryIncome: 0, longTermGains: 0, socialSecurity: 0, age: 0, filing: po.filing, year: 0, indexFactor: 1 };
  const gamma = po.gamma;
  // u(c) is written out where it is summed (route): a call returning a double, not inlined there,
  // boxed it (an allocation a path-year). γ = 2 and 3 (compare's default) without a pow: the same
  // numbers to the last bit or two, and the pow is a visible share of a path-year.
  const totals: RouteTotals = { spending: 0, bequestReal: 0, utility: 0 };
  const { rmdDivisor, additionalTax, amortizedFactor } = po;
  // Under an inflation model the path's own index, brackets' factor and Social Security (buffers made once per chunk); else the plan's.
  const model = po.inflation;
  const inflationNormal = model ? new NormalSource(chunkXor4096(seed, chunk, 'payout-inflation')) : null;
  const inflationEps = new Float64Array(model ? nP : 0);
  const pi = new Float64Array(model ? nP : 0);
  const piIndex = new Float64Array(model ? nP + 1 : 0);
  const P = model ? new Float64Array(nP + 1) : po.priceIndex;
  const taxIndex = model ? new Float64Array(nP) : po.taxIndex;
  const socialSecurity = model ? new Float64Array(nP) : po.socialSecurity;
  const indexAt = model ? colOfFan(0) : -1;
  function colOfFan(j: number): number {
    return (ctx.at + US_PAYOUT_SERIES.length + 3 * nP + j) * paths;
  }
  /** Draw the path's inflation and scale the mean's index, brackets' factor and benefits by it. */
  function drawInflation(): void {
    fillInflationAr1(model!, inflationNormal!, inflationEps, null, 0, null, nP, pi, piIndex);
    const trend = 1 + model!.mean;
    let d = 1;
    let dTax = 1;
    for (let k = 0; k < nP; k++) {
      P[k] = po.priceIndex[k]! * d;
      taxIndex[k] = po.taxIndex[k]! * dTax;
      socialSecurity[k] = po.socialSecurity[k]! * d;
      const ratio = (1 + pi[k]!) / trend;
      d *= ratio;
      if (k >= po.taxModelFrom) dTax *= ratio;
    }
    P[nP] = po.priceIndex[nP]! * d;
  }
  const fundReturn = new Float64Array(nP);
  const ordRate = po.ordinaryRate;
  const cgRate = po.capitalGainsRate;

  /**
   * One route on the current path's draws. `write`: the fans and the scalars of the scenario's
   * route go to the series (the path is followed to the horizon); else only `totals`, to death.
   */
  function route(p: number, nua: boolean, fund: number, stockValue: number, stockBasis: number, stockAlive: boolean, deathK: number, write: boolean, trace?: (t: UsPayoutTraceYear) => void): void {
    // Unary plus: the optimizer knows nothing of a parameter's type, so the accounts started from
    // these stayed boxed through the year loop (a heap number per account per path-year).
    fund = +fund;
    stockValue = +stockValue;
    stockBasis = +stockBasis;
    const inKind = nua && stockAlive && stockValue > 0;
    let ira = inKind ? fund : fund + (stockAlive ? stockValue : 0);
    let shares = inKind ? stockValue : 0;
    // The tax basis of the shares in kind is the amount taxed as ordinary income at the distribution.
    let sharesBasis = inKind ? Math.min(stockBasis, stockValue) : 0;
    // The NUA (appreciation at the distribution) still held: IRD for the heirs, no step-up.
    let nuaHeld = inKind ? stockValue - sharesBasis : 0;
    let distributionIncome = sharesBasis;
    let taxable = 0;
    let taxableBasis = 0;
    let alive = stockAlive;
    let b0 = 0;
    let ranOut = 0;
    let yearsShort = 0;
    let spendingSum = 0;
    let utilitySum = 0;
    let rmdExcess = 0;
    let taxes = 0;
    let bequest = 0;
    let bequestReal = 0;
    let outYet = 0;
    const last = write ? nP - 1 : deathK;
    for (let k = 0; k <= last; k++) {
      const lived = k <= deathK;
      let policyGains = 0;
      // 1. NUA sales by the policy.
      if (shares > 0) {
        let frac = 0;
        if (po.nuaSales === NUA_SELL_ALL) frac = 1;
        else if (po.nuaSales === NUA_SELL_OVER && k < po.nuaSellYears) frac = 1 / (po.nuaSellYears - k);
        if (frac > 0) {
          const proceeds = frac * shares;
          const basis = frac * sharesBasis;
          if (proceeds > basis) policyGains = proceeds - basis;
          taxable += proceeds;
          taxableBasis += proceeds;
          shares -= proceeds;
          sharesBasis -= basis;
          nuaHeld -= frac * nuaHeld;
        }
      }
      let gains = policyGains;
      const balance = ira + taxable + shares;
      if (k === 0) b0 = balance;
      // 2. The policy's gross amount.
      let w: number;
      switch (po.withdrawal) {
        case WITHDRAW_CONSTANT_REAL: w = (po.withdrawalRate * b0 * P[k]!) / P[0]!; break;
        case WITHDRAW_PERCENT: w = po.withdrawalRate * balance; break;
        case WITHDRAW_AMORTIZED: w = balance * amortizedFactor[k]!; break;
        default: w = 0;
      }
      if (po.floor >= 0 && w < po.floor * P[k]!) w = po.floor * P[k]!;
      if (po.ceiling >= 0 && w > po.ceiling * P[k]!) w = po.ceiling * P[k]!;
      // 3. RMD, then the IRA, the taxable funds, the shares.
      const div = rmdDivisor[k]!;
      const rmd = div > 0 && ira > 0 ? ira / div : 0;
      const iraStart = ira;
      const taxableStart = taxable;
      const sharesStart = shares;
      let iraDraw = w > rmd ? w : rmd;
      if (iraDraw > ira) iraDraw = ira;
      ira -= iraDraw;
      const excess = rmd > w ? rmd - w : 0;
      let need = w - (iraDraw - excess);
      let fromTaxable = 0;
      if (need > 0 && taxable > 0) {
        fromTaxable = need < taxable ? need : taxable;
        const basisShare = (taxableBasis * fromTaxable) / taxable;
        if (fromTaxable > basisShare) gains += fromTaxable - basisShare;
        taxableBasis -= basisShare;
        taxable -= fromTaxable;
        need -= fromTaxable;
      }
      let sold = 0;
      if (need > 0 && shares > 0) {
        sold = need < shares ? need : shares;
        const f = sold / shares;
        const basis = f * sharesBasis;
        if (sold > basis) gains += sold - basis;
        sharesBasis -= basis;
        nuaHeld -= f * nuaHeld;
        shares -= sold;
        need -= sold;
      }
      const short = need > 1e-9 * (w > 1 ? w : 1) ? need : 0;
      if (short > 0) outYet = 1;
      if (short > 0 && lived) {
        ranOut = 1;
        yearsShort++;
      }
      // 4. Tax.
      const ss = socialSecurity[k]!;
      const ordinary = iraDraw + distributionIncome;
      distributionIncome = 0;
      let tax: number;
      if (po.federal) {
        taxIn.ordinaryIncome = ordinary;
        taxIn.longTermGains = gains;
        taxIn.socialSecurity = ss;
        taxIn.age = po.retirementAge + k;
        taxIn.year = po.firstYear + k;
        taxIn.indexFactor = taxIndex[k]!;
        tax = federalIncomeTax(taxIn);
      } else {
        tax = ordRate * (ordinary + 0.85 * ss) + cgRate * gains;
      }
      // The tax that the account events add (the NUA basis as ordinary income in year 0, the gains
      // of the policy's NUA sales, the RMD above the policy) is a cost of those events, not of the
      // year's spending: the year's tax less the tax on the spending's own money alone is paid from
      // the taxable funds (where the RMD excess has just gone), then by selling shares (their basis
      // and NUA in proportion), then from the IRA.
      taxable += excess;
      taxableBasis += excess;
      const spendOrdinary = iraDraw - excess;
      let eventTax = 0;
      if (ordinary > spendOrdinary || policyGains > 0) {
        if (po.federal) {
          taxIn.ordinaryIncome = spendOrdinary;
          taxIn.longTermGains = gains - policyGains;
          eventTax = tax - federalIncomeTax(taxIn);
        } else {
          eventTax = ordRate * (ordinary - spendOrdinary) + cgRate * policyGains;
        }
        if (eventTax < 0) eventTax = 0;
        let owe = eventTax;
        const t = owe < taxable ? owe : taxable;
        if (taxable > 0) taxableBasis -= (taxableBasis * t) / taxable;
        taxable -= t;
        owe -= t;
        if (owe > 0 && shares > 0) {
          const sell = owe < shares ? owe : shares;
          const f = 1 - sell / shares;
          sharesBasis *= f;
          nuaHeld *= f;
          shares -= sell;
          owe -= sell;
        }
        ira -= owe < ira ? owe : ira;
      }
      const extra = additionalTax[k]! * iraDraw;
      tax += extra;
      let spent = spendOrdinary + fromTaxable + sold + ss - (tax - eventTax);
      if (spent < 0) {
        // Tax beyond the year's money (Social Security's tax when the accounts are empty): paid from the taxable funds, then the IRA.
        let owe = -spent;
        const t = owe < taxable ? owe : taxable;
        if (taxable > 0) taxableBasis -= (taxableBasis * t) / taxable;
        taxable -= t;
        owe -= t;
        ira -= owe < ira ? owe : ira;
        spent = 0;
      }
      const real = spent / P[k]!;
      if (lived) {
        spendingSum += real;
        // Math.max, not a conditional: a conditional between the double and the module's constant boxed x.
        const x = Math.max(real, MIN_UTILITY_SPENDING);
        utilitySum += gamma === 3 ? 1 / (x * x) : gamma === 2 ? 1 / x : gamma === 1 ? Math.log(x) : x ** (1 - gamma);
        rmdExcess += excess;
        taxes += tax;
      }
      // 5. Returns and fees.
      const r = fundReturn[k]!;
      ira = ira * (1 + r);
      ira = ira * keep - fee;
      if (ira < 0) ira = 0;
      taxable = taxable * (1 + r) * keep;
      // A double and a flag, not number | null: a null-or-double variable boxes each double put in it.
      let stockReturn = 0;
      let held = false;
      if (shares > 0 && alive && stockPath) {
        const g = stockPath.grossAt(k, gross, nA);
        stockReturn = g - 1;
        held = true;
        shares *= g;
        if (k === stockPath.defaultYear) {
          alive = false;
          taxable += shares;
          taxableBasis += shares;
          shares = 0;
          sharesBasis = 0;
          nuaHeld = 0;
        }
      }
      if (trace) {
        trace({
          k, age: po.retirementAge + k, alive: lived, iraStart, taxableStart, sharesStart, policy: w, rmd, rmdDivisor: div, iraWithdrawal: iraDraw,
          taxableWithdrawal: fromTaxable, sharesSold: sold, socialSecurity: ss, ordinaryIncome: ordinary, longTermGains: gains, tax, additionalTax: extra,
          spending: spent, spendingReal: real, inflation: model ? pi[k]! : P[k + 1]! / P[k]! - 1, priceIndex: P[k]!,
          short, fundReturn: r, stockReturn: held ? stockReturn : null, iraEnd: ira, taxableEnd: taxable, sharesEnd: shares,
        });
      }
      if (k === deathK) {
        const unrealized = shares - sharesBasis;
        const ird = nuaHeld < unrealized ? nuaHeld : unrealized;
        bequest = ira * (1 - ordRate) + taxable + shares - (ird > 0 ? cgRate * ird : 0);
        bequestReal = bequest / P[k + 1]!;
      }
      if (write) {
        series[accountAt + k * paths + p] = ira + taxable + shares;
        series[spendingAt + k * paths + p] = real;
        series[ranOutAt + k * paths + p] = outYet;
        if (model) {
          // The path's index, the accounts in start-year dollars, the nominal spending (plan/us-payout-plan.ts).
          series[indexAt + k * paths + p] = P[k]!;
          series[indexAt + (nP + 1 + k) * paths + p] = (ira + taxable + shares) / P[k + 1]!;
          series[indexAt + (2 * nP + 1 + k) * paths + p] = spent;
        }
      }
    }
    totals.spending = spendingSum;
    totals.bequestReal = bequestReal;
    totals.utility = utilitySum;
    if (write) {
      if (model) series[indexAt + nP * paths + p] = P[nP]!;
      series[COL['ranOut'] + p] = ranOut;
      series[COL['yearsShort'] + p] = yearsShort;
      series[COL['endAge'] + p] = po.retirementAge + deathK + 1;
      series[COL['bequest'] + p] = bequest;
      series[COL['bequestReal'] + p] = bequestReal;
      series[COL['lifetimeSpending'] + p] = spendingSum;
      series[COL['yearsLived'] + p] = deathK + 1;
      series[COL['spendingUtility'] + p] = utilitySum;
      series[COL['rmdExcess'] + p] = rmdExcess;
      series[COL['taxesPaid'] + p] = taxes;
    }
  }

  return {
    run(p, fund, stockValue, stockBasis, stockAlive, trace) {
      market.fill();
      stockPath?.draw();
      // The funds' return of each year, the same for both routes.
      for (let k = 0; k < nP; k++) {
        let r = 0;
        const wBase = k * nA;
        for (let i = 0; i < nA; i++) r += po.weights[wBase + i]! * (gross[wBase + i]! - 1);
        fundReturn[k] = r;
      }
      if (model) drawInflation();
      let deathK = nP - 1;
      if (life) {
        const u = life();
        const cdf = po.deathCdf!;
        for (let k = 0; k < nP; k++) {
          if (u < cdf[k]!) {
            deathK = k;
            break;
          }
        }
      }
      route(p, po.nua, fund, stockValue, stockBasis, stockAlive, deathK, true, trace);
      const mainSpending = totals.spending;
      const mainBequest = totals.bequestReal;
      const mainUtility = totals.utility;
      // Without company stock the routes are the same money: the other route is the same numbers.
      // Without shares at the distribution (none held, or the stock defaulted) the routes are the same money.
      const both = po.bothRoutes && stockAlive && stockValue > 0;
      if (both) route(p, !po.nua, fund, stockValue, stockBasis, stockAlive, deathK, false);
      const nuaFirst = po.nua || !both;
      const nS = nuaFirst ? mainSpending : totals.spending;
      const nB = nuaFirst ? mainBequest : totals.bequestReal;
      const nU = nuaFirst ? mainUtility : totals.utility;
      const rS = po.nua && both ? totals.spending : mainSpending;
      const rB = po.nua && both ? totals.bequestReal : mainBequest;
      const rU = po.nua && both ? totals.utility : mainUtility;
      series[COL['nuaLifetimeSpending'] + p] = nS;
      series[COL['nuaBequestReal'] + p] = nB;
      series[COL['nuaSpendingUtility'] + p] = nU;
      series[COL['rolloverLifetimeSpending'] + p] = rS;
      series[COL['rolloverBequestReal'] + p] = rB;
      series[COL['rolloverSpendingUtility'] + p] = rU;
      const adv = nS + nB - (rS + rB);
      series[COL['nuaAdvantage'] + p] = adv;
      series[COL['nuaBetter'] + p] = adv > 0 ? 1 : 0;
    },
  };
}
