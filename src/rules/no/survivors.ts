/**
 * The folketrygd's benefits to survivors of a member who dies before retirement (rules from
 * 1 January 2024; NAV, "Etterlatte – stønadene i folketrygden endres"; docs/model.md §2.6):
 * - omstillingsstønad (folketrygdloven kap. 17) to a surviving spouse or cohabitant: 2.25 G a year,
 *   usually for 3 years (5 with training), reduced by 45 % of the survivor's income above 0.5 G;
 * - barnepensjon (kap. 18) to each child: 1 G a year (2.25 G if both parents are dead, not modelled)
 *   until the child turns 20.
 * Both assume the deceased's full trygdetid (40 years). Valued at the G of the year of death and
 * summed over the years paid (as the DC heirs' figures: no discounting, no regulation).
 */

export const OMSTILLING_G = 2.25;
export const OMSTILLING_YEARS = 3;
export const OMSTILLING_REDUCTION = 0.45;
export const OMSTILLING_FREE_G = 0.5;
export const BARNEPENSJON_G = 1;
export const BARNEPENSJON_END_AGE = 20;

/**
 * Omstillingsstønad a year in G: (2.25 − 0.45 · (income − 0.5)⁺)⁺, income in G.
 * Example: omstillingG(3) = 2.25 − 0.45 · 2.5 = 1.125; at 5.5 G and above, 0.
 */
export function omstillingG(survivorIncomeG: number): number {
  return Math.max(0, OMSTILLING_G - OMSTILLING_REDUCTION * Math.max(0, survivorIncomeG - OMSTILLING_FREE_G));
}

/**
 * Barnepensjon years left to the children after a death in `deathYear` (paid from the next year):
 * each child born by then gets 1 G a year until 20: Σ max(0, 20 − (deathYear + 1 − born)) over children.
 * Example: barnepensjonYears(2030, [2020, 2023]) = (20 − 11) + (20 − 8) = 21.
 */
export function barnepensjonYears(deathYear: number, births: ArrayLike<number>): number {
  let years = 0;
  for (let i = 0; i < births.length; i++) {
    const born = births[i]!;
    if (born <= deathYear) years += Math.max(0, BARNEPENSJON_END_AGE - (deathYear + 1 - born));
  }
  return years;
}

/**
 * The survivors' benefits in kroner of the death year: G · (omstillingsstønad years × its yearly G, if a
 * spouse survives, + barnepensjon years × 1 G). Example: survivorBenefits(130 160, 2030, [2020, 2023], true, 3, 3)
 * = 130 160 · (3 · 1.125 + 21) = 3 172 650.
 */
export function survivorBenefits(g: number, deathYear: number, births: ArrayLike<number>, spouse: boolean, survivorIncomeG: number, omstillingYears: number): number {
  const spouseG = spouse ? omstillingYears * omstillingG(survivorIncomeG) : 0;
  return g * (spouseG + BARNEPENSJON_G * barnepensjonYears(deathYear, births));
}
