import { describe, it, expect } from 'vitest';
import {
  NO_PENSION_TAX,
  norwegianPensionTax,
  norwegianPensionTaxBreakdown,
  type NoTaxYear,
} from '../../src/rules/no/pension-tax.js';

const YEARS: readonly NoTaxYear[] = [2025, 2026];

type Expected = {
  trygdeavgift: number;
  trinnskatt: number;
  minstefradrag: number;
  alminneligInntekt: number;
  ordinaryTax: number;
  credit: number;
  total: number;
};

function expectBreakdown(year: NoTaxYear, gross: number, e: Expected): void {
  const b = norwegianPensionTaxBreakdown(gross, NO_PENSION_TAX[year]);
  expect(b.trygdeavgift).toBeCloseTo(e.trygdeavgift, 2);
  expect(b.trinnskatt).toBeCloseTo(e.trinnskatt, 2);
  expect(b.minstefradrag).toBeCloseTo(e.minstefradrag, 2);
  expect(b.alminneligInntekt).toBeCloseTo(e.alminneligInntekt, 2);
  expect(b.ordinaryTax).toBeCloseTo(e.ordinaryTax, 2);
  expect(b.credit).toBeCloseTo(e.credit, 2);
  expect(b.total).toBeCloseTo(e.total, 2);
  expect(norwegianPensionTax(gross, NO_PENSION_TAX[year])).toBeCloseTo(e.total, 2);
}

describe('parameter tables', () => {
  it('are well formed', () => {
    for (const y of YEARS) {
      const p = NO_PENSION_TAX[y];
      expect(p.year).toBe(y);
      expect(p.trinnThresholds.length).toBe(p.trinnRates.length);
      for (let i = 1; i < p.trinnThresholds.length; i++) {
        expect(p.trinnThresholds[i]!).toBeGreaterThan(p.trinnThresholds[i - 1]!);
      }
      expect(p.creditThreshold2).toBeGreaterThan(p.creditThreshold1);
      expect(Object.isFrozen(p)).toBe(true);
      expect(Object.isFrozen(p.trinnThresholds)).toBe(true);
    }
  });
});

