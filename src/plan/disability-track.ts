/**
 * One member's disability, year by year (docs/model.md §2.9): the onset drawn from the plan's
 * disability-free curve (or forced), an optional recovery, the degree (fixed or drawn), the uføretrygd basis fixed at the onset
 * from the last 5 years' pay in G, and what each year pays. Shared by the kernel (one instance per
 * chunk, reset per path: no allocation per path) and the deterministic ledger, so both follow the
 * same rules in the same order.
 *
 * Timeline: disability starts at the start of the onset year; that year is disabled (pay falls by
 * the degree, uføretrygd is paid). Before the start of the simulation the pay history is the start
 * pay in G (plan.historyPayG). A path recovers at most once and is not disabled again.
 */
import { disabilityPension } from '../rules/no/disability-pension.js';
import { ASSUMED_INCOME_CAP_G, BASIS_CAP_G, BASIS_YEARS, assumedIncome, best3of5G, uforetrygdYear } from '../rules/no/uforetrygd.js';
import { bandedContribution } from './banded-contribution.js';
import type { DisabilityPlan, SimulationPlan } from './simulation-plan.js';

/**
 * Years disabled before recovering with yearly probability rho, from a uniform u in [0, 1):
 * 1 + floor(ln(1 − u) / ln(1 − rho)), so P(more than k years) = (1 − rho)^k. Example: rho 0.5, u 0.8 → 3.
 */
export function recoveryYears(u: number, rho: number): number {
  return 1 + Math.floor(Math.log(1 - u) / Math.log(1 - rho));
}

/**
 * The degree of a drawn row: the first i with u < cum[i] (cum rising to exactly 1), so row i is drawn
 * with probability cum[i] − cum[i−1]. Example: cum [0.8, 1], u 0.85 → values[1].
 */
export function drawnDegree(u: number, values: Float64Array, cum: Float64Array): number {
  let i = 0;
  while (i < cum.length - 1 && u >= cum[i]!) i++;
  return values[i]!;
}

export class DisabilityTrack {
  /** Year index of the onset (Infinity: never) and of the first year after recovery (Infinity: none). */
  onset = Infinity;
  off = Infinity;
  /** The uføretrygd basis (§ 12-11) and the assumed income for accrual (§ 20-7a), in G. */
  basisG = 0;
  assumedG = 0;
  /** This path's degree (uføregrad): the plan's, or drawn in start(). */
  degree = 0;
  /** Full pay in the onset year (the waiver's and the disability pension's pay). */
  payAtOnset = 0;
  /** The private disability pension a year, fixed at the onset (times the degree). */
  pension = 0;
  private readonly hist = new Float64Array(BASIS_YEARS);

  constructor(readonly plan: DisabilityPlan) {}

