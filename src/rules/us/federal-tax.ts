/**
 * US federal income tax for a retiree, tax year 2026 law (Rev. Proc. 2025-32, which applies the
 * 2025 reconciliation act, Pub. L. 119-21 "OBBBA"), for 'single' and 'married-joint' filers.
 *
 *   provisional income      = other income + ½ Social Security                 (IRC §86, below)
 *   AGI                     = ordinary income + long-term gains + taxable Social Security
 *   deduction               = standard (IRC §63(c)) + additional 65+ (§63(f)) + senior (§151(d)(5)(C))
 *   taxable income TI       = max(0, AGI − deduction); ordinary part = max(0, TI − gains)
 *   tax                     = min( brackets(ordinary part) + 0/15/20 % on the gains stacked on top,
 *                                  brackets(TI) )                     (IRC §1(h); Schedule D worksheet)
 *
 * 2026 figures (Rev. Proc. 2025-32 and the IRS news release of 9 Oct 2025 announcing it, as
 * reproduced by several tax-practice summaries that agree figure for figure; the Rev. Proc.'s own
 * text was not at hand, docs/us-retirement-rules.md): rates 10/12/22/24/32/35/37 %; single brackets start at 12 400, 50 400, 105 700, 201 775,
 * 256 225, 640 600; married-joint at 24 800, 100 800, 211 400, 403 550, 512 450, 768 700. Standard
 * deduction 16 100 / 32 200; additional for 65+ 2 050 (unmarried) / 1 650 per spouse. Gains: 0 % up
 * to taxable income 49 450 / 98 900, 15 % up to 545 500 / 613 700, 20 % above.
 * Senior deduction (OBBBA §70103, IRC §151(d)(5)(C)): 6 000 per person 65+, each reduced by 6 % of
 * modified AGI above 75 000 / 150 000, tax years 2025–2028 only; its amounts are statutory, not indexed.
 * Social Security thresholds (§86) are statutory and not indexed either.
 *
 * Indexing: every other 2026 dollar amount is multiplied by `indexFactor` (1 in 2026; the scenario's
 * cumulative inflation after 2026), without the IRS's rounding to $25/$50 steps. Years before 2026
 * use the 2026 law scaled by their indexFactor too (a simplification). Married-joint: both spouses
 * are taken to be of `age` (65+ amounts and the senior deduction count twice), and the Social
 * Security benefit is the couple's.
 *
 * Example (a test checks it): single, 45, 60 000 ordinary → TI 43 900 → 1 240 + 12 % × 31 500 = 5 020.
 * Not modelled: state tax, the NIIT (3.8 %), AMT, capital losses (negative gains count as 0), credits,
 * itemized deductions, tax-exempt interest in provisional income.
 */

export type FilingStatus = 'single' | 'married-joint';

export interface FederalTaxInput {
  /** Ordinary income: IRA/plan distributions, pensions, interest, NUA cost basis (nominal dollars). */
  ordinaryIncome: number;
  /** Net long-term capital gains and qualified dividends; negative counts as 0. */
  longTermGains: number;
  /** Social Security benefits received in the year (the couple's for married-joint). */
  socialSecurity: number;
  /** Age reached in the tax year (both spouses for married-joint). */
  age: number;
  filing: FilingStatus;
  /** Calendar tax year: decides the senior deduction (2025–2028). */
  year: number;
  /** Multiplies every indexed 2026 dollar amount: 1 in 2026. */
  indexFactor: number;
}

/** Ordinary rates, lowest bracket first (IRC §1(j) as made permanent by Pub. L. 119-21). */
const RATES = Float64Array.of(0.1, 0.12, 0.22, 0.24, 0.32, 0.35, 0.37);
/** Taxable income at which each bracket starts, 2026 (Rev. Proc. 2025-32). */
const SINGLE_STARTS = Float64Array.of(0, 12_400, 50_400, 105_700, 201_775, 256_225, 640_600);
const JOINT_STARTS = Float64Array.of(0, 24_800, 100_800, 211_400, 403_550, 512_450, 768_700);

