/**
 * The disability degree (uføregrad) drawn per disabled path (docs/model.md §2.9 "Degree"): a
 * discrete distribution, the scenario's own table or NAV's.
 *
 * NAV's default (`nav-2022`): recipients of uføretrygd by degree at 30.09.2022, NAV, "Mottakere av
 * uføretrygd etter uføregrad og utbetalingsgrad. Pr. 30.09.2022. Antall" (nav.no, statistikk: AAP,
 * nedsatt arbeidsevne og uføretrygd): of 362 525 recipients, degree unknown 27, up to 49 % 3 208,
 * 50 % 21 008, 51–69 % 15 706, 70–99 % 16 993, 100 % 305 583. Below 50 % is a work injury's
 * (folketrygdloven § 12-17) or an old case's; those and the unknown are left out and the rest
 * renormalised over 359 290: 100 % 0.850519, 70–99 % 0.047296, 51–69 % 0.043714, 50 % 0.058471.
 * Estimated: each group's degree is its middle (0.85 for 70–99 %, 0.60 for 51–69 %); the shares are
 * of recipients (a stock), not of new grants: NAV's new grants in the first quarters of 2015 and
 * 2016 ("Nye mottakere av uføretrygd, etter uføregrad og kjønn. 1. kvartal 2007–2016") were less
 * often 100 % (10 778 of 14 661, 73.5 %), so the default leans to the full degree; a table is the
 * scenario's choice.
 */

/** NAV's recipients by degree at 30.09.2022 (the groups kept: 50 %, 51–69 %, 70–99 %, 100 %). */
export const NAV_DEGREE_2022_COUNTS = { d50: 21_008, d51to69: 15_706, d70to99: 16_993, d100: 305_583 } as const;

/** The degree that stands for each NAV group (its middle; estimated). */
export const NAV_GROUP_DEGREE = { d50: 0.5, d51to69: 0.6, d70to99: 0.85, d100: 1 } as const;

export interface DegreeShare {
  degree: number;
  share: number;
}

/** NAV's 2022 distribution as a table (shares sum to 1): 100 % at 0.850519 (305 583 / 359 290). */
export function navDegreeTable(): DegreeShare[] {
  const c = NAV_DEGREE_2022_COUNTS;
  const total = c.d50 + c.d51to69 + c.d70to99 + c.d100;
  return (['d100', 'd70to99', 'd51to69', 'd50'] as const).map((k) => ({ degree: NAV_GROUP_DEGREE[k], share: c[k] / total }));
}

/** How far the shares of a table may sum from 1 (rounding in a hand-written table). */
export const SHARE_SUM_TOLERANCE = 1e-6;
