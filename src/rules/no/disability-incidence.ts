/**
 * The default yearly disability incidence by age and sex (docs/model.md §2.9 "Incidence"): new
 * recipients of uføretrygd (then uførepensjon) in a year over the people of that age not yet on it,
 * all from NAV's published statistics for 2012:
 * - new recipients by age, whole year 2012: NAV, "Nye mottakere av uføretrygd, etter kjønn og alder.
 *   1. kvartal–4. kvartal 2007–2016. Antall" (NEW_2012);
 * - recipients by age at 31.12.2012: NAV, "Mottakere av uførepensjon, etter kjønn og alder.
 *   Pr. 31.12.2003–2012. Antall" (RECIPIENTS_2012);
 * - recipients as a percentage of the population by age at 30.09.2012: NAV, "Mottakere av
 *   uførepensjon som andel av befolkningen, etter kjønn og alder. Pr. 30.09.2004–2013" (PREVALENCE_2012).
 * The population of an age group is recipients ÷ prevalence (NAV's own denominator, SSB's population;
 * the prevalence is published to 0.1 %, which limits the young groups' precision to ~6 %), those
 * not on the benefit are population − recipients, and the rate is new ÷ not on it.
 * Example: 45–49: 30 438 / 0.085 = 358 094 people, 327 656 not disabled, 4 288 new: 13.087 per 1 000.
 *
 * Sex: NAV publishes the new recipients per 1 000 not disabled by sex (all ages) in "Nye mottakere
 * av uføretrygd per 1000 ikke-ufør i befolkningen, etter kjønn og fylke. 1.–3. kvartal 2013–2022";
 * summed over those ten years women 88.5, men 58.9, all 73.1: factors 1.2107 and 0.8057 on the
 * rates of both sexes. Estimated: the same factor at every age (NAV's age-by-sex counts were not
 * available complete), and 2012's incidence held for all future years.
 */

/** First age of each NAV age group; the last group, 65–67, ends at 67. */
export const AGE_GROUP_FROM = [18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65] as const;
export const NEW_2012 = [647, 485, 761, 1101, 2063, 3268, 4288, 4911, 5572, 4986, 1164] as const;
export const RECIPIENTS_2012 = [1012, 3858, 5084, 7040, 11473, 20125, 30438, 41431, 59540, 84158, 45721] as const;
/** Percent of the population. */
export const PREVALENCE_2012 = [0.8, 1.1, 1.5, 2.1, 3.3, 5.3, 8.5, 12.7, 19.4, 29.8, 37.7] as const;
/** Sums over 2013–2022 of NAV's new recipients per 1 000 not disabled (1.–3. quarter), by sex. */
export const PER_1000_SUM = { all: 73.1, female: 88.5, male: 58.9 } as const;
export const INCIDENCE_END_AGE = 67;

/** The yearly rate of an age group, both sexes: new / (recipients / prevalence − recipients). */
export function groupRate(i: number): number {
  const recipients = RECIPIENTS_2012[i]!;
  const notDisabled = recipients / (PREVALENCE_2012[i]! / 100) - recipients;
  return NEW_2012[i]! / notDisabled;
}

/** The factor on the both-sexes rate for a sex (1 when the sex is not given). */
export function sexFactor(sex: 'male' | 'female' | undefined): number {
  return sex === undefined ? 1 : PER_1000_SUM[sex] / PER_1000_SUM.all;
}

/**
 * The default yearly incidence at an age: 0 before 18 and from 67, else its NAV group's rate times
 * the sex factor. Example: navIncidence(47, 'female') = 0.013087 · 1.2107 = 0.015844.
 */
export function navIncidence(age: number, sex: 'male' | 'female' | undefined): number {
  if (age < AGE_GROUP_FROM[0] || age >= INCIDENCE_END_AGE) return 0;
  let i = AGE_GROUP_FROM.length - 1;
  while (AGE_GROUP_FROM[i]! > age) i--;
  return groupRate(i) * sexFactor(sex);
}
