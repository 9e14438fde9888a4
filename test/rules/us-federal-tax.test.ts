import { describe, it, expect } from 'vitest';
import {
  federalIncomeTax,
  marginalOrdinaryRate,
  seniorDeduction,
  taxableSocialSecurity,
  type FederalTaxInput,
  type FilingStatus,
} from '../../src/rules/us/federal-tax.js';

// Every expected figure below is worked out by hand from the 2026 figures of Rev. Proc. 2025-32:
// single brackets 12 400 / 50 400 / 105 700 / 201 775 / 256 225 / 640 600, joint 24 800 / 100 800 /
// 211 400 / 403 550 / 512 450 / 768 700; standard deduction 16 100 / 32 200; 65+ 2 050 / 1 650 each;
// gains 0 % to 49 450 / 98 900, 15 % to 545 500 / 613 700; senior deduction 6 000 per person 2025–2028.

function tax(over: Partial<FederalTaxInput>): number {
  return federalIncomeTax({
    ordinaryIncome: 0,
    longTermGains: 0,
    socialSecurity: 0,
    age: 45,
    filing: 'single',
    year: 2026,
    indexFactor: 1,
    ...over,
  });
}

describe('ordinary income, under 65', () => {
  it('single, 60 000 at 45', () => {
    // (60 000 − 16 100) = 43 900 taxable → 10 % × 12 400 + 12 % × (43 900 − 12 400) = 1 240 + 3 780
    expect(tax({ ordinaryIncome: 60_000 })).toBeCloseTo(5_020, 6);
  });

  it('married-joint, 120 000 at 45', () => {
    // 120 000 − 32 200 = 87 800 → 2 480 + 12 % × (87 800 − 24 800 = 63 000) = 2 480 + 7 560
    expect(tax({ ordinaryIncome: 120_000, filing: 'married-joint' })).toBeCloseTo(10_040, 6);
  });

  it('reproduces the Rev. Proc. schedule amounts at the top bracket starts', () => {
    // Single at taxable 640 600: 1 240 + 12 % × 38 000 (4 560) + 22 % × 55 300 (12 166)
    // + 24 % × 96 075 (23 058) + 32 % × 54 450 (17 424) + 35 % × 384 375 (134 531.25) = 192 979.25
    expect(tax({ ordinaryIncome: 640_600 + 16_100 })).toBeCloseTo(192_979.25, 6);
    // Joint at taxable 768 700: 2 480 + 12 % × 76 000 (9 120) + 22 % × 110 600 (24 332)
    // + 24 % × 192 150 (46 116) + 32 % × 108 900 (34 848) + 35 % × 256 250 (89 687.5) = 206 583.50
    expect(tax({ ordinaryIncome: 768_700 + 32_200, filing: 'married-joint' })).toBeCloseTo(206_583.5, 6);
    // Single at taxable 105 700: 5 800 + 22 % × 55 300 = 17 966 (the schedule's printed figure)
    expect(tax({ ordinaryIncome: 105_700 + 16_100 })).toBeCloseTo(17_966, 6);
  });

  it('is 0 at or below the standard deduction and never negative', () => {
    expect(tax({ ordinaryIncome: 0 })).toBe(0);
    expect(tax({ ordinaryIncome: 16_100 })).toBe(0);
    expect(tax({ ordinaryIncome: -50_000, longTermGains: -10_000 })).toBe(0);
  });
});

describe('long-term gains stacked on ordinary income', () => {
  it('0 % and 15 % parts (single)', () => {
    // ordinary 40 000, gains 30 000: taxable 70 000 − 16 100 = 53 900, ordinary part 23 900.
    // Gains fill 23 900 → 53 900: 0 % up to 49 450 (25 550), 15 % on 4 450 = 667.50.
    // Ordinary: 1 240 + 12 % × 11 500 = 2 620. Total 3 287.50 (regular on 53 900 would be 6 570).
    expect(tax({ ordinaryIncome: 40_000, longTermGains: 30_000 })).toBeCloseTo(3_287.5, 6);
  });

  it('20 % above the 15 % maximum (single)', () => {
    // ordinary 616 100, gains 100 000: taxable 700 000, ordinary part 600 000 (> 545 500):
    // all gains at 20 % = 20 000; ordinary 58 448 + 35 % × 343 775 = 178 769.25. Total 198 769.25.
    expect(tax({ ordinaryIncome: 616_100, longTermGains: 100_000 })).toBeCloseTo(198_769.25, 6);
  });

  it('all gains at 0 % when taxable income stays under the zero-rate maximum (joint)', () => {
    // joint: ordinary 50 000, gains 40 000 → taxable 57 800, ordinary part 17 800 → 1 780; gains 0 %.
    expect(tax({ ordinaryIncome: 50_000, longTermGains: 40_000, filing: 'married-joint' })).toBeCloseTo(1_780, 6);
  });

  it('never exceeds the regular schedule on all taxable income (Schedule D worksheet)', () => {
    // ordinary 65 550 → ordinary part 49 450 (5 686); 900 gains at 15 % = 135 → 5 821, but the
    // regular schedule on 50 350 is 1 240 + 12 % × 37 950 = 5 794, the smaller.
    expect(tax({ ordinaryIncome: 65_550, longTermGains: 900 })).toBeCloseTo(5_794, 6);
  });
});