describe('worked examples 2025', () => {
  // 2025: trygdeavgift 5.1 % (limit 99 650, max 25 % above it), trinn 217 400/306 050/697 150/…
  // at 1.7/4.0/13.7 %, minstefradrag 40 % max 73 150, personfradrag 108 550,
  // credit 36 000 − 16.7 % · (g − 276 400) up to 422 950 − 6 % · (g − 422 950), ≥ 0.

  it('gross 200 000', () => {
    // trygdeavgift  = min(0.051·200 000 = 10 200, 0.25·(200 000 − 99 650) = 25 087.5) = 10 200
    // trinnskatt    = 0 (200 000 < 217 400)
    // minstefradrag = min(0.4·200 000 = 80 000, 73 150) = 73 150
    // alminnelig    = 200 000 − 73 150 = 126 850
    // ordinary      = 0.22·(126 850 − 108 550) = 0.22·18 300 = 4 026
    // before credit = 10 200 + 0 + 4 026 = 14 226
    // credit        = min(36 000 (g ≤ 276 400), 14 226) = 14 226 → total 0
    expectBreakdown(2025, 200_000, {
      trygdeavgift: 10_200, trinnskatt: 0, minstefradrag: 73_150, alminneligInntekt: 126_850,
      ordinaryTax: 4_026, credit: 14_226, total: 0,
    });
  });

  it('gross 400 000', () => {
    // trygdeavgift  = 0.051·400 000 = 20 400
    // trinnskatt    = 0.017·(306 050 − 217 400) + 0.04·(400 000 − 306 050)
    //               = 0.017·88 650 + 0.04·93 950 = 1 507.05 + 3 758 = 5 265.05
    // minstefradrag = 73 150 (cap); alminnelig = 326 850
    // ordinary      = 0.22·(326 850 − 108 550) = 0.22·218 300 = 48 026
    // before credit = 20 400 + 5 265.05 + 48 026 = 73 691.05
    // credit        = 36 000 − 0.167·(400 000 − 276 400) = 36 000 − 20 641.2 = 15 358.8
    // total         = 73 691.05 − 15 358.8 = 58 332.25
    expectBreakdown(2025, 400_000, {
      trygdeavgift: 20_400, trinnskatt: 5_265.05, minstefradrag: 73_150, alminneligInntekt: 326_850,
      ordinaryTax: 48_026, credit: 15_358.8, total: 58_332.25,
    });
  });

  it('gross 800 000', () => {
    // trygdeavgift  = 0.051·800 000 = 40 800
    // trinnskatt    = 1 507.05 + 0.04·(697 150 − 306 050) + 0.137·(800 000 − 697 150)
    //               = 1 507.05 + 15 644 + 14 090.45 = 31 241.5
    // alminnelig    = 800 000 − 73 150 = 726 850
    // ordinary      = 0.22·(726 850 − 108 550) = 0.22·618 300 = 136 026
    // credit        = 36 000 − 0.167·146 550 − 0.06·(800 000 − 422 950)
    //               = 36 000 − 24 473.85 − 22 623 < 0 → 0
    // total         = 40 800 + 31 241.5 + 136 026 = 208 067.5
    expectBreakdown(2025, 800_000, {
      trygdeavgift: 40_800, trinnskatt: 31_241.5, minstefradrag: 73_150, alminneligInntekt: 726_850,
      ordinaryTax: 136_026, credit: 0, total: 208_067.5,
    });
  });

  it('credit matches Skatte-ABC S-13-3.4 example 2 (pension 480 000 → credit 8 103)', () => {
    // 36 000 − (422 950 − 276 400)·0.167 − (480 000 − 422 950)·0.06 = 36 000 − 24 473.85 − 3 423 = 8 103.15
    const b = norwegianPensionTaxBreakdown(480_000, NO_PENSION_TAX[2025]);
    expect(b.credit).toBeCloseTo(8_103.15, 2);
  });

  it('no tax on a pension below ~276 550 (Pensjonistforbundet 2025), tax above it', () => {
    // Gap before − credit at 276 400 is 36 000 − 35 933.4 = 66.6, closing at 0.288 + 0.167 per krone
    // → break-even at 276 400 + 66.6 / 0.455 ≈ 276 546.4.
    const p = NO_PENSION_TAX[2025];
    expect(norwegianPensionTax(276_500, p)).toBe(0);
    expect(norwegianPensionTax(276_600, p)).toBeGreaterThan(0);
    expect(norwegianPensionTax(276_600, p)).toBeCloseTo((276_600 - 276_546.373626) * 0.455, 2);
  });

  it('trygdeavgift follows the 25 % rule just above the lower limit', () => {
    const p = NO_PENSION_TAX[2025];
    expect(norwegianPensionTaxBreakdown(99_650, p).trygdeavgift).toBe(0);
    // min(0.051·110 000 = 5 610, 0.25·(110 000 − 99 650) = 2 587.5) = 2 587.5
    expect(norwegianPensionTaxBreakdown(110_000, p).trygdeavgift).toBeCloseTo(2_587.5, 2);
    // crossover where 0.25·(g − 99 650) = 0.051·g: g = 24 912.5 / 0.199 ≈ 125 188.4
    expect(norwegianPensionTaxBreakdown(130_000, p).trygdeavgift).toBeCloseTo(6_630, 2);
  });

  it('minstefradrag floor: 4 000 kr, but never more than the income', () => {
    const p = NO_PENSION_TAX[2025];
    expect(norwegianPensionTaxBreakdown(3_000, p).minstefradrag).toBe(3_000);
    expect(norwegianPensionTaxBreakdown(8_000, p).minstefradrag).toBe(4_000);
    expect(norwegianPensionTaxBreakdown(50_000, p).minstefradrag).toBeCloseTo(20_000, 6);
  });
});

