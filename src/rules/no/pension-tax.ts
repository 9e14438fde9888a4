/**
 * Norwegian tax on pension income (docs/model.md §2.8), for one person with only pension income,
 * 100 % old-age pension drawn for the whole year (no proration of the pension tax credit).
 *
 * Pension is personinntekt:
 *   1. trygdeavgift at the pension rate on the gross amount, but never more than 25 % of the
 *      income above the lower limit (nedre grense / opptrappingsregelen);
 *   2. trinnskatt (bracket tax) on the gross amount;
 *   3. 22 % on alminnelig inntekt = gross − minstefradrag, after personfradrag;
 *   4. minus the pension tax credit (skattefradrag for pensjonsinntekt, sktl. § 16-1), which
 *      only reduces inntektsskatt + trygdeavgift and so never exceeds their sum.
 * No rounding to whole kroner is applied (the functions stay continuous and monotone).
 *
 * Sources (cited by short name below):
 *   [REG25]   regjeringen.no, "Skattesatser 2025",
 *             https://regjeringen.no/no/tema/okonomi-og-budsjett/skatter-og-avgifter/skattesatser-2025/id3056727
 *   [REG26]   regjeringen.no, "Skattesatser 2026" (proposal table),
 *             https://www.regjeringen.no/no/tema/okonomi-og-budsjett/skatter-og-avgifter/skattesatser-2026/id3121978/
 *   [EFACTA]  efacta.no, "Skattesatser, fradrag og beløpsgrenser i 2025 og 2026" (adopted 2026 rules),
 *             https://www.efacta.no/demo/book/m-6335
 *   [FORMUE]  formue.no, "Statsbudsjettet 2026: dette betyr budsjettforliket for skatt og avgift"
 *             (the budget deal changed only trinn 4/5 rates and personfradrag; all else as proposed),
 *             https://formue.no/innsikt/statsbudsjettet-2026-dette-betyr-budsjettforliket-for-skatt-og-avgift
 *   [INNST25] Stortinget, Innst. 3 S (2024–2025) §3.1.1.2 Minstefradrag,
 *             https://stortinget.no/no/Saker-og-publikasjoner/Publikasjoner/Innstillinger/Stortinget/2024-2025/inns-202425-003s?c=False&m=2
 *   [PF25]    Pensjonistforbundet, "Skatt for pensjonister" (2025 figures),
 *             https://www.pensjonistforbundet.no/rad-og-tips/din-okonomi/skatt
 *   [SKE25]   Skatteetaten, "Tax deduction for pension income" (2025),
 *             https://www.skatteetaten.no/en/rates/tax-allowance-for-pension-income/
 *   [ABC]     Skatteetaten, Skatte-ABC S-13-3.4 Eksempler (2025 figures, worked examples),
 *             https://www.skatteetaten.no/en/rettskilder/type/handboker/skatte-abc/gjeldende/s-13-skattefradrag-for-pensjonsinntekt/S-13.009/S-13.020
 *   [SKE-MF]  Skatteetaten, "Minstefradrag" rates page (2022 edition; 4 000 kr floor rule),
 *             https://skatteetaten.no/satser/minstefradrag/?year=2022
 *   [BDO26]   BDO, "Statsbudsjettet 2026 – personskatt",
 *             https://www.bdo.no/nb-no/bloggen/statsbudsjettet-2026-personskatt
 *   [GJ26]    Gjensidige / Pensjonistforbundet (L. Nestaas), "Skatt på pensjon: Så mye skal du betale"
 *             (2026 worked example: pension 350 000 → tax 29 662),
 *             https://gjensidige-chxpprod.enonic.cloud/godtforberedt/content/hvordan-beregnes-skatt-pa-pensjon
 */

export type NoTaxYear = 2025 | 2026;

export interface NoPensionTaxParams {
  year: NoTaxYear;
  /** Trygdeavgift rate on pension income. */
  trygdeavgiftRate: number;
  /** No trygdeavgift at or below this personinntekt (nedre grense). */
  trygdeavgiftLowerLimit: number;
  /** Trygdeavgift never exceeds this share of income above the lower limit (opptrappingssats). */
  trygdeavgiftMaxShareAboveLimit: number;
  /** Trinnskatt lower bounds, ascending; rate i applies from threshold i to threshold i+1. */
  trinnThresholds: readonly number[];
  trinnRates: readonly number[];
  minstefradragRate: number;
  minstefradragMin: number;
  minstefradragMax: number;
  personfradrag: number;
  /** Tax rate on alminnelig inntekt. */
  ordinaryRate: number;
  /** Pension tax credit: maximum amount. */
  creditMax: number;
  /** Credit is reduced by creditRate1 of the income between creditThreshold1 and creditThreshold2 … */
  creditThreshold1: number;
  creditRate1: number;
  /** … and by creditRate2 of the income above creditThreshold2 (not cumulative with rate1). */
  creditThreshold2: number;
  creditRate2: number;
}

