/**
 * An employer match by tiers of the deferral rate: tier i matches `rate_i` of the pay deferred
 * between `from_i` and `to_i` (shares of pay), so
 *   match = Σ_i rate_i · max(0, min(d, to_i) − from_i) · pay
 * for a deferral rate d (deferral / pay). Tiers must not overlap (checked when a scenario is read).
 * Formulas (docs/model.md §3.3): safe-harbor basic 100 % of the first 3 % + 50 % of the next 2 %
 * (max 4 %); enhanced 100 % of the first 4 %; QACA 100 % of the first 1 % + 50 % of the next 5 %;
 * discretionary 50 % of the first 6 %.
 *
 * Example (a test checks it): the safe-harbor basic match on pay 100 000 deferring 5 % is
 * 3 000 + 1 000 = 4 000; deferring 4 %: 3 000 + 500 = 3 500.
 */
export interface MatchTier {
  /** Lower end of the tier, a share of pay (e.g. 0.03). */
  readonly from: number;
  /** Upper end of the tier, a share of pay (e.g. 0.05). */
  readonly to: number;
  /** Match per dollar deferred inside the tier (e.g. 0.5). */
  readonly rate: number;
}

export const SAFE_HARBOR_BASIC: readonly MatchTier[] = [
  { from: 0, to: 0.03, rate: 1 },
  { from: 0.03, to: 0.05, rate: 0.5 },
];
export const SAFE_HARBOR_ENHANCED: readonly MatchTier[] = [{ from: 0, to: 0.04, rate: 1 }];
export const QACA_MATCH: readonly MatchTier[] = [
  { from: 0, to: 0.01, rate: 1 },
  { from: 0.01, to: 0.06, rate: 0.5 },
];
export const FIFTY_PERCENT_OF_SIX: readonly MatchTier[] = [{ from: 0, to: 0.06, rate: 0.5 }];

/** The match on `pay` (already capped at 401(a)(17)) for a deferral rate `deferralRate`. */
export function matchAmount(tiers: readonly MatchTier[], deferralRate: number, pay: number): number {
  let share = 0;
  for (const t of tiers) share += t.rate * Math.max(0, Math.min(deferralRate, t.to) - t.from);
  return share * pay;
}

/** Overlapping or empty tiers, as messages by tier index (sorted by `from`, each from < to, no overlap). */
export function matchTierProblems(tiers: readonly MatchTier[]): { index: number; message: string }[] {
  const out: { index: number; message: string }[] = [];
  tiers.forEach((t, i) => {
    if (!(t.to > t.from)) out.push({ index: i, message: `a tier needs from < to; got from ${t.from}, to ${t.to}` });
    if (i > 0 && t.from < tiers[i - 1]!.to) {
      out.push({ index: i, message: `match tiers overlap: this tier starts at ${t.from}, before the previous tier ends at ${tiers[i - 1]!.to}; list tiers in order, each starting at or after the previous one's end` });
    }
  });
  return out;
}
