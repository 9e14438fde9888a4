/**
 * A US period life table: the probability q_x that a person of exact age x dies before x + 1, by sex,
 * for single ages 0–119, everyone dead by 120.
 *
 * Source (ages 0–99, keyed in as published): National Center for Health Statistics, "United States
 * Life Tables, 2021", by Elizabeth Arias, Jiaquan Xu and Kenneth Kochanek, National Vital Statistics
 * Reports Vol. 72, No. 12, 7 November 2023, Table 2 "Life table for males: United States, 2021" and
 * Table 3 "Life table for females: United States, 2021" (pp. 16–19), column q_x,
 * https://www.cdc.gov/nchs/data/nvsr/nvsr72/nvsr72-12.pdf. The tables print q_x to six decimals, and
 * l_x (of 100 000 born), L_x, T_x and e_x; a test rebuilds l_x and e_x from these q_x and checks them
 * against the printed figures (male: l_65 = 74 780, e_0 = 73.5, e_65 = 17.0; female: l_65 = 84 604,
 * e_0 = 79.3, e_65 = 19.7).
 *
 * Ages 100–119 are not in the source: its last row is the open interval "100 and older", with
 * l_100 and T_100 (person-years lived above 100), so e_100 = T_100 / l_100 (male 1 281 / 657 = 1.95,
 * female 4 710 / 2 127 = 2.21). They are filled here, in code, with a Gompertz hazard
 *
 *   μ(x) = μ_100 · e^{b (x − 100)},   q_x = 1 − exp(−μ(x)),   x = 100 … 118;   q_119 = 1
 *
 * whose slope b is the least-squares slope of ln(−ln(1 − q_x)) on x over the published ages 85–99
 * (male 0.1003, female 0.1093), and whose level μ_100 is chosen (bisection) so that the tail
 * reproduces the published e_100 under the table's own convention, e_100 = ½ + Σ_{k≥1} l_{100+k} / l_100
 * (male μ_100 = 0.4596 → q_100 = 0.3684; female μ_100 = 0.3883 → q_100 = 0.3218). So the table's
 * life expectancy at every age matches the source, and q_x keeps rising past 99.
 *
 * 2021 is a pandemic year: life expectancy at birth here is 73.5 (male) and 79.3 (female), against
 * 76.3 and 81.4 in 2019 (NCHS, United States Life Tables, 2019, NVSR Vol. 70 No. 19, abstract), so
 * these rates overstate the mortality of a normal recent year and understate longevity risk.
 */

/** The last tabulated age: q at 119 is 1, so nobody lives to 120. */
export const LIFE_TABLE_LAST_AGE = 119;

/** Ages whose q_x the source prints as annual probabilities (0–99). */
const PUBLISHED_LAST_AGE = 99;

/** NVSR 72-12 Table 2, q_x for males aged 0–99 (index = age). */
const NCHS_2021_MALE_QX: readonly number[] = [
  0.005833, 0.000416, 0.000274, 0.000224, 0.000175, 0.000161, 0.000149, 0.000137, 0.000119, 0.000098, // 0–9
  0.000084, 0.000093, 0.000144, 0.000248, 0.000392, 0.000556, 0.000719, 0.000885, 0.001044, 0.001199, // 10–19
  0.001361, 0.001527, 0.001678, 0.001805, 0.001915, 0.002015, 0.002116, 0.002221, 0.002334, 0.002451, // 20–29
  0.002569, 0.002682, 0.002789, 0.002887, 0.002982, 0.003081, 0.003190, 0.003310, 0.003446, 0.003597, // 30–39
  0.003772, 0.003964, 0.004158, 0.004353, 0.004560, 0.004799, 0.005090, 0.005431, 0.005818, 0.006241, // 40–49
  0.006679, 0.007151, 0.007690, 0.008316, 0.009023, 0.009754, 0.010510, 0.011350, 0.012285, 0.013286, // 50–59
  0.014341, 0.015402, 0.016437, 0.017445, 0.018475, 0.019576, 0.020927, 0.022303, 0.023804, 0.025383, // 60–69
  0.026908, 0.028704, 0.030788, 0.033361, 0.035944, 0.040497, 0.044053, 0.048810, 0.053173, 0.058908, // 70–79
  0.063954, 0.070311, 0.076958, 0.084813, 0.094500, 0.104319, 0.116428, 0.129619, 0.143914, 0.159317, // 80–89
  0.175814, 0.193369, 0.211919, 0.231379, 0.251638, 0.272559, 0.293988, 0.315751, 0.337666, 0.359544, // 90–99
];

/** NVSR 72-12 Table 3, q_x for females aged 0–99 (index = age). */
const NCHS_2021_FEMALE_QX: readonly number[] = [
  0.005040, 0.000389, 0.000234, 0.000158, 0.000147, 0.000124, 0.000109, 0.000100, 0.000094, 0.000093, // 0–9
  0.000096, 0.000107, 0.000128, 0.000160, 0.000201, 0.000247, 0.000297, 0.000349, 0.000403, 0.000459, // 10–19
  0.000520, 0.000584, 0.000641, 0.000690, 0.000733, 0.000774, 0.000820, 0.000876, 0.000946, 0.001026, // 20–29
  0.001111, 0.001194, 0.001275, 0.001354, 0.001433, 0.001518, 0.001611, 0.001709, 0.001814, 0.001925, // 30–39
  0.002048, 0.002183, 0.002321, 0.002461, 0.002611, 0.002784, 0.002984, 0.003203, 0.003436, 0.003680, // 40–49
  0.003935, 0.004217, 0.004544, 0.004928, 0.005361, 0.005809, 0.006274, 0.006795, 0.007383, 0.008020, // 50–59
  0.008703, 0.009396, 0.010066, 0.010706, 0.011354, 0.012041, 0.012880, 0.013821, 0.014915, 0.016188, // 60–69
  0.017475, 0.018964, 0.020616, 0.022603, 0.024647, 0.027933, 0.030922, 0.034536, 0.037857, 0.041967, // 70–79
  0.046336, 0.051084, 0.056608, 0.062881, 0.070582, 0.079149, 0.087870, 0.098712, 0.110635, 0.123686, // 80–89
  0.137893, 0.153272, 0.169816, 0.187493, 0.206246, 0.225991, 0.246613, 0.267972, 0.289905, 0.312227, // 90–99
];