/** Standard deduction 2026 (Rev. Proc. 2025-32). */
const STANDARD_SINGLE = 16_100;
const STANDARD_JOINT = 32_200;
/** Additional standard deduction for age 65+, 2026 (Rev. Proc. 2025-32): per person. */
const ADDITIONAL_65_SINGLE = 2_050;
const ADDITIONAL_65_JOINT_EACH = 1_650;

/**
 * Long-term gains breakpoints on taxable income, 2026 (Rev. Proc. 2025-32). Checked against secondary
 * reproductions only: 49 450 and 98 900 in two, 545 500 and 613 700 in one (both are 2025's
 * 533 400 / 600 050 × 1.0227, the same step as the zero-rate maxima); not against the Rev. Proc.'s text.
 */
const GAINS_ZERO_MAX_SINGLE = 49_450;
const GAINS_ZERO_MAX_JOINT = 98_900;
const GAINS_FIFTEEN_MAX_SINGLE = 545_500;
const GAINS_FIFTEEN_MAX_JOINT = 613_700;

/** Senior deduction, IRC §151(d)(5)(C) (Pub. L. 119-21 §70103): statutory, not indexed. */
export const SENIOR_DEDUCTION = 6_000;
export const SENIOR_DEDUCTION_FIRST_YEAR = 2025;
export const SENIOR_DEDUCTION_LAST_YEAR = 2028;
const SENIOR_PHASEOUT_SINGLE = 75_000;
const SENIOR_PHASEOUT_JOINT = 150_000;
const SENIOR_PHASEOUT_RATE = 0.06;

/** IRC §86(c): base amount and adjusted base amount, statutory, not indexed. */
const SS_BASE_SINGLE = 25_000;
const SS_ADJUSTED_BASE_SINGLE = 34_000;
const SS_BASE_JOINT = 32_000;
const SS_ADJUSTED_BASE_JOINT = 44_000;

/** Tax on `taxable` ordinary income by the bracket schedule. Allocation-free. */
function bracketTax(taxable: number, starts: Float64Array, f: number): number {
  // Returns from inside the loop and no Infinity bound: written so, V8 keeps `tax` an unboxed
  // double (the loop with a break allocated a heap number per bracket: most of a payout year's garbage).
  const last = RATES.length - 1;
  let tax = 0;
  for (let k = 0; k < last; k++) {
    const lo = starts[k]! * f;
    if (taxable <= lo) return tax;
    const hi = starts[k + 1]! * f;
    if (taxable <= hi) return tax + RATES[k]! * (taxable - lo);
    tax += RATES[k]! * (hi - lo);
  }
  const lo = starts[last]! * f;
  return taxable <= lo ? tax : tax + RATES[last]! * (taxable - lo);
}

/**
 * The taxable part of Social Security benefits, IRC §86 (amounts not indexed):
 *   P = otherIncome + ½ benefit; B1, B2 = 25 000, 34 000 (single) or 32 000, 44 000 (joint)
 *   P ≤ B1: 0;  P ≤ B2: min(½ benefit, ½ (P − B1));
 *   else min(0.85 benefit, 0.85 (P − B2) + min(½ benefit, ½ (B2 − B1))).
 * `otherIncome` is modified AGI without the benefits (tax-exempt interest not modelled).
 * Example (a test checks it): single, benefit 20 000, other 30 000 → P 40 000 → 0.85 × 6 000 + 4 500 = 9 600.
 */
export function taxableSocialSecurity(benefit: number, otherIncome: number, filing: FilingStatus): number {
  if (!(benefit > 0)) return 0;
  const joint = filing === 'married-joint';
  const b1 = joint ? SS_BASE_JOINT : SS_BASE_SINGLE;
  const b2 = joint ? SS_ADJUSTED_BASE_JOINT : SS_ADJUSTED_BASE_SINGLE;
  const provisional = otherIncome + 0.5 * benefit;
  if (provisional <= b1) return 0;
  const half = 0.5 * benefit;
  if (provisional <= b2) return Math.min(half, 0.5 * (provisional - b1));
  return Math.min(0.85 * benefit, 0.85 * (provisional - b2) + Math.min(half, 0.5 * (b2 - b1)));
}

