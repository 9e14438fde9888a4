import { describe, it, expect } from 'vitest';
import {
  LIFE_TABLE_LAST_AGE,
  NCHS_2021_OPEN_INTERVAL,
  SSA_PERIOD_LIFE_TABLE,
  US_PERIOD_LIFE_TABLE,
  ssaDeathProbability,
} from '../../src/rules/us/ssa-life-table.js';

type Sex = 'male' | 'female';
const SEXES: readonly Sex[] = ['male', 'female'];

// NCHS, United States Life Tables, 2021, NVSR Vol. 72 No. 12 (7 Nov 2023), Table 2 (males) and
// Table 3 (females), https://www.cdc.gov/nchs/data/nvsr/nvsr72/nvsr72-12.pdf, typed here again by
// hand as (age, q_x) and (age, l_x, e_x), independently of the module's arrays.
const PUBLISHED_QX: Record<Sex, ReadonlyArray<readonly [number, number]>> = {
  male: [
    [0, 0.005833], [1, 0.000416], [10, 0.000084], [25, 0.002015], [45, 0.004799], [62, 0.016437],
    [65, 0.019576], [67, 0.022303], [80, 0.063954], [90, 0.175814], [95, 0.272559], [99, 0.359544],
  ],
  female: [
    [0, 0.00504], [1, 0.000389], [9, 0.000093], [25, 0.000774], [45, 0.002784], [62, 0.010066],
    [65, 0.012041], [67, 0.013821], [80, 0.046336], [90, 0.137893], [95, 0.225991], [99, 0.312227],
  ],
};

// (age, l_x survivors of 100 000 born, e_x expectation of life) as printed.
const PUBLISHED_LX_EX: Record<Sex, ReadonlyArray<readonly [number, number, number]>> = {
  male: [
    [0, 100000, 73.5], [1, 99417, 73.0], [30, 96811, 45.4], [50, 89467, 28.2], [65, 74780, 17.0],
    [75, 57001, 10.6], [85, 29498, 5.6], [90, 14623, 3.9], [95, 4407, 2.7], [99, 1026, 2.1],
    [100, 657, 1.9],
  ],
  female: [
    [0, 100000, 79.3], [1, 99496, 78.7], [30, 98357, 50.4], [50, 94245, 32.1], [65, 84604, 19.7],
    [75, 70967, 12.5], [85, 44237, 6.7], [90, 26100, 4.6], [95, 10201, 3.2], [99, 3092, 2.4],
    [100, 2127, 2.2],
  ],
};

// The whole printed l_x column, ages 0–100, for a check of every q_x against its neighbours.
const PUBLISHED_LX_COLUMN: Record<Sex, readonly number[]> = {
  male: [
    100_000, 99_417, 99_375, 99_348, 99_326, 99_308, 99_292, 99_278, 99_264, 99_252, // 0–9
    99_242, 99_234, 99_225, 99_211, 99_186, 99_147, 99_092, 99_021, 98_933, 98_830, // 10–19
    98_711, 98_577, 98_427, 98_261, 98_084, 97_896, 97_699, 97_492, 97_276, 97_049, // 20–29
    96_811, 96_562, 96_303, 96_035, 95_757, 95_472, 95_178, 94_874, 94_560, 94_234, // 30–39
    93_895, 93_541, 93_170, 92_783, 92_379, 91_958, 91_516, 91_051, 90_556, 90_029, // 40–49
    89_467, 88_870, 88_234, 87_556, 86_828, 86_044, 85_205, 84_309, 83_352, 82_328, // 50–59
    81_235, 80_070, 78_836, 77_541, 76_188, 74_780, 73_316, 71_782, 70_181, 68_511, // 60–69
    66_772, 64_975, 63_110, 61_167, 59_126, 57_001, 54_693, 52_283, 49_731, 47_087, // 70–79
    44_313, 41_479, 38_563, 35_595, 32_576, 29_498, 26_421, 23_344, 20_319, 17_394, // 80–89
    14_623, 12_052, 9_722, 7_661, 5_889, 4_407, 3_206, 2_263, 1_549, 1_026, // 90–99
    657, // 100
  ],
  female: [
    100_000, 99_496, 99_457, 99_434, 99_418, 99_404, 99_391, 99_381, 99_371, 99_361, // 0–9
    99_352, 99_342, 99_332, 99_319, 99_303, 99_283, 99_259, 99_229, 99_195, 99_155, // 10–19
    99_109, 99_057, 99_000, 98_936, 98_868, 98_795, 98_719, 98_638, 98_552, 98_458, // 20–29
    98_357, 98_248, 98_131, 98_006, 97_873, 97_733, 97_584, 97_427, 97_261, 97_084, // 30–39
    96_897, 96_699, 96_488, 96_264, 96_027, 95_776, 95_510, 95_225, 94_919, 94_593, // 40–49
    94_245, 93_874, 93_479, 93_054, 92_595, 92_099, 91_564, 90_989, 90_371, 89_704, // 50–59
    88_984, 88_210, 87_381, 86_502, 85_576, 84_604, 83_585, 82_509, 81_368, 80_155, // 60–69
    78_857, 77_479, 76_010, 74_443, 72_760, 70_967, 68_985, 66_851, 64_543, 62_099, // 70–79
    59_493, 56_736, 53_838, 50_790, 47_597, 44_237, 40_736, 37_156, 33_489, 29_784, // 80–89
    26_100, 22_501, 19_052, 15_817, 12_851, 10_201, 7_895, 5_948, 4_354, 3_092, // 90–99
    2_127, // 100
  ],
};

