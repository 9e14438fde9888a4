/**
 * A US run's amounts in the basis's unit (report/amount-basis.ts): nominal as the engine gives
 * them, or today's dollars, every amount of age a divided by (1 + inflation)^(a − start age). The
 * account at the retirement age and its after-tax values (rollover, NUA) are divided by the index
 * of the retirement age; the account fan age by age. Shares (company stock's share, the
 * probability of default) are unchanged. The sums paid in over the years (deferrals, employer
 * money, forfeitures) mix the money of many years and have no one index: a real result leaves
 * them out rather than mislabel them. The shortfall is of the nominal account against the nominal
 * target, so it stays as it is (the report says the target is nominal).
 *
 * With a payout section (result/us-payout-result.ts) the account fan of the payout years is
 * nominal and divided alike. The nominal bequest falls at each path's own end age and the taxes and
 * RMD excess are sums over many years, so a real result leaves them out and keeps the engine's own
 * real figures (bequestReal, lifetimeSpending) and the counts. The spending fan is real already
 * (start-year dollars): the nominal basis multiplies it by the index of each age (spendingInBasis).
 * Under the payout's AR(1) inflation model (payout.inflation in the result) the saving years
 * compound at the model's mean (basis.inflation), and the payout years' fans come from the engine,
 * each path deflated (the accounts) or inflated (the spending) by its own price index.
 *
 * Example (a test checks it): at 2.5 % inflation over 25 years a nominal account of $1 000 000 at
 * 65 from a start at 40 is 1 000 000 / 1.025^25 ≈ $539 391 in start-year dollars.
 */
import type { Metric } from '../result/simulation-result.js';
import type { UsPayoutResult } from '../result/us-payout-result.js';
import type { UsRunResult } from '../result/us-result.js';
import type { AmountBasis } from './amount-basis.js';

/** The payout block of a result, if the run had a payout section. */
export function payoutOf(r: UsRunResult): UsPayoutResult | undefined {
  return r.payout;
}

/** Amounts kept at the retirement age: divided by its index. */
const AT_RETIREMENT = ['capitalAtRetirement', 'afterTaxRollover', 'afterTaxNua', 'afterTaxBest', 'employerStockValue'] as const;
/** Shares and probabilities: unchanged. */
const UNITLESS = ['employerStockShare', 'defaulted'] as const;

/** Payout metrics in start-year dollars already (the engine's), or unitless: kept in a real result; the rest is left out. */
const PAYOUT_REAL = ['bequestReal', 'lifetimeSpending', 'yearsShort', 'endAge', 'yearsLived'] as const;

export function usResultInBasis(r: UsRunResult, basis: AmountBasis): UsRunResult {
  if (basis.kind === 'nominal') return r;
  if (basis.kind !== 'real') throw new Error(`a US result has no ${basis.kind} amounts`);
  const index = (age: number) => (1 + basis.inflation) ** (age - r.ages.start);
  const atRetirement = index(r.ages.retirement);
  const metrics: Record<string, Metric> = {};
  for (const [k, m] of Object.entries(r.metrics) as [string, Metric][]) {
    if ((UNITLESS as readonly string[]).includes(k)) metrics[k] = m;
    else if ((AT_RETIREMENT as readonly string[]).includes(k)) metrics[k] = scaleMetric(m, 1 / atRetirement);
  }
  const payout = payoutOf(r);
  return {
    ...r,
    metrics: metrics as UsRunResult['metrics'],
    fan: {
      ages: r.fan.ages,
      mean: scaleSeries(r.fan.mean, r.fan.ages, (a) => 1 / index(a)),
      capital: mapValues(r.fan.capital, (s) => scaleSeries(s, r.fan.ages, (a) => 1 / index(a))),
      ci95: mapValues(r.fan.ci95, ([lo, hi]) => [scaleSeries(lo, r.fan.ages, (a) => 1 / index(a)), scaleSeries(hi, r.fan.ages, (a) => 1 / index(a))] as [number[], number[]]),
    },
    ...(payout && {
      payout: {
        ...payout,
        metrics: Object.fromEntries(Object.entries(payout.metrics).filter(([k]) => (PAYOUT_REAL as readonly string[]).includes(k))) as UsPayoutResult['metrics'],
        fan: payout.inflation
          ? { ...payout.fan, accountMean: payout.inflation.accountReal.mean, account: payout.inflation.accountReal.percentiles }
          : { ...payout.fan, accountMean: scaleSeries(payout.fan.accountMean, payout.fan.accountAges, (a) => 1 / index(a)), account: mapValues(payout.fan.account, (s) => scaleSeries(s, payout.fan.accountAges, (a) => 1 / index(a))) },
      },
    }),
  };
}

/** The spending fan in the basis: real as the engine gives it, or nominal (times the index of each age). */
export function spendingInBasis(r: UsRunResult, basis: AmountBasis, inflation: number): UsPayoutResult['fan'] | undefined {
  const payout = payoutOf(r);
  if (!payout) return undefined;
  if (basis.kind !== 'nominal') return payout.fan;
  if (payout.inflation) return { ...payout.fan, spendingMean: payout.inflation.spendingNominal.mean, spending: payout.inflation.spendingNominal.percentiles };
  const index = (age: number) => (1 + inflation) ** (age - r.ages.start);
  return { ...payout.fan, spendingMean: scaleSeries(payout.fan.spendingMean, payout.fan.spendingAges, index), spending: mapValues(payout.fan.spending, (s) => scaleSeries(s, payout.fan.spendingAges, index)) };
}

function scaleMetric(m: Metric, factor: number): Metric {
  return {
    mean: m.mean * factor,
    sd: m.sd * factor,
    stderr: m.stderr * factor,
    percentiles: mapValues(m.percentiles, (v) => v * factor),
    ...(m.ci95 && { ci95: mapValues(m.ci95, ([lo, hi]) => [lo * factor, hi * factor] as [number, number]) }),
  };
}

function scaleSeries(values: readonly number[], ages: readonly number[], factor: (age: number) => number): number[] {
  return values.map((v, i) => v * factor(ages[i]!));
}

function mapValues<T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}
