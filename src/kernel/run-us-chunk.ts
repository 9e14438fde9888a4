/**
 * The US path kernel: one chunk of paths of a US plan (us-401k, us-ksop, us-simple-ira, us-sep-ira)
 * through the saving years, then the lump-sum distribution at the retirement age. Output: a
 * Float64Array, series-major (series s of path p at s·paths + p): US_SERIES, then the account value
 * at the start of every age (nYears + 1 points); with an employer-stock model, company stock's share of
 * the account at the start of every age (nYears + 1 points).
 *
 * A year: pay grows at the year start (not in the first year; wage draws exactly as the Norwegian
 * kernel's, stream 'wage'); the diversification policy sells employer shares at the year start; the
 * year's money (the plan's rules with that year's limits and the age's catch-up) is paid at the
 * year start: deferrals to the funds except the KSOP's stock share, the match to company stock in a
 * KSOP while the worker is with the original employer and the stock lives, else in cash; then the
 * funds earn the profile's return and the stock its own (market/employer-stock.ts); then the fund
 * fees (management share and per-member amount: on the funds only, company stock carries none).
 * The market is createMarketPath's, the same draws per path as a Norwegian plan of the same
 * profile and the same number of years (common random numbers).
 *
 * Employment: with service counted in completed years, at each year end the worker leaves with
 * probability `leaveProbability` (stream 'job', one uniform a year on every path): the unvested
 * share of the current employer's money (its cash and, at the original employer, the employer
 * shares) is forfeited, service restarts at 0 with a new employer that matches in cash. A default
 * ends the stock: the holding keeps R of its value and moves to the funds; with `defaultEndsJob`
 * the job ends that year too (unvested money forfeited) and pay stops for `yearsWithoutPay` years.
 * Employer shares are kept in lots, one per year and source (employee / employer), each with its
 * price; sales take the oldest lots first (FIFO). At the retirement age all money is vested (normal
 * retirement age, IRC 411(a)).
 *
 * Distribution (rules/us/nua.ts): the pre-tax account value (terminalWealth), the after-tax value of
 * an IRA rollover, of NUA (funds rolled over, shares in kind with their lots' basis), and the better
 * of the two for the path. With a payout section, the payout years follow on the same path
 * (kernel/us-payout-years.ts, its own streams: the saving years' draws do not change).
 */
import { createEmployerStockPath, type EmployerStockPath } from '../market/employer-stock.js';
import { CHUNK_SIZE } from '../base/chunk-size.js';
import { createMarketPath } from '../market/market-path.js';
import { usPayoutAt, usSeriesCount, usStockShareAt, US_SERIES, type UsSimulationPlan } from '../plan/us-simulation-plan.js';
import { chunkStream, chunkXor4096 } from '../random/chunk-stream.js';
import { NormalSource } from '../random/normal-source.js';
import { payGrowthFactor } from '../rules/pay-growth.js';
import { fiftyFiveTenSale } from '../rules/us/diversification.js';
import { k401Contributions } from '../rules/us/k401-contributions.js';
import { nuaAfterTax, rolloverAfterTax } from '../rules/us/nua.js';
import { sepIraContribution } from '../rules/us/sep-ira-contributions.js';
import { simpleIraContributions } from '../rules/us/simple-ira-contributions.js';
import { vestedShare } from '../rules/us/vesting.js';
import { createUsPayoutYears, type UsPayoutTraceYear } from './us-payout-years.js';

export interface UsChunkTask {
  plan: UsSimulationPlan;
  seed: number;
  chunk: number;
  paths: number;
  /** A buffer of at least usSeriesCount(plan) × paths to write into (those zeroed first; derived columns after them are the caller's), reused by a worker across chunks. */
  out?: Float64Array;
}

