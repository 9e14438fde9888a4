/**
 * UsSimulationPlan: a US scenario compiled to plain numbers (structured-clone friendly), the input
 * of the US kernel (kernel/run-us-chunk.ts). Year index y runs over the saving years [0, nYears);
 * the distribution is at the start of year nYears (the retirement age). The market fields are those
 * of the Norwegian plan for the same profile, so createMarketPath draws the same markets.
 */
import type { EmployerStockModel } from '../market/employer-stock.js';
import type { UsLimits } from '../rules/us/limits.js';
import type { MatchTier } from '../rules/us/match-formula.js';
import type { SimpleEmployerFormula } from '../rules/us/simple-ira-contributions.js';
import type { VestingSchedule } from '../rules/us/vesting.js';
import type { PortfolioPlan } from './simulation-plan.js';
import { US_PAYOUT_SERIES, usPayoutSeriesCount, type UsPayoutPlan, type UsPayoutSeries } from './us-payout-plan.js';

export type UsPlanKind = 'us-401k' | 'us-ksop' | 'us-simple-ira' | 'us-sep-ira';

export type DiversificationPolicy =
  | { readonly kind: 'hold' }
  | { readonly kind: 'sell-after-service'; readonly years: number }
  | { readonly kind: 'fifty-five-ten' }
  | { readonly kind: 'cap'; readonly share: number };

/** nYears counts the saving years only: the distribution is at the start of year nYears. */
export interface UsSimulationPlan extends PortfolioPlan {
  readonly initialService: number;
  readonly salary0: number;
  readonly wageMean: number;
  readonly wageSd: number;

  readonly kind: UsPlanKind;
  /** The limits of each saving year (calendar year startYear + y). */
  readonly limits: readonly UsLimits[];
  readonly deferralRate: number;
  readonly match: readonly MatchTier[];
  readonly nonelectiveRate: number;
  readonly vesting: VestingSchedule;
  readonly simpleFormula: SimpleEmployerFormula;
  readonly sepRate: number;
  /** KSOP: the match is paid in company stock; this share of deferrals too. */
  readonly matchInStock: boolean;
  readonly deferralStockShare: number;
  readonly diversification: DiversificationPolicy;

  readonly stock: EmployerStockModel | null;
  readonly leaveProbability: number;
  readonly defaultEndsJob: boolean;
  readonly yearsWithoutPay: number;
  readonly ordinaryRate: number;
  readonly capitalGainsRate: number;
  /** The payout years (plan/us-payout-plan.ts); null: the run stops at the distribution. */
  readonly payout: UsPayoutPlan | null;
}

/**
 * Per-path outputs of the US kernel, in this order; then the account value at the start of every
 * age (nYears + 1); then, with a payout, US_PAYOUT_SERIES and the payout fans (usPayoutAt); then,
 * with an employer-stock model, company stock's share of the account at the start of every saving
 * age (nYears + 1: the report's stock-share fan, usStockShareAt).
 */
export const US_SERIES = [
  'terminalWealth',
  'afterTaxRollover',
  'afterTaxNua',
  'afterTaxBest',
  'employerStockValue',
  'employerStockShare',
  'stockWealthRelative',
  'marketWealthRelative',
  'defaulted',
  'forfeited',
  'deferrals',
  'employerMoney',
] as const;
export type UsSeries = (typeof US_SERIES)[number];

export function usSeriesCount(plan: Pick<UsSimulationPlan, 'nYears' | 'payout' | 'stock'>): number {
  return US_SERIES.length + plan.nYears + 1 + usPayoutSeriesCount(plan.payout) + (plan.stock ? plan.nYears + 1 : 0);
}

/** Index of the first payout series (US_PAYOUT_SERIES[0]). */
export function usPayoutAt(plan: Pick<UsSimulationPlan, 'nYears'>): number {
  return US_SERIES.length + plan.nYears + 1;
}

/** The first of the stock-share-by-age series (present only with an employer-stock model), after the payout's. */
export function usStockShareAt(plan: Pick<UsSimulationPlan, 'nYears' | 'payout'>): number {
  return US_SERIES.length + plan.nYears + 1 + usPayoutSeriesCount(plan.payout);
}

export function usPayoutSeriesIndex(plan: Pick<UsSimulationPlan, 'nYears'>, name: UsPayoutSeries): number {
  return usPayoutAt(plan) + US_PAYOUT_SERIES.indexOf(name);
}

/**
 * Where the payout fans start: the accounts by age (ages retirement + 1 … horizon), the real
 * spending and the ran-out indicator by payout year; under an inflation model (else −1) the path's
 * price index (payout ages retirement … horizon), the real accounts and the nominal spending.
 */
export function usPayoutFans(plan: Pick<UsSimulationPlan, 'nYears'> & { payout: UsPayoutPlan }): {
  account: number; spending: number; ranOut: number; n: number; priceIndex: number; accountReal: number; spendingNominal: number;
} {
  const account = usPayoutAt(plan) + US_PAYOUT_SERIES.length;
  const n = plan.payout.nPayout;
  const model = plan.payout.inflation !== null;
  const priceIndex = model ? account + 3 * n : -1;
  return { account, spending: account + n, ranOut: account + 2 * n, n, priceIndex, accountReal: model ? priceIndex + n + 1 : -1, spendingNominal: model ? priceIndex + 2 * n + 1 : -1 };
}

export function usSeriesIndex(name: UsSeries): number {
  return US_SERIES.indexOf(name);
}