const P2025: NoPensionTaxParams = Object.freeze({
  year: 2025,
  // 5.1 % on pension income: [REG25] ("Pensjonsinntekt mv. 5,1 pst.").
  trygdeavgiftRate: 0.051,
  // Nedre grense 99 650 kr and opptrappingssats 25 %: [REG25].
  trygdeavgiftLowerLimit: 99_650,
  trygdeavgiftMaxShareAboveLimit: 0.25,
  // Thresholds and rates: [REG25].
  trinnThresholds: Object.freeze([217_400, 306_050, 697_150, 942_400, 1_410_750]),
  trinnRates: Object.freeze([0.017, 0.04, 0.137, 0.167, 0.177]),
  // 40 % with upper limit 73 150 kr on pension: [INNST25], [PF25].
  minstefradragRate: 0.4,
  // unconfirmed: 4 000 kr floor (fradrag = income when income < 4 000) is confirmed by [SKE-MF] for
  // 2022 only; it has been unchanged for years and is assumed still to apply in 2025.
  minstefradragMin: 4_000,
  minstefradragMax: 73_150,
  // [PF25].
  personfradrag: 108_550,
  // 22 %: [REG25].
  ordinaryRate: 0.22,
  // Credit: [SKE25]; identical in [ABC], [PF25]. [ABC] example 2 confirms that rate1 applies
  // only to income between the thresholds and rate2 only above threshold 2 (credit is 0 from
  // 615 052.5 kr). Note: smartepenger.no ("Skatt på pensjonsinntekter") gives 35 600 kr as the 2025
  // maximum; that disagrees with Skatteetaten, and is not used.
  creditMax: 36_000,
  creditThreshold1: 276_400,
  creditRate1: 0.167,
  creditThreshold2: 422_950,
  creditRate2: 0.06,
});

const P2026: NoPensionTaxParams = Object.freeze({
  year: 2026,
  // Pension rate unchanged at 5.1 % (only wage/business rates were cut): [REG26], [EFACTA].
  trygdeavgiftRate: 0.051,
  // Nedre grense unchanged at 99 650 kr, opptrapping 25 %: [REG26], [EFACTA].
  trygdeavgiftLowerLimit: 99_650,
  trygdeavgiftMaxShareAboveLimit: 0.25,
  // Thresholds and rates: [EFACTA] (adopted). Note the [REG26] proposal had
  // 16.7 % / 17.7 % in trinn 4/5; the budget deal raised them to 16.8 % / 17.8 % [FORMUE].
  trinnThresholds: Object.freeze([226_100, 318_300, 725_050, 980_100, 1_467_200]),
  trinnRates: Object.freeze([0.017, 0.04, 0.137, 0.168, 0.178]),
  // 40 % with upper limit 75 400 kr (proposed in [BDO26], not changed by the budget deal [FORMUE],
  // used in the 2026 example [GJ26]).
  minstefradragRate: 0.4,
  // unconfirmed: 4 000 kr floor assumed unchanged (see 2025).
  minstefradragMin: 4_000,
  minstefradragMax: 75_400,
  // 114 540 kr after the budget deal (proposal was 114 210): [FORMUE].
  personfradrag: 114_540,
  ordinaryRate: 0.22,
  // unconfirmed: the 2026 credit parameters were not found in any stored source. Best value: the
  // 2025 amounts adjusted by the ~3.1 % pension growth used for the 2026 pension minstefradrag
  // (73 150 → 75 400), rounded to 50 kr: 36 000 → 37 100, 276 400 → 284 950, 422 950 → 436 050;
  // rates kept at 16.7 % / 6.0 %. Check: with these values, pension 350 000 kr gives tax
  // 29 661.95 kr, which matches the published 2026 example in [GJ26] (29 662 kr). That example only
  // tests creditMax − 0.167 · (350 000 − creditThreshold1), so creditThreshold2 and creditRate2 are
  // not checked by it.
  creditMax: 37_100,
  creditThreshold1: 284_950,
  creditRate1: 0.167,
  creditThreshold2: 436_050,
  creditRate2: 0.06,
});