/** One year of a traced path (engine/trace-us-path.ts), as the kernel simulated it. */
export interface UsTraceYear {
  y: number;
  /** Paid in this year (false after a job loss, for the years without pay). */
  employed: boolean;
  /** With the original employer (whose match is in company stock, in a KSOP). */
  atOriginal: boolean;
  /** Completed years of service with the current employer at the year end. */
  service: number;
  pay: number;
  deferral: number;
  /** Part of the deferral bought as company stock. */
  deferralInStock: number;
  match: number;
  matchInStock: boolean;
  nonelective: number;
  /** Proceeds of employer shares sold at the year start (diversification). */
  diversified: number;
  fundReturn: number;
  /** The company stock's return this year; null without company stock. */
  stockReturn: number | null;
  /** The stock defaulted this year. */
  defaulted: boolean;
  fees: number;
  /** Unvested employer money lost on leaving at the year end. */
  forfeited: number;
  /** Left the employer at the year end (voluntarily, or because the default ended the job). */
  left: boolean;
  /** The default ended the job this year (then pay stops for the plan's years without pay). */
  jobLost: boolean;
  fundsEnd: number;
  stockEnd: number;
}

export interface UsChunkResult {
  chunk: number;
  paths: number;
  series: Float64Array;
}

/** Sell up to `n` shares from `lots`, oldest first; returns the shares sold. */
function sellFifo(lots: Float64Array, n: number): number {
  let left = n;
  for (let i = 0; i < lots.length && left > 0; i++) {
    const take = Math.min(lots[i]!, left);
    lots[i] = lots[i]! - take;
    left -= take;
  }
  return n - left;
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

/**
 * One path's accounts, reused for every path of a chunk (no per-path closures or objects in the
 * hot loop). erShares / eeShares are sum(erLots) / sum(eeLots), kept bit for bit equal to that sum:
 * a new lot is the last non-zero one, so adding it is the sum's own last step; a sale or a
 * forfeiture recomputes the sum.
 */
class UsPathState {
  fund = 0;
  price = 1;
  erCurFund = 0;
  forfeited = 0;
  diversified = 0;
  service = 0;
  atOriginal = true;
  erShares = 0;
  eeShares = 0;
  constructor(
    readonly erLots: Float64Array,
    readonly eeLots: Float64Array,
  ) {}
}

/** Leave the employer at a year end: the unvested share of its money is forfeited, service restarts elsewhere. */
function leave(st: UsPathState, plan: UsSimulationPlan, vests: boolean): void {
  const v = vests ? vestedShare(plan.vesting, st.service) : 1;
  if (v < 1) {
    const lostFund = (1 - v) * st.erCurFund;
    st.fund -= lostFund;
    st.forfeited += lostFund;
    if (st.atOriginal) {
      st.forfeited += (1 - v) * st.price * st.erShares;
      const lots = st.erLots;
      for (let i = 0; i < lots.length; i++) lots[i] = lots[i]! * v;
      st.erShares = sum(lots);
    }
  }
  st.erCurFund = 0;
  st.service = 0;
  st.atOriginal = false;
}

/** Sell n employer shares, oldest lots first, into the funds. */
function sellEmployerShares(st: UsPathState, n: number): void {
  const proceeds = sellFifo(st.erLots, n) * st.price;
  st.erShares = sum(st.erLots);
  st.fund += proceeds;
  st.diversified += proceeds;
  if (st.atOriginal) st.erCurFund += proceeds;
}

/**
 * With certain pay growth every employed path is paid the same in a year, so the year's money is
 * computed once per chunk (the same calls with the same pay, so bit for bit the same numbers).
 */
function fixedYearMoney(plan: UsSimulationPlan): YearMoney | null {
  if (plan.wageSd > 0) return null;
  const n = plan.nYears;
  const out = { pay: new Float64Array(n), deferral: new Float64Array(n), match: new Float64Array(n), nonelective: new Float64Array(n) };
  let salary = plan.salary0;
  for (let y = 0; y < n; y++) {
    if (y > 0) salary *= payGrowthFactor(plan.wageMean, 0);
    out.pay[y] = salary;
    yearMoney(plan, y, out, y);
  }
  return out;
}

/** A year's pay in, its money out, at one index of each array. */
interface YearMoney {
  pay: Float64Array;
  deferral: Float64Array;
  match: Float64Array;
  nonelective: Float64Array;
}

/**
 * The plan's money for the pay at out.pay[at] into out.*[at] (the plan's rules with that year's
 * limits and the age's catch-up). The pay comes in a typed array: a double argument of this call,
 * which is not inlined, was boxed every path-year.
 */
function yearMoney(plan: UsSimulationPlan, y: number, out: YearMoney, at: number): void {
  const pay = out.pay[at]!;
  const lim = plan.limits[y]!;
  const age = plan.startAge + y;
  let deferral = 0;
  let match = 0;
  let nonelective = 0;
  switch (plan.kind) {
    case 'us-401k':
    case 'us-ksop': {
      const c = k401Contributions(pay, plan.deferralRate, plan.match, plan.nonelectiveRate, lim, age);
      deferral = c.deferral;
      match = c.match;
      nonelective = c.nonelective;
      break;
    }
    case 'us-simple-ira': {
      const c = simpleIraContributions(pay, plan.deferralRate, plan.simpleFormula, lim, age);
      deferral = c.deferral;
      match = c.employer;
      break;
    }
    case 'us-sep-ira':
      nonelective = sepIraContribution(pay, plan.sepRate, lim);
      break;
  }
  out.deferral[at] = deferral;
  out.match[at] = match;
  out.nonelective[at] = nonelective;
}

/**
 * Run a chunk. With `trace`, path `trace.path` (index within the chunk) reports every year; every
 * path is simulated all the same, so the draws are exactly those of the run.
 */
export function runUsChunk(task: UsChunkTask, trace?: { path: number; year: (t: UsTraceYear) => void; payoutYear?: (t: UsPayoutTraceYear) => void }): UsChunkResult {
  const { plan, seed, chunk, paths } = task;
  const { nYears, nAssets: nA, weights, wageMean, wageSd, limits, stock } = plan;
  const keep = 1 - plan.managementRate;
  const series = task.out ? task.out.fill(0, 0, usSeriesCount(plan) * paths) : new Float64Array(usSeriesCount(plan) * paths);
  const offsets = US_SERIES.map((_, i) => i * paths);
  const at = (name: (typeof US_SERIES)[number]) => offsets[US_SERIES.indexOf(name)]!;
  const capitalAt = US_SERIES.length;
  const shareAt = stock ? usStockShareAt(plan) : -1;
  const market = createMarketPath(plan, seed, chunk, chunk * CHUNK_SIZE);
  const gross = market.gross;
  const wage = new NormalSource(chunkStream(seed, chunk, 'wage'));
  const job = chunkStream(seed, chunk, 'job');
  const stockPath: EmployerStockPath | null = stock
    ? createEmployerStockPath(stock, nYears, {
        eps: chunkXor4096(seed, chunk, 'employer-stock'),
        tail: chunkStream(seed, chunk, 'employer-stock-tail'),
        default: chunkXor4096(seed, chunk, 'employer-default'),
      })
    : null;
  const eeLots = new Float64Array(nYears);
  const erLots = new Float64Array(nYears);
  const lotPrice = new Float64Array(nYears);
  const st = new UsPathState(erLots, eeLots);
  const vests = plan.kind === 'us-401k' || plan.kind === 'us-ksop';
  const policy = plan.diversification;
  const mAsset = stock ? stock.marketAsset : 0;
  const fixed = fixedYearMoney(plan);
  const money: YearMoney = { pay: new Float64Array(1), deferral: new Float64Array(1), match: new Float64Array(1), nonelective: new Float64Array(1) };
  const tax = { ordinaryRate: plan.ordinaryRate, capitalGainsRate: plan.capitalGainsRate };
  const payout = plan.payout
    ? createUsPayoutYears({ plan: { ...plan, payout: plan.payout }, seed, chunk, firstPath: chunk * CHUNK_SIZE, paths, series, at: usPayoutAt(plan) })
    : null;

  for (let p = 0; p < paths; p++) {
    market.fill();
    stockPath?.fill(gross, nA);
    eeLots.fill(0);
    erLots.fill(0);
    lotPrice.fill(0);
    st.fund = plan.initialCapital;
    st.price = 1;
    st.erCurFund = 0;
    st.forfeited = 0;
    st.service = plan.initialService;
    st.atOriginal = true;
    st.erShares = 0;
    st.eeShares = 0;
    let stockAlive = stock !== null;
    let salary = plan.salary0;
    let payFrom = 0;
    let sold55 = 0;
    let election = 0;
    let deferrals = 0;
    let employerMoney = 0;
    let marketRel = 1;
    let stockRel = 1;
    let defaulted = 0;
    series[capitalAt * paths + p] = st.fund;
    if (shareAt >= 0) series[shareAt * paths + p] = 0;
    const tracing = trace !== undefined && trace.path === p;

    for (let y = 0; y < nYears; y++) {
      if (y > 0) salary *= payGrowthFactor(wageMean, wageSd > 0 ? wageSd * wage.next() : 0);
      const age = plan.startAge + y;
      const employed = y >= payFrom;
      const pay = employed ? salary : 0;
      const wasOriginal = st.atOriginal;
      const forfeitedBefore = st.forfeited;
      st.diversified = 0;

      // Diversification at the year start.
      if (stockAlive && plan.matchInStock) {
        const participation = plan.initialService + y;
        if (policy.kind === 'sell-after-service') {
          if (participation >= policy.years) sellEmployerShares(st, st.erShares);
        } else if (policy.kind === 'fifty-five-ten') {
          if (age >= 55 && participation >= 10) {
            election++;
            const n = fiftyFiveTenSale(election, st.erShares, sold55);
            sellEmployerShares(st, n);
            sold55 += n;
          }
        } else if (policy.kind === 'cap') {
          const stockValue = st.price * (st.erShares + st.eeShares);
          const excess = stockValue - policy.share * (st.fund + stockValue);
          if (excess > 0) {
            const n = excess / st.price;
            const fromEr = Math.min(n, st.erShares);
            sellEmployerShares(st, fromEr);
            const eeProceeds = sellFifo(eeLots, n - fromEr) * st.price;
            st.eeShares = sum(eeLots);
            st.fund += eeProceeds;
            st.diversified += eeProceeds;
          }
        }
      }

      // The year's money, at the year start.
      let deferral: number;
      let match: number;
      let nonelective: number;
      if (fixed && employed) {
        deferral = fixed.deferral[y]!;
        match = fixed.match[y]!;
        nonelective = fixed.nonelective[y]!;
      } else {
        money.pay[0] = pay;
        yearMoney(plan, y, money, 0);
        deferral = money.deferral[0]!;
        match = money.match[0]!;
        nonelective = money.nonelective[0]!;
      }
      const inStock = plan.matchInStock && stockAlive && st.atOriginal;
      const deferralInStock = inStock ? deferral * plan.deferralStockShare : 0;
      st.fund += deferral - deferralInStock;
      if (inStock) {
        // The newest lots: adding them is the last step of sum(lots) (later lots are all 0).
        eeLots[y] = deferralInStock / st.price;
        erLots[y] = match / st.price;
        st.eeShares += eeLots[y]!;
        st.erShares += erLots[y]!;
        lotPrice[y] = st.price;
        st.fund += nonelective;
        if (vests) st.erCurFund += nonelective;
      } else {
        st.fund += match + nonelective;
        if (vests) st.erCurFund += match + nonelective;
      }
      deferrals += deferral;
      employerMoney += match + nonelective;

      // Returns.
      let r = 0;
      const wBase = y * nA;
      for (let i = 0; i < nA; i++) r += weights[wBase + i]! * (gross[wBase + i]! - 1);
      st.fund *= 1 + r;
      st.erCurFund *= 1 + r;
      marketRel *= gross[wBase + mAsset]!;
      let lostJob = false;
      const stockLived = stockAlive;
      if (stockPath) {
        const sg = stockPath.gross[y]!;
        stockRel *= sg;
        if (stockAlive) st.price *= sg;
        if (stockAlive && y === stockPath.defaultYear) {
          defaulted = 1;
          const erValue = st.price * st.erShares;
          st.fund += erValue + st.price * st.eeShares;
          if (st.atOriginal) st.erCurFund += erValue;
          erLots.fill(0);
          eeLots.fill(0);
          st.erShares = 0;
          st.eeShares = 0;
          stockAlive = false;
          if (plan.defaultEndsJob && st.atOriginal && employed) lostJob = true;
        }
      }

      // Fees on the funds.
      const before = st.fund;
      st.fund = Math.max(0, st.fund * keep - plan.perMemberFee);
      const fees = before - st.fund;
      if (before > 0) st.erCurFund *= st.fund / before;

      // Service and leaving, at the year end (one uniform a year on every path).
      const u = job();
      if (employed) st.service++;
      const serviceAtEnd = st.service;
      const leaves = lostJob || (employed && u < plan.leaveProbability);
      if (leaves) leave(st, plan, vests);
      if (lostJob) payFrom = y + 1 + plan.yearsWithoutPay;
      if (tracing) {
        trace.year({
          y, employed, atOriginal: wasOriginal, service: serviceAtEnd, pay, deferral, deferralInStock, match, matchInStock: inStock, nonelective, diversified: st.diversified,
          fundReturn: r, stockReturn: stockPath && stockLived ? stockPath.gross[y]! - 1 : null, defaulted: stockLived && !stockAlive,
          fees, forfeited: st.forfeited - forfeitedBefore, left: leaves, jobLost: lostJob, fundsEnd: st.fund, stockEnd: st.price * (st.erShares + st.eeShares),
        });
      }
      const stockNow = st.price * (st.erShares + st.eeShares);
      const account = st.fund + stockNow;
      series[(capitalAt + y + 1) * paths + p] = account;
      if (shareAt >= 0) series[(shareAt + y + 1) * paths + p] = account > 0 ? stockNow / account : 0;
    }

    // The distribution at the retirement age: everything vested.
    const shares = st.erShares + st.eeShares;
    const stockValue = stockAlive ? st.price * shares : 0;
    let basis = 0;
    for (let i = 0; i < nYears; i++) basis += (erLots[i]! + eeLots[i]!) * lotPrice[i]!;
    const fund = st.fund;
    const terminal = fund + stockValue;
    const rollover = rolloverAfterTax(fund, stockValue, tax);
    const nua = nuaAfterTax(fund, stockValue, basis, tax);
    series[at('terminalWealth') + p] = terminal;
    series[at('afterTaxRollover') + p] = rollover;
    series[at('afterTaxNua') + p] = nua;
    series[at('afterTaxBest') + p] = Math.max(rollover, nua);
    series[at('employerStockValue') + p] = stockValue;
    series[at('employerStockShare') + p] = terminal > 0 ? stockValue / terminal : 0;
    series[at('stockWealthRelative') + p] = stock ? stockRel : NaN;
    series[at('marketWealthRelative') + p] = marketRel;
    series[at('defaulted') + p] = defaulted;
    series[at('forfeited') + p] = st.forfeited;
    series[at('deferrals') + p] = deferrals;
    series[at('employerMoney') + p] = employerMoney;
    payout?.run(p, fund, stockValue, basis, stockAlive, tracing ? trace.payoutYear : undefined);
  }
  return { chunk, paths, series };
}