/** Survivors l_0 … l_120 of a radix of 1 from q_0 … q_119: l_{x+1} = l_x (1 − q_x). */
function survivors(q: readonly number[]): number[] {
  const l = [1];
  for (const qx of q) l.push(l[l.length - 1]! * (1 - qx));
  return l;
}

/**
 * e_x = Σ_{y ≥ x} L_y / l_x with L_y = (l_y + l_{y+1}) / 2, the source's convention above age 0
 * (its L_x column equals (l_x + l_{x+1}) / 2 to the unit at every age 1–99).
 */
function expectancy(l: readonly number[], x: number): number {
  let personYears = 0;
  for (let y = x; y < l.length - 1; y++) personYears += (l[y]! + l[y + 1]!) / 2;
  return personYears / l[x]!;
}

describe('US period life table 2021 (NCHS NVSR 72-12)', () => {
  it('has q_x for ages 0..119 in [0, 1], with q_119 = 1', () => {
    for (const sex of SEXES) {
      const q = SSA_PERIOD_LIFE_TABLE[sex];
      expect(q.length).toBe(120);
      for (const qx of q) expect(qx >= 0 && qx <= 1).toBe(true);
      expect(q[119]).toBe(1);
      expect(q.slice(0, 119).every((qx) => qx < 1)).toBe(true);
    }
    expect(LIFE_TABLE_LAST_AGE).toBe(119);
    expect(SSA_PERIOD_LIFE_TABLE.year).toBe(2021);
    expect(SSA_PERIOD_LIFE_TABLE.source).toMatch(/NVSR|National Vital Statistics Reports/);
    expect(US_PERIOD_LIFE_TABLE).toBe(SSA_PERIOD_LIFE_TABLE);
  });

  it('matches the published q_x at the spot ages', () => {
    for (const sex of SEXES) {
      for (const [age, qx] of PUBLISHED_QX[sex]) {
        expect(SSA_PERIOD_LIFE_TABLE[sex][age], `${sex} q_${age}`).toBe(qx);
      }
    }
  });

  it('rebuilds the printed l_x within rounding', () => {
    // Printed l_x is rounded to the unit (±0.5); each q_y is rounded to 6 decimals (±5e-7), which
    // moves l_x by at most l_x · Σ_{y<x} 5e-7 / (1 − q_y).
    for (const sex of SEXES) {
      const q = SSA_PERIOD_LIFE_TABLE[sex];
      const l = survivors(q);
      for (const [age, lx] of PUBLISHED_LX_EX[sex]) {
        let relative = 0;
        for (let y = 0; y < age; y++) relative += 5e-7 / (1 - q[y]!);
        const computed = 100000 * l[age]!;
        const tolerance = 0.5 + computed * relative;
        expect(Math.abs(computed - lx), `${sex} l_${age}: ${computed} vs ${lx} (±${tolerance})`).toBeLessThanOrEqual(tolerance);
      }
    }
  });

  it('agrees at every age 0–99 with the printed l_x and l_{x+1}', () => {
    // l_x (1 − q_x) = l_{x+1}: both l printed to the unit (±0.5 each), q_x to 6 decimals
    // (±5e-7 · l_x ≤ 0.05), so |l_x (1 − q_x) − l_{x+1}| ≤ 1.05. A slip of δ in q_x shows as l_x δ.
    for (const sex of SEXES) {
      const q = SSA_PERIOD_LIFE_TABLE[sex];
      const lx = PUBLISHED_LX_COLUMN[sex];
      expect(lx.length).toBe(101);
      for (let x = 0; x < 100; x++) {
        const gap = Math.abs(lx[x]! * (1 - q[x]!) - lx[x + 1]!);
        expect(gap, `${sex} age ${x}`).toBeLessThanOrEqual(1.05);
      }
    }
  });

  it('rebuilds the printed e_x within rounding', () => {
    // Printed e_x has one decimal (±0.05). q_y rounded to 6 decimals moves e_x by at most
    // Σ_y 5e-7 · e_{y+1} l_{y+1} / l_x ≤ 5e-7 · 120 · 80 < 0.005. At age 0 the source puts infant
    // deaths at a fraction a_0 ≈ 0.12 of the year, not ½: e_0 differs by at most ½ q_0.
    for (const sex of SEXES) {
      const q = SSA_PERIOD_LIFE_TABLE[sex];
      const l = survivors(q);
      for (const [age, , ex] of PUBLISHED_LX_EX[sex]) {
        const tolerance = 0.05 + 0.005 + (age === 0 ? q[0]! / 2 : 0);
        const computed = expectancy(l, age);
        expect(Math.abs(computed - ex), `${sex} e_${age}: ${computed} vs ${ex}`).toBeLessThanOrEqual(tolerance);
      }
    }
  });

  it('closes the table with the published open interval: e_100 = T_100 / l_100', () => {
    // The tail above 99 is calibrated to this figure; the check holds the calibration to it.
    for (const sex of SEXES) {
      const { l100, T100 } = NCHS_2021_OPEN_INTERVAL[sex];
      const l = survivors(SSA_PERIOD_LIFE_TABLE[sex]);
      expect(expectancy(l, 100)).toBeCloseTo(T100 / l100, 6);
    }
    expect(NCHS_2021_OPEN_INTERVAL.male).toEqual({ l100: 657, T100: 1281 });
    expect(NCHS_2021_OPEN_INTERVAL.female).toEqual({ l100: 2127, T100: 4710 });
  });

  it('gives the tail of the doc comment (computed by hand in Python from the same fit)', () => {
    expect(SSA_PERIOD_LIFE_TABLE.male[100]).toBeCloseTo(0.3684, 4);
    expect(SSA_PERIOD_LIFE_TABLE.female[100]).toBeCloseTo(0.3218, 4);
    expect(SSA_PERIOD_LIFE_TABLE.male[110]).toBeCloseTo(0.7143, 4);
    expect(SSA_PERIOD_LIFE_TABLE.female[110]).toBeCloseTo(0.6858, 4);
  });

  it('has q_x strictly increasing from age 30 to 119, past the published ages too', () => {
    for (const sex of SEXES) {
      const q = SSA_PERIOD_LIFE_TABLE[sex];
      for (let x = 30; x < 119; x++) expect(q[x + 1]!, `${sex} q_${x + 1} > q_${x}`).toBeGreaterThan(q[x]!);
    }
  });

  it('has females dying less than males at every published age but 10 and 11', () => {
    // The source prints female q_10 = 0.000096 > male 0.000084 and q_11 = 0.000107 > 0.000093.
    const { male, female } = SSA_PERIOD_LIFE_TABLE;
    for (let x = 0; x < 100; x++) {
      if (x === 10 || x === 11) expect(female[x]!, `age ${x}`).toBeGreaterThan(male[x]!);
      else expect(female[x]!, `age ${x}`).toBeLessThan(male[x]!);
    }
  });
});

