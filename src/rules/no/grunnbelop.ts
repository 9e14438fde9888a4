/**
 * Grunnbeløpet (G), the Norwegian base amount, set every 1 May (folketrygdloven § 1-4).
 * Source: NAV's public G data (github.com/navikt/g, grunnbeløp.json), copied into the project.
 */
export const G_FIRST_YEAR = 2010;

/** G from 1 May of each year 2010..2026, in NOK. */
export const G_FROM_MAY: readonly number[] = [
  75_641, 79_216, 82_122, 85_245, 88_370, 90_068, 92_576, 93_634, 96_883, 99_858, 101_351, 106_399,
  111_477, 118_620, 124_028, 130_160, 136_549,
];

/** Last calendar year with a published G. */
export const G_LAST_YEAR = G_FIRST_YEAR + G_FROM_MAY.length - 1;

/**
 * Yearly average G for a calendar year: old G · 4/12 + new G · 8/12.
 * Example: averageG(2025) = 124 028 · 4/12 + 130 160 · 8/12 = 128 116 (NAV publishes 128 116).
 */
export function averageG(year: number): number {
  const i = year - G_FIRST_YEAR;
  if (i < 1 || i >= G_FROM_MAY.length) throw new RangeError(`no published average G for ${year}`);
  return (G_FROM_MAY[i - 1]! * 4) / 12 + (G_FROM_MAY[i]! * 8) / 12;
}

/**
 * G in force from 1 May of `year`; beyond the table it is projected with `growth` a year
 * (the scenario's wage growth: G follows wages). Before 2010 is refused: the table starts there.
 * Example: gForYear(2028, 0.03) = 136 549 · 1.03² = 144 864.84.
 */
export function gForYear(year: number, growth: number): number {
  if (year < G_FIRST_YEAR) throw new RangeError(`G is built in from ${G_FIRST_YEAR}; got ${year}`);
  const i = year - G_FIRST_YEAR;
  if (i < G_FROM_MAY.length) return G_FROM_MAY[i]!;
  return G_FROM_MAY[G_FROM_MAY.length - 1]! * Math.pow(1 + growth, year - G_LAST_YEAR);
}