/**
 * The senior deduction for the tax year (0 outside 2025–2028 or below 65): per qualifying person,
 * 6 000 − 6 % of modified AGI above 75 000 (150 000 joint), not below 0; both spouses counted for
 * married-joint. Example: single, 65, MAGI 100 000, 2026 → 6 000 − 0.06 × 25 000 = 4 500.
 */
export function seniorDeduction(magi: number, age: number, filing: FilingStatus, year: number): number {
  if (age < 65 || year < SENIOR_DEDUCTION_FIRST_YEAR || year > SENIOR_DEDUCTION_LAST_YEAR) return 0;
  const joint = filing === 'married-joint';
  const over = magi - (joint ? SENIOR_PHASEOUT_JOINT : SENIOR_PHASEOUT_SINGLE);
  const each = SENIOR_DEDUCTION - SENIOR_PHASEOUT_RATE * (over > 0 ? over : 0);
  return (each > 0 ? each : 0) * (joint ? 2 : 1);
}

/**
 * Total federal income tax (ordinary + long-term gains), never negative. Allocation-free: it runs
 * per path-year in the payout kernel.
 */
export function federalIncomeTax(x: FederalTaxInput): number {
  const joint = x.filing === 'married-joint';
  const f = x.indexFactor;
  const ordinary = x.ordinaryIncome > 0 ? x.ordinaryIncome : 0;
  const gains = x.longTermGains > 0 ? x.longTermGains : 0;
  const agi = ordinary + gains + taxableSocialSecurity(x.socialSecurity, ordinary + gains, x.filing);

  let deduction = (joint ? STANDARD_JOINT : STANDARD_SINGLE) * f;
  if (x.age >= 65) deduction += (joint ? 2 * ADDITIONAL_65_JOINT_EACH : ADDITIONAL_65_SINGLE) * f;
  deduction += seniorDeduction(agi, x.age, x.filing, x.year);

  const taxable = agi > deduction ? agi - deduction : 0;
  if (taxable <= 0) return 0;
  const starts = joint ? JOINT_STARTS : SINGLE_STARTS;
  // Without gains both schedules are the brackets on all taxable income (the gains terms are +0): one pass, the same number.
  if (gains === 0) return bracketTax(taxable, starts, f);
  const ordinaryTaxable = taxable > gains ? taxable - gains : 0;
  const gainsTaxable = taxable - ordinaryTaxable;

  // Gains fill taxable income from ordinaryTaxable up to taxable: 0 % below the zero-rate
  // maximum, 20 % above the 15 % maximum, 15 % between.
  const zeroMax = (joint ? GAINS_ZERO_MAX_JOINT : GAINS_ZERO_MAX_SINGLE) * f;
  const fifteenMax = (joint ? GAINS_FIFTEEN_MAX_JOINT : GAINS_FIFTEEN_MAX_SINGLE) * f;
  const atZero = Math.max(0, Math.min(taxable, zeroMax) - ordinaryTaxable);
  const atTwenty = Math.max(0, taxable - Math.max(fifteenMax, ordinaryTaxable));
  const atFifteen = gainsTaxable - atZero - atTwenty;
  const withGainsRates = bracketTax(ordinaryTaxable, starts, f) + 0.15 * atFifteen + 0.2 * atTwenty;
  // Schedule D worksheet: never more than the regular schedule on all taxable income.
  const regular = bracketTax(taxable, starts, f);
  return withGainsRates < regular ? withGainsRates : regular;
}

/**
 * The ordinary rate on the next dollar of taxable ordinary income (a bracket's start belongs to that
 * bracket). Example: single, 2026, 50 400 → 0.22; 50 399 → 0.12.
 */
export function marginalOrdinaryRate(taxableOrdinary: number, filing: FilingStatus, indexFactor: number): number {
  const starts = filing === 'married-joint' ? JOINT_STARTS : SINGLE_STARTS;
  let rate = RATES[0]!;
  for (let k = 1; k < RATES.length; k++) {
    if (taxableOrdinary >= starts[k]! * indexFactor) rate = RATES[k]!;
    else break;
  }
  return rate;
}