/** The source's open interval "100 and older": survivors l_100 and person-years T_100 above 100. */
export const NCHS_2021_OPEN_INTERVAL = Object.freeze({
  male: Object.freeze({ l100: 657, T100: 1281 }),
  female: Object.freeze({ l100: 2127, T100: 4710 }),
});

/** Ages whose q_x set the slope of the tail. */
const SLOPE_FIRST_AGE = 85;

/** Least-squares slope of ln μ_x on x, μ_x = −ln(1 − q_x), over the ages SLOPE_FIRST_AGE–99. */
function gompertzSlope(qx: readonly number[]): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let x = SLOPE_FIRST_AGE; x <= PUBLISHED_LAST_AGE; x++) {
    const y = Math.log(-Math.log(1 - qx[x]!));
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

/** q at ages 100 … 119 for a level μ_100 and slope b (q_119 = 1). */
function tailQx(mu100: number, slope: number): number[] {
  const q: number[] = [];
  for (let x = 100; x < LIFE_TABLE_LAST_AGE; x++) q.push(1 - Math.exp(-mu100 * Math.exp(slope * (x - 100))));
  q.push(1);
  return q;
}

/** e_100 = ½ + Σ_{k≥1} l_{100+k} / l_100 (mid-year deaths, as the source's L_x = (l_x + l_{x+1}) / 2). */
function tailExpectancy(q: readonly number[]): number {
  let survivors = 1;
  let personYears = 0;
  for (const qx of q) {
    const next = survivors * (1 - qx);
    personYears += (survivors + next) / 2;
    survivors = next;
  }
  return personYears;
}

/** The tail level μ_100 whose e_100 equals the target; e_100 falls as μ_100 rises. */
function calibrateTailLevel(slope: number, targetE100: number): number {
  let lo = 1e-3;
  let hi = 10;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (tailExpectancy(tailQx(mid, slope)) > targetE100) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function completeTable(published: readonly number[], open: { l100: number; T100: number }): readonly number[] {
  const slope = gompertzSlope(published);
  const mu100 = calibrateTailLevel(slope, open.T100 / open.l100);
  return Object.freeze([...published, ...tailQx(mu100, slope)]);
}

export interface PeriodLifeTable {
  /** The calendar year whose mortality the table describes. */
  readonly year: number;
  /** The publication the figures come from. */
  readonly source: string;
  /** q_x for males, index = exact age x, 0…119. */
  readonly male: readonly number[];
  /** q_x for females, index = exact age x, 0…119. */
  readonly female: readonly number[];
}

/**
 * The US period life table, 2021 (NCHS, not SSA: the export name is kept for callers; see
 * US_PERIOD_LIFE_TABLE). Example: male q_65 = 0.019576, female q_65 = 0.012041, q_119 = 1.
 */
export const SSA_PERIOD_LIFE_TABLE: PeriodLifeTable = Object.freeze({
  year: 2021,
  source:
    'NCHS, United States Life Tables, 2021 (Arias, Xu, Kochanek), National Vital Statistics Reports ' +
    'Vol. 72 No. 12, 7 Nov 2023, Tables 2 (males) and 3 (females), q_x for ages 0-99, ' +
    'https://www.cdc.gov/nchs/data/nvsr/nvsr72/nvsr72-12.pdf; ages 100-119 a Gompertz tail ' +
    '(slope fitted to ages 85-99) calibrated to the published "100 and older" e_100, q_119 = 1',
  male: completeTable(NCHS_2021_MALE_QX, NCHS_2021_OPEN_INTERVAL.male),
  female: completeTable(NCHS_2021_FEMALE_QX, NCHS_2021_OPEN_INTERVAL.female),
});

/** The same table under a name that does not suggest SSA. */
export const US_PERIOD_LIFE_TABLE: PeriodLifeTable = SSA_PERIOD_LIFE_TABLE;

/** Typed copies for the hot loop (same values). */
const MALE = Float64Array.from(SSA_PERIOD_LIFE_TABLE.male);
const FEMALE = Float64Array.from(SSA_PERIOD_LIFE_TABLE.female);

/**
 * The probability of dying within a year at `age` (floored to whole years): q_x from the table,
 * 1 at 119 and above. Example: (65, 'male') → 0.019576; (65.9, 'female') → 0.012041; (120, …) → 1.
 * A negative or non-finite age or an unknown sex is a programming error: RangeError. Allocation-free.
 */
export function ssaDeathProbability(age: number, sex: 'male' | 'female'): number {
  if (!(age >= 0) || age === Infinity) {
    throw new RangeError(`ssaDeathProbability: age must be a finite number ≥ 0; got ${age}`);
  }
  const table = sex === 'male' ? MALE : sex === 'female' ? FEMALE : undefined;
  if (table === undefined) {
    throw new RangeError(`ssaDeathProbability: sex must be 'male' or 'female'; got ${String(sex)}`);
  }
  const a = Math.floor(age);
  return a >= LIFE_TABLE_LAST_AGE ? 1 : table[a]!;
}