describe('age 65+: additional standard deduction and the senior deduction', () => {
  it('single, 66, 60 000 in 2026: 16 100 + 2 050 + 6 000', () => {
    // taxable 60 000 − 24 150 = 35 850 → 1 240 + 12 % × 23 450 = 4 054
    expect(tax({ ordinaryIncome: 60_000, age: 66 })).toBeCloseTo(4_054, 6);
  });

  it('the senior deduction ends after 2028', () => {
    // 2028: same as 2026 (4 054). 2029: taxable 60 000 − 18 150 = 41 850 → 1 240 + 12 % × 29 450 = 4 774
    expect(tax({ ordinaryIncome: 60_000, age: 66, year: 2028 })).toBeCloseTo(4_054, 6);
    expect(tax({ ordinaryIncome: 60_000, age: 66, year: 2029 })).toBeCloseTo(4_774, 6);
    expect(seniorDeduction(50_000, 70, 'single', 2024)).toBe(0);
    expect(seniorDeduction(50_000, 70, 'single', 2025)).toBe(6_000);
  });

  it('phases out by 6 % of MAGI over 75 000 (single)', () => {
    // MAGI 100 000: 6 000 − 0.06 × 25 000 = 4 500; taxable 100 000 − (16 100 + 2 050 + 4 500) = 77 350
    // → 5 800 + 22 % × 26 950 = 11 729
    expect(seniorDeduction(100_000, 66, 'single', 2027)).toBeCloseTo(4_500, 9);
    expect(tax({ ordinaryIncome: 100_000, age: 66, year: 2027 })).toBeCloseTo(11_729, 6);
    expect(seniorDeduction(175_000, 66, 'single', 2027)).toBe(0);
  });

  it('married-joint, both 65+: 32 200 + 2 × 1 650 + 2 × 6 000, phased out per spouse over 150 000', () => {
    // 100 000: taxable 100 000 − 47 500 = 52 500 → 2 480 + 12 % × 27 700 = 5 804
    expect(tax({ ordinaryIncome: 100_000, age: 65, filing: 'married-joint' })).toBeCloseTo(5_804, 6);
    // 200 000: each 6 000 − 0.06 × 50 000 = 3 000 → 6 000; taxable 200 000 − 41 500 = 158 500
    // → 11 600 + 22 % × 57 700 = 24 294
    expect(seniorDeduction(200_000, 65, 'married-joint', 2026)).toBeCloseTo(6_000, 9);
    expect(tax({ ordinaryIncome: 200_000, age: 65, filing: 'married-joint' })).toBeCloseTo(24_294, 6);
    expect(seniorDeduction(250_000, 65, 'married-joint', 2026)).toBe(0);
  });

  it('nothing at 64', () => {
    expect(seniorDeduction(50_000, 64, 'single', 2026)).toBe(0);
    expect(tax({ ordinaryIncome: 60_000, age: 64 })).toBeCloseTo(5_020, 6);
  });
});

describe('indexFactor', () => {
  it('scales every indexed amount: single, 66 000 at 45 with 1.1', () => {
    // deduction 17 710 → taxable 48 290; 10 % × 13 640 = 1 364; 12 % × 34 650 = 4 158 → 5 522
    expect(tax({ ordinaryIncome: 66_000, indexFactor: 1.1, year: 2030 })).toBeCloseTo(5_522, 6);
  });

  it('is homogeneous under 65 without Social Security: tax(f·income, f) = f·tax(income, 1)', () => {
    for (const filing of ['single', 'married-joint'] as FilingStatus[]) {
      for (const [ord, gains] of [[30_000, 0], [80_000, 20_000], [250_000, 60_000], [900_000, 300_000]] as const) {
        const base = tax({ ordinaryIncome: ord, longTermGains: gains, filing });
        const scaled = tax({ ordinaryIncome: 1.1 * ord, longTermGains: 1.1 * gains, filing, indexFactor: 1.1 });
        expect(scaled).toBeCloseTo(1.1 * base, 6);
      }
    }
  });
});