export const NO_PENSION_TAX: Readonly<Record<NoTaxYear, NoPensionTaxParams>> = Object.freeze({
  2025: P2025,
  2026: P2026,
});

// ---- item helpers: scalar in, scalar out, no allocation (inlined by V8 in the hot loop) ----

function trygdeavgiftOf(gross: number, p: NoPensionTaxParams): number {
  if (gross <= p.trygdeavgiftLowerLimit) return 0;
  const full = p.trygdeavgiftRate * gross;
  const cap = p.trygdeavgiftMaxShareAboveLimit * (gross - p.trygdeavgiftLowerLimit);
  return full < cap ? full : cap;
}

function trinnskattOf(gross: number, p: NoPensionTaxParams): number {
  const th = p.trinnThresholds;
  const rates = p.trinnRates;
  const n = th.length;
  let tax = 0;
  for (let i = 0; i < n; i++) {
    const lo = th[i]!;
    if (gross <= lo) break;
    const hi = i + 1 < n ? th[i + 1]! : Infinity;
    tax += rates[i]! * ((gross < hi ? gross : hi) - lo);
  }
  return tax;
}

function minstefradragOf(gross: number, p: NoPensionTaxParams): number {
  let m = p.minstefradragRate * gross;
  if (m < p.minstefradragMin) m = p.minstefradragMin;
  if (m > p.minstefradragMax) m = p.minstefradragMax;
  // Below the floor the deduction equals the income (it never makes alminnelig inntekt negative).
  return m < gross ? m : gross;
}

function ordinaryTaxOf(alminneligInntekt: number, p: NoPensionTaxParams): number {
  const base = alminneligInntekt - p.personfradrag;
  return base > 0 ? p.ordinaryRate * base : 0;
}

/** Credit before the cap at the tax it offsets: max − rate1·(part in [t1, t2]) − rate2·(part above t2), ≥ 0. */
function creditUncappedOf(gross: number, p: NoPensionTaxParams): number {
  let c = p.creditMax;
  if (gross > p.creditThreshold1) {
    const top = gross < p.creditThreshold2 ? gross : p.creditThreshold2;
    c -= p.creditRate1 * (top - p.creditThreshold1);
    if (gross > p.creditThreshold2) c -= p.creditRate2 * (gross - p.creditThreshold2);
  }
  return c > 0 ? c : 0;
}

/** Total yearly tax (NOK) on a gross yearly pension income, never negative, never above gross. */
export function norwegianPensionTax(gross: number, p: NoPensionTaxParams): number {
  if (!(gross > 0)) return 0; // also maps NaN to 0
  const before =
    trygdeavgiftOf(gross, p) +
    trinnskattOf(gross, p) +
    ordinaryTaxOf(gross - minstefradragOf(gross, p), p);
  const credit = creditUncappedOf(gross, p);
  // The credit only offsets tax: total = before − min(credit, before).
  return before > credit ? before - credit : 0;
}

/** Same, itemised: trygdeavgift, trinnskatt, ordinary (22 %), credit, total; for reports and tests. */
export function norwegianPensionTaxBreakdown(
  gross: number,
  p: NoPensionTaxParams,
): {
  trygdeavgift: number;
  trinnskatt: number;
  minstefradrag: number;
  alminneligInntekt: number;
  ordinaryTax: number;
  credit: number;
  total: number;
} {
  if (!(gross > 0)) {
    return { trygdeavgift: 0, trinnskatt: 0, minstefradrag: 0, alminneligInntekt: 0, ordinaryTax: 0, credit: 0, total: 0 };
  }
  const trygdeavgift = trygdeavgiftOf(gross, p);
  const trinnskatt = trinnskattOf(gross, p);
  const minstefradrag = minstefradragOf(gross, p);
  // Alminnelig inntekt before personfradrag (personfradrag is applied in the 22 % tax itself).
  const alminneligInntekt = gross - minstefradrag;
  const ordinaryTax = ordinaryTaxOf(alminneligInntekt, p);
  const before = trygdeavgift + trinnskatt + ordinaryTax;
  const uncapped = creditUncappedOf(gross, p);
  const credit = uncapped < before ? uncapped : before;
  return { trygdeavgift, trinnskatt, minstefradrag, alminneligInntekt, ordinaryTax, credit, total: before - credit };
}