  /**
   * A new path from its uniforms: u1 places the onset on the disability-free curve, u2 the recovery,
   * u3 the degree when it is drawn (plan.degreeCum; else the plan's degree, and u3 is not read).
   * Without `history` the pay history is not reset: a caller that never calls savingYear (the
   * kernel with its onset table, kernel/fixed-pay-onsets.ts) spares the fill.
   */
  start(u1: number, u2: number, u3 = 0, history = true): void {
    const d = this.plan;
    this.degree = d.degreeCum !== null ? drawnDegree(u3, d.degreeValues!, d.degreeCum) : d.degree;
    let onset = Infinity;
    if (d.forcedY >= 0) onset = d.forcedY;
    else {
      // The first t with free[t+1] <= u1 (free falls with t), by bisection: never when u1 < free[n].
      const f = d.free;
      const n = f.length - 1;
      if (n > 0 && u1 >= f[n]!) {
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (u1 >= f[mid + 1]!) hi = mid;
          else lo = mid + 1;
        }
        onset = lo;
      }
    }
    this.onset = onset;
    this.off = d.recovery > 0 && onset !== Infinity ? onset + recoveryYears(u2, d.recovery) : Infinity;
    // The history before the start (the start pay in G); a path never disabled needs none.
    if (history && onset !== Infinity) this.hist.fill(d.historyPayG);
    this.basisG = 0;
    this.assumedG = 0;
    this.payAtOnset = 0;
    this.pension = 0;
  }

  disabled(y: number): boolean {
    return y >= this.onset && y < this.off && y < this.plan.endY;
  }

  /**
   * A saving year with its full pay (salary · pay factor) and G: at the onset the basis is fixed from
   * the 5 years before; a year not disabled enters the history. Returns whether y is disabled.
   * Callers may skip the years before onset − BASIS_YEARS (the kernel does): they do not count.
   */
  savingYear(y: number, fullPay: number, g: number): boolean {
    if (y === this.onset) this.fixAtOnset(fullPay, g);
    const disabled = this.disabled(y);
    if (!disabled) this.hist[y % BASIS_YEARS] = fullPay / g;
    return disabled;
  }

  /** The onset year's step: the basis and assumed income from the history, the pay at onset, the disability pension. */
  fixAtOnset(fullPay: number, g: number): void {
    this.basisG = best3of5G(this.hist, BASIS_CAP_G);
    this.assumedG = best3of5G(this.hist, ASSUMED_INCOME_CAP_G);
    this.payAtOnset = fullPay;
    const d = this.plan;
    this.pension = d.hasPension ? this.degree * disabilityPension(d.pensionBaseRate, d.pensionAddG, d.pensionUpperRate, fullPay, g) : 0;
  }

  /**
   * A history of the years before `onset` that were not disabled (a path before its onset: the
   * years from onset − BASIS_YEARS, as savingYear writes them), from each year's full pay and G.
   */
  historyBefore(onset: number, fullPay: (y: number) => number, g: (y: number) => number): void {
    this.hist.fill(this.plan.historyPayG);
    for (let y = Math.max(0, onset - BASIS_YEARS); y < onset; y++) this.hist[y % BASIS_YEARS] = fullPay(y) / g(y);
  }

  /** Uføretrygd in year y at that year's G (0 when not disabled). */
  uforetrygd(y: number, g: number): number {
    const d = this.plan;
    return d.uforetrygd && this.disabled(y) ? uforetrygdYear(this.basisG, g, this.degree, d.minLevelG) : 0;
  }

  /** The private disability pension in year y: after the waiting years, while disabled. */
  pensionIn(y: number): number {
    return this.disabled(y) && y >= this.onset + this.plan.pensionWaitYears ? this.pension : 0;
  }

  /** The year the disability income is reported for: the first with both benefits (after the waiting years). */
  reportYear(): number {
    return this.onset + (this.plan.hasPension ? this.plan.pensionWaitYears : 0);
  }
}

/** What a saving year's disability step leaves: the pay after the degree, the contribution with and without the waiver, the assumed income. */
export interface DisabilityYear {
  pay: number;
  c: number;
  cNoWaiver: number;
  assumed: number;
}

/**
 * One saving year of a plan with disability cover (docs/model.md §2.9), the same in both kernels and
 * the ledger so they cannot drift: with a track (the path is in its disability window) a disabled year
 * is disabledYear's step; any other year pays the covers' premium out of the contribution.
 * The plan must have a disability section. Writes into out (reused by the caller: no allocation per year).
 * Example: degree 1, waiver, pay 600 000, c 42 000 → out.pay 0, out.c = the contribution on the pay at onset.
 */
export function disabilitySavingYear(
  track: DisabilityTrack | null,
  plan: SimulationPlan,
  y: number,
  pay: number,
  c: number,
  g: number,
  out: DisabilityYear,
): void {
  const dis = plan.disability!;
  if (track !== null && track.savingYear(y, pay, g)) {
    const waiverC = dis.waiver ? bandedContribution(plan, y, track.payAtOnset, g) : 0;
    disabledYear(dis, y, track.degree, pay, c, waiverC, track.assumedG, g, out);
  } else premiumYear(dis, pay, c, out);
}

/**
 * A disabled saving year at degree d: pay falls by the degree, the scheme's contribution c is kept
 * on the working share, the waiver adds d × waiverC (the scheme's contribution on the pay at onset),
 * and the assumed income (assumedG in G) accrues to the old-age pension until accrualEndY. The
 * year-major kernel calls it with the onset table's values (kernel/fixed-pay-onsets.ts).
 */
export function disabledYear(dis: DisabilityPlan, y: number, d: number, pay: number, c: number, waiverC: number, assumedG: number, g: number, out: DisabilityYear): void {
  out.assumed = dis.accrualEndY > y ? assumedIncome(assumedG, g, d) : 0;
  out.pay = pay * (1 - d);
  out.cNoWaiver = (1 - d) * c;
  out.c = dis.waiver ? out.cNoWaiver + d * waiverC : out.cNoWaiver;
}

/** A saving year not disabled: the covers' premium (a share of pay) out of the contribution, not below 0. */
export function premiumYear(dis: DisabilityPlan, pay: number, c: number, out: DisabilityYear): void {
  const kept = dis.premiumRate > 0 ? Math.max(0, c - dis.premiumRate * pay) : c;
  out.pay = pay;
  out.c = kept;
  out.cNoWaiver = kept;
  out.assumed = 0;
}