describe('ssaDeathProbability', () => {
  it('reads the table at the floored age', () => {
    expect(ssaDeathProbability(65, 'male')).toBe(0.019576);
    expect(ssaDeathProbability(65.9, 'female')).toBe(0.012041);
    expect(ssaDeathProbability(0, 'male')).toBe(0.005833);
    expect(ssaDeathProbability(99.5, 'female')).toBe(0.312227);
    expect(ssaDeathProbability(100, 'male')).toBe(SSA_PERIOD_LIFE_TABLE.male[100]);
  });

  it('is 1 at 119 and above: everyone dies by 120', () => {
    for (const sex of SEXES) {
      expect(ssaDeathProbability(118.99, sex)).toBeLessThan(1);
      expect(ssaDeathProbability(119, sex)).toBe(1);
      expect(ssaDeathProbability(125.5, sex)).toBe(1);
      expect(ssaDeathProbability(1e9, sex)).toBe(1);
    }
  });

  it('rejects a negative or non-finite age and an unknown sex', () => {
    expect(() => ssaDeathProbability(-1, 'male')).toThrow(RangeError);
    expect(() => ssaDeathProbability(Number.NaN, 'male')).toThrow(RangeError);
    expect(() => ssaDeathProbability(Infinity, 'female')).toThrow(RangeError);
    expect(() => ssaDeathProbability(40, 'other' as 'male')).toThrow(RangeError);
  });
});