describe('worked examples 2026', () => {
  // 2026: trinn 226 100/318 300/725 050/980 100/1 467 200 at 1.7/4.0/13.7/16.8/17.8 %,
  // minstefradrag 40 % max 75 400, personfradrag 114 540,
  // credit (unconfirmed) 37 100 − 16.7 % · (g − 284 950) up to 436 050 − 6 % above.

  it('gross 200 000', () => {
    // trygdeavgift  = 0.051·200 000 = 10 200; trinnskatt = 0 (< 226 100)
    // minstefradrag = min(80 000, 75 400) = 75 400; alminnelig = 124 600
    // ordinary      = 0.22·(124 600 − 114 540) = 0.22·10 060 = 2 213.2
    // before credit = 12 413.2; credit = min(37 100, 12 413.2) = 12 413.2 → total 0
    expectBreakdown(2026, 200_000, {
      trygdeavgift: 10_200, trinnskatt: 0, minstefradrag: 75_400, alminneligInntekt: 124_600,
      ordinaryTax: 2_213.2, credit: 12_413.2, total: 0,
    });
  });

  it('gross 400 000', () => {
    // trygdeavgift  = 20 400
    // trinnskatt    = 0.017·(318 300 − 226 100) + 0.04·(400 000 − 318 300)
    //               = 0.017·92 200 + 0.04·81 700 = 1 567.4 + 3 268 = 4 835.4
    // alminnelig    = 400 000 − 75 400 = 324 600
    // ordinary      = 0.22·(324 600 − 114 540) = 0.22·210 060 = 46 213.2
    // before credit = 20 400 + 4 835.4 + 46 213.2 = 71 448.6
    // credit        = 37 100 − 0.167·(400 000 − 284 950) = 37 100 − 19 213.35 = 17 886.65
    // total         = 71 448.6 − 17 886.65 = 53 561.95
    expectBreakdown(2026, 400_000, {
      trygdeavgift: 20_400, trinnskatt: 4_835.4, minstefradrag: 75_400, alminneligInntekt: 324_600,
      ordinaryTax: 46_213.2, credit: 17_886.65, total: 53_561.95,
    });
  });

  it('gross 800 000', () => {
    // trygdeavgift  = 40 800
    // trinnskatt    = 1 567.4 + 0.04·(725 050 − 318 300) + 0.137·(800 000 − 725 050)
    //               = 1 567.4 + 16 270 + 10 268.15 = 28 105.55
    // alminnelig    = 800 000 − 75 400 = 724 600
    // ordinary      = 0.22·(724 600 − 114 540) = 0.22·610 060 = 134 213.2
    // credit        = 37 100 − 0.167·151 100 − 0.06·(800 000 − 436 050)
    //               = 37 100 − 25 233.7 − 21 837 < 0 → 0
    // total         = 40 800 + 28 105.55 + 134 213.2 = 203 118.75
    expectBreakdown(2026, 800_000, {
      trygdeavgift: 40_800, trinnskatt: 28_105.55, minstefradrag: 75_400, alminneligInntekt: 724_600,
      ordinaryTax: 134_213.2, credit: 0, total: 203_118.75,
    });
  });

  it('matches the published 2026 example: pension 350 000 → tax 29 662 (Gjensidige / Pensjonistforbundet)', () => {
    // Published items: ordinary 35 213, trygdeavgift 17 850, trinn 1 567 + 1 268, tax 29 662.
    const b = norwegianPensionTaxBreakdown(350_000, NO_PENSION_TAX[2026]);
    expect(b.ordinaryTax).toBeCloseTo(35_213.2, 2);
    expect(b.trygdeavgift).toBeCloseTo(17_850, 2);
    expect(b.trinnskatt).toBeCloseTo(1_567.4 + 1_268, 2);
    expect(Math.round(b.total)).toBe(29_662);
  });
});

describe('properties', () => {
  const grid: number[] = [];
  for (let g = 0; g <= 2_500_000; g += 250) grid.push(g);

  for (const y of YEARS) {
    const p = NO_PENSION_TAX[y];

    it(`${y}: tax is 0 at 0 and for non-positive or NaN gross`, () => {
      expect(norwegianPensionTax(0, p)).toBe(0);
      expect(norwegianPensionTax(-50_000, p)).toBe(0);
      expect(norwegianPensionTax(Number.NaN, p)).toBe(0);
      expect(norwegianPensionTaxBreakdown(0, p).total).toBe(0);
    });

    it(`${y}: monotone non-decreasing, 0 ≤ tax ≤ gross, marginal rate in [0, 1)`, () => {
      let prev = norwegianPensionTax(grid[0]!, p);
      for (let i = 1; i < grid.length; i++) {
        const g = grid[i]!;
        const t = norwegianPensionTax(g, p);
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(g);
        expect(t).toBeGreaterThanOrEqual(prev - 1e-9);
        const marginal = (t - prev) / (g - grid[i - 1]!);
        expect(marginal).toBeGreaterThanOrEqual(-1e-12);
        expect(marginal).toBeLessThan(1);
        prev = t;
      }
    });

    it(`${y}: total equals the sum of items and the plain function`, () => {
      for (const g of grid) {
        const b = norwegianPensionTaxBreakdown(g, p);
        expect(b.total).toBeCloseTo(b.trygdeavgift + b.trinnskatt + b.ordinaryTax - b.credit, 6);
        expect(b.alminneligInntekt).toBeCloseTo(g - b.minstefradrag, 6);
        expect(b.credit).toBeGreaterThanOrEqual(0);
        expect(b.credit).toBeLessThanOrEqual(p.creditMax);
        expect(b.credit).toBeLessThanOrEqual(b.trygdeavgift + b.trinnskatt + b.ordinaryTax + 1e-9);
        expect(norwegianPensionTax(g, p)).toBe(b.total);
      }
    });
  }
});