describe('taxableSocialSecurity (IRC §86)', () => {
  it('single: 0, 50 % and 85 % tiers', () => {
    // benefit 20 000 (half 10 000):
    // other 10 000 → P 20 000 ≤ 25 000 → 0
    expect(taxableSocialSecurity(20_000, 10_000, 'single')).toBe(0);
    // other 20 000 → P 30 000 → min(10 000, ½ × 5 000) = 2 500
    expect(taxableSocialSecurity(20_000, 20_000, 'single')).toBeCloseTo(2_500, 9);
    // other 30 000 → P 40 000 → min(17 000, 0.85 × 6 000 + min(10 000, 4 500)) = 5 100 + 4 500 = 9 600
    expect(taxableSocialSecurity(20_000, 30_000, 'single')).toBeCloseTo(9_600, 9);
    // other 100 000 → capped at 85 % of the benefit = 17 000
    expect(taxableSocialSecurity(20_000, 100_000, 'single')).toBeCloseTo(17_000, 9);
  });

  it('married-joint thresholds 32 000 / 44 000', () => {
    // benefit 40 000, other 20 000 → P 40 000 → min(20 000, ½ × 8 000) = 4 000
    expect(taxableSocialSecurity(40_000, 20_000, 'married-joint')).toBeCloseTo(4_000, 9);
    // other 40 000 → P 60 000 → 0.85 × 16 000 + min(20 000, 6 000) = 13 600 + 6 000 = 19 600
    expect(taxableSocialSecurity(40_000, 40_000, 'married-joint')).toBeCloseTo(19_600, 9);
    // other 12 000 → P 32 000 exactly → 0
    expect(taxableSocialSecurity(40_000, 12_000, 'married-joint')).toBe(0);
  });

  it('is continuous at the adjusted base amount', () => {
    // single P = 34 000: ½ × 9 000 = 4 500 from both sides (benefit large enough not to bind)
    expect(taxableSocialSecurity(30_000, 19_000, 'single')).toBeCloseTo(4_500, 9);
    expect(taxableSocialSecurity(30_000, 19_000.01, 'single')).toBeCloseTo(4_500 + 0.85 * 0.01, 6);
  });

  it('enters the tax: single, 67, 30 000 ordinary + 20 000 benefits in 2026', () => {
    // taxable SS 9 600 → AGI 39 600; deduction 16 100 + 2 050 + 6 000 = 24 150 → taxable 15 450
    // → 1 240 + 12 % × 3 050 = 1 606
    expect(tax({ ordinaryIncome: 30_000, socialSecurity: 20_000, age: 67 })).toBeCloseTo(1_606, 6);
  });
});

describe('marginalOrdinaryRate', () => {
  it('is the rate on the next dollar', () => {
    expect(marginalOrdinaryRate(0, 'single', 1)).toBe(0.1);
    expect(marginalOrdinaryRate(12_399, 'single', 1)).toBe(0.1);
    expect(marginalOrdinaryRate(12_400, 'single', 1)).toBe(0.12);
    expect(marginalOrdinaryRate(50_399, 'single', 1)).toBe(0.12);
    expect(marginalOrdinaryRate(50_400, 'single', 1)).toBe(0.22);
    expect(marginalOrdinaryRate(300_000, 'single', 1)).toBe(0.35);
    expect(marginalOrdinaryRate(1_000_000, 'single', 1)).toBe(0.37);
    expect(marginalOrdinaryRate(100_800, 'married-joint', 1)).toBe(0.22);
    expect(marginalOrdinaryRate(500_000, 'married-joint', 1)).toBe(0.32);
    // indexed: 50 400 × 1.1 = 55 440 (55 440.000…01 in binary, so a cent above it)
    expect(marginalOrdinaryRate(50_400, 'single', 1.1)).toBe(0.12);
    expect(marginalOrdinaryRate(55_439.99, 'single', 1.1)).toBe(0.12);
    expect(marginalOrdinaryRate(55_440.01, 'single', 1.1)).toBe(0.22);
  });

  it('agrees with the slope of federalIncomeTax under 65', () => {
    for (const income of [20_000, 70_000, 150_000, 300_000, 700_000]) {
      const slope = (tax({ ordinaryIncome: income + 1 }) - tax({ ordinaryIncome: income })) / 1;
      expect(slope).toBeCloseTo(marginalOrdinaryRate(income - 16_100, 'single', 1), 9);
    }
  });
});
