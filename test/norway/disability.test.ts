/**
 * Disability (issue 24, docs/model.md §2.9): closed forms and hand computations.
 * - constant incidence λ, no deaths: P(disabled before 67) = 1 − (1 − λ)^years; the run's estimate
 *   is a mean of n independent 0/1 draws, so its standard error is √(p(1 − p)/n) and it must lie
 *   within 4 of them (a false alarm once in ~16 000 runs);
 * - NAV's default: the same with the product of (1 − λ_age), λ re-derived here from NAV's raw counts;
 * - zero volatility, disability forced at 50: the ledger written out here by hand (uføretrygd, the
 *   waived contributions to 67, the capital at 67 with and without the waiver, the folketrygd with the
 *   assumed income to 62) equals `project` and the run.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { projectLedger } from '../../src/ledger/project-ledger.js';
import type { SimulationResult } from '../../src/result/simulation-result.js';
import { scenarioFrom, still } from './helpers.js';

const flat = { profile: { assets: still([{ name: 'equity', expectedReturn: 0.05 }, { name: 'bond', expectedReturn: 0.05 }]), correlation: undefined, glidePath: undefined, weights: { equity: 0.5, bond: 0.5 } } };
const run = async (s: ReturnType<typeof scenarioFrom>, paths: number) => (await simulate(s, { paths, threads: 1, percentileMethod: 'sketch' })) as SimulationResult;

describe('P(disabled before 67)', () => {
  it('constant incidence, no deaths: 1 − (1 − λ)^years within 4 standard errors', async () => {
    const lambda = 0.01;
    const s = scenarioFrom('otp-with-disability.json', { mortality: undefined, survivors: undefined, disability: { incidence: { kind: 'constant', rate: lambda, scale: undefined } } });
    const n = 40_000;
    const r = await run(s, n);
    const years = 67 - 34;
    const p = 1 - Math.pow(1 - lambda, years);
    const se = Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(r.disability!.probability - p)).toBeLessThan(4 * se);
    expect(r.metrics.disabledBefore67!.mean).toBe(r.disability!.probability);
    expect(r.disability!.disabled!.paths + r.disability!.others!.paths).toBe(n);
  });

  it("NAV's 2012 default for a woman from 34: 1 − Π(1 − λ_age), λ from NAV's raw counts", async () => {
    const s = scenarioFrom('otp-with-disability.json', { mortality: undefined, survivors: undefined });
    // NAV 2012 (see rules/no/disability-incidence.ts): [from age, new, recipients, prevalence %].
    const groups: [number, number, number, number][] = [
      [30, 1101, 7040, 2.1], [35, 2063, 11473, 3.3], [40, 3268, 20125, 5.3], [45, 4288, 30438, 8.5], [50, 4911, 41431, 12.7],
      [55, 5572, 59540, 19.4], [60, 4986, 84158, 29.8], [65, 1164, 45721, 37.7],
    ];
    const women = 88.5 / 73.1;
    let free = 1;
    for (let age = 34; age < 67; age++) {
      const [, nw, rec, prev] = [...groups].reverse().find(([from]) => from <= age)!;
      free *= 1 - (women * nw) / (rec / (prev / 100) - rec);
    }
    const p = 1 - free;
    const n = 20_000;
    const r = await run(s, n);
    expect(p).toBeGreaterThan(0.4); // about 45 %: 2012's rates are high at 55-66
    expect(Math.abs(r.disability!.probability - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('incidence 0: nobody is disabled and no group of the disabled is reported', async () => {
    const s = scenarioFrom('otp-with-disability.json', { disability: { incidence: { kind: 'constant', rate: 0, scale: undefined } } });
    const r = await run(s, 3000);
    expect(r.disability!.probability).toBe(0);
    expect(r.disability!.disabled).toBeNull();
    expect(r.disability!.others!.paths).toBe(3000);
  });
});

describe('disabled at 50, zero volatility: the ledger by hand', () => {
  const patch = { ...flat, mortality: undefined, survivors: undefined, disability: { forcedAge: 50, incidence: { kind: 'constant', rate: 0, scale: undefined } } };
  const s = scenarioFrom('otp-with-disability.json', patch);

  // By hand, in the kernel's order: pay and G grow 3 % a year from 2026's G; 5 % of pay at each year
  // start; 5 % return; 0.3 % fee at the year end. From 50: no pay (degree 100 %), the waiver pays
  // 5 % of the pay at 50 every year to 66; the folketrygd holding grows with G and earns 18.1 % of
  // pay (to 7.1 G) before 50, of the assumed income (pay/G at 50 times G: pay and G grow alike) to 61.
  const G0 = 136_549;
  let k = 150_000;
  let kNoWaiver = 0;
  let pay = 600_000;
  let g = G0;
  let hold = 650_000;
  let waived = 0;
  let payAt50 = 0;
  let gAt50 = 0;
  let uforetrygdAt51 = 0;
  const basisG = 600_000 / G0;
  for (let age = 34; age < 67; age++) {
    if (age > 34) {
      pay *= 1.03;
      g *= 1.03;
      hold *= 1.03;
    }
    if (age === 50) {
      payAt50 = pay;
      gAt50 = g;
      kNoWaiver = k;
    }
    const c = age < 50 ? 0.05 * pay : 0.05 * payAt50;
    if (age >= 50) waived += c;
    if (age === 51) uforetrygdAt51 = 0.66 * basisG * g;
    const income = age < 50 ? pay : age < 62 ? basisG * g : 0;
    hold += 0.181 * Math.min(income, 7.1 * g);
    k = (k + c) * 1.05 * 0.997;
    if (age >= 50) kNoWaiver = kNoWaiver * 1.05 * 0.997;
  }
  g *= 1.03;
  hold *= 1.03; // regulated once more in the withdrawal year (67)
  const folketrygd = hold / 19.16;
  // The disability pension (legal maximum, one waiting year): 3 % of pay + min(0.25 G, 6 % of pay); pay below 6 G.
  const pension = 0.03 * payAt50 + Math.min(0.25 * gAt50, 0.06 * payAt50);
  const close = (a: number, b: number) => expect(Math.abs(a / b - 1)).toBeLessThan(1e-10);

  it('project --disability-age equals the hand ledger', () => {
    const l = projectLedger(s);
    close(l.capitalAtRetirement.toNumber(), k);
    close(l.capitalWithoutWaiver!.toNumber(), kNoWaiver);
    close(l.waiverGain!.toNumber(), k - kNoWaiver);
    close(l.waivedContributions!.toNumber(), waived);
    close(l.payAtDisability!.toNumber(), payAt50);
    close(l.disabilityIncome!.toNumber(), uforetrygdAt51 + pension);
    close(l.folketrygdAtPayoutStart.toNumber(), folketrygd);
    expect(l.disabilityAge).toBe(50);
    // Pay stops at 50; uføretrygd alone in the onset year, with the pension from 51.
    const row = (age: number) => l.rows.find((x) => x.age === age)!;
    expect(row(50).salary.toNumber()).toBe(0);
    close(row(50).disabilityIncome!.toNumber(), 0.66 * basisG * gAt50);
    expect(row(67).disabilityIncome!.toNumber()).toBe(0);
  });

  it('the zero-volatility run equals it on every path', async () => {
    const r = await run(s, 200);
    const d = r.disability!;
    expect(d.probability).toBe(1);
    close(r.metrics.capitalAtRetirement.mean, k);
    close(d.disabled!.metrics.waiverGain!.mean, k - kNoWaiver);
    close(d.disabled!.metrics.disabilityIncome!.mean, uforetrygdAt51 + pension);
    close(d.disabled!.metrics.disabilityIncomeRatio!.mean, (uforetrygdAt51 + pension) / payAt50);
    close(r.metrics.folketrygdPension!.mean, folketrygd);
    expect(r.metrics.capitalAtRetirement.sd).toBeLessThan(1e-6 * k);
  });

  it('without the waiver the capital is the hand ledger without it', async () => {
    const s2 = scenarioFrom('otp-with-disability.json', { ...patch, disability: { ...patch.disability, waiver: false } });
    close(projectLedger(s2).capitalAtRetirement.toNumber(), kNoWaiver);
    close((await run(s2, 50)).metrics.capitalAtRetirement.mean, kNoWaiver);
  });

  it('a 50 % degree: half the pay goes on, the contribution is half on pay and half waived', () => {
    const s3 = scenarioFrom('otp-with-disability.json', { ...patch, disability: { ...patch.disability, degree: 0.5 } });
    const l = projectLedger(s3);
    const row = l.rows.find((x) => x.age === 55)!;
    const payAt55 = 600_000 * Math.pow(1.03, 21);
    close(row.salary.toNumber(), payAt55 / 2);
    close(row.contribution.toNumber(), 0.5 * 0.05 * payAt55 + 0.5 * 0.05 * payAt50);
    close(row.waivedContribution!.toNumber(), 0.5 * 0.05 * payAt50);
  });
});

describe("the covers' premium out of the saving, nobody disabled", () => {
  // By hand: the premium (1 % of pay) comes out of the 5 % contribution every saving year, so 4 % of
  // pay goes in; pay grows 3 % a year from 600 000, 5 % return, 0.3 % fee at the year end.
  const patch = { ...flat, mortality: undefined, survivors: undefined, disability: { premiumRate: 0.01, incidence: { kind: 'constant', rate: 0, scale: undefined } } };
  const s = scenarioFrom('otp-with-disability.json', patch);
  let k = 150_000;
  let pay = 600_000;
  for (let age = 34; age < 67; age++) {
    if (age > 34) pay *= 1.03;
    k = (k + 0.04 * pay) * 1.05 * 0.997;
  }
  const close = (a: number, b: number) => expect(Math.abs(a / b - 1)).toBeLessThan(1e-10);

  it('project without a disability age deducts it every saving year, as the run does', async () => {
    const l = projectLedger(s);
    close(l.capitalAtRetirement.toNumber(), k);
    close(l.rows.find((x) => x.age === 40)!.contribution.toNumber(), 0.04 * 600_000 * Math.pow(1.03, 6));
    close((await run(s, 50)).metrics.capitalAtRetirement.mean, k);
  });
});

describe("the folketrygd's survivors' benefits on a death before 67", () => {
  it('each path that dies before the payout start gets omstillingsstønad and barnepensjon by hand; the others 0', async () => {
    const { compilePlan } = await import('../../src/plan/compile-plan.js');
    const { runChunk } = await import('../../src/kernel/run-chunk.js');
    const { SCALAR_SERIES } = await import('../../src/plan/simulation-plan.js');
    const s = scenarioFrom('otp-with-disability.json', { mortality: { scale: 4 }, disability: undefined });
    const plan = compilePlan(s);
    const paths = 2048;
    const { series } = runChunk({ plan, seed: 5, chunk: 0, paths });
    const col = (name: string) => (SCALAR_SERIES.length + plan.extraSeries.indexOf(name as never)) * paths;
    const g0 = 136_549;
    // Spouse income 450 000 in 2026 kroner grows with G: 450 000 / 136 549 G; pay and G grow 3 % a year.
    const omst = Math.max(0, 2.25 - 0.45 * (450_000 / g0 - 0.5));
    let early = 0;
    for (let p = 0; p < paths; p++) {
      const age = series[col('ageAtDeath') + p]!;
      const got = series[col('survivorBenefits') + p]!;
      if (age >= 67) {
        expect(got).toBe(0);
        continue;
      }
      early++;
      const year = 2026 + (age - 34);
      const g = g0 * Math.pow(1.03, age - 34);
      const kids = [2020, 2023].reduce((n, born) => n + Math.max(0, 20 - (year + 1 - born)), 0);
      expect(Math.abs(got / (g * (3 * omst + kids)) - 1)).toBeLessThan(1e-12);
    }
    expect(early).toBeGreaterThan(100);
  });
});
