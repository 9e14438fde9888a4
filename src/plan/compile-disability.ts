/**
 * The scenario's `disability` section compiled (docs/model.md §2.9): the disability-free curve from
 * the incidence (NAV's default by age and sex, a constant, or the scenario's table, from the start
 * age to the last saving year before 67), and the rules' parameters as numbers.
 */
import { navDegreeTable, type DegreeShare } from '../rules/no/disability-degree.js';
import { navIncidence } from '../rules/no/disability-incidence.js';
import { MIN_LEVEL_COHABITING_G, MIN_LEVEL_SINGLE_G, UFORETRYGD_END_AGE } from '../rules/no/uforetrygd.js';
import type { Scenario } from '../scenario/schema.js';
import type { DisabilitySpec } from '../scenario/disability-schema.js';
import type { DisabilityPlan } from './simulation-plan.js';

/** The yearly incidence at an age under the scenario's choice. */
export function incidenceAt(d: DisabilitySpec, age: number, sex: Scenario['person']['sex']): number {
  const inc = d.incidence;
  if (age < 18 || age >= UFORETRYGD_END_AGE) return 0;
  if (inc.kind === 'nav-2012') return Math.min(1, navIncidence(age, sex) * inc.scale);
  if (inc.kind === 'constant') return inc.rate;
  let rate = 0;
  for (const r of inc.rates) if (r.fromAge <= age) rate = r.rate;
  return rate;
}

export function compileDisability(s: Scenario, startAge: number, nAccum: number, g0: number): DisabilityPlan | null {
  const d = s.disability;
  if (!d) return null;
  const endY = UFORETRYGD_END_AGE - startAge;
  const onsetYears = Math.max(0, Math.min(nAccum, endY));
  const free = new Float64Array(onsetYears + 1);
  free[0] = 1;
  for (let t = 0; t < onsetYears; t++) free[t + 1] = free[t]! * (1 - incidenceAt(d, startAge + t, s.person.sex));
  const p = d.pension;
  return {
    free,
    forcedY: d.forcedAge === undefined ? -1 : d.forcedAge - startAge,
    ...degreeOf(d),
    recovery: d.recovery,
    uforetrygd: d.uforetrygd.enabled,
    minLevelG: d.uforetrygd.livesAlone ? MIN_LEVEL_SINGLE_G : MIN_LEVEL_COHABITING_G,
    endY,
    accrualEndY: d.uforetrygd.accrualEndAge - startAge,
    waiver: d.waiver,
    hasPension: p !== undefined,
    pensionBaseRate: p?.baseRate ?? 0,
    pensionAddG: p?.addG ?? 0,
    pensionUpperRate: p?.upperRate ?? 0,
    pensionWaitYears: p?.waitingYears ?? 0,
    premiumRate: d.premiumRate,
    historyPayG: s.person.salary / g0,
    groupFans: d.groupFans === true,
  };
}

/**
 * The degree compiled: a fixed one, or a drawn one's degrees and cumulative shares (the last set to
 * exactly 1, so every uniform in [0, 1) finds a row) and its mean for the ledger.
 * Example: [{ 1, 0.8 }, { 0.5, 0.2 }] → values [1, 0.5], cum [0.8, 1], degree 0.9.
 */
export function degreeOf(d: DisabilitySpec): Pick<DisabilityPlan, 'degree' | 'degreeValues' | 'degreeCum'> {
  if (typeof d.degree === 'number') return { degree: d.degree, degreeValues: null, degreeCum: null };
  const table: DegreeShare[] = d.degree.kind === 'nav-2022' ? navDegreeTable() : d.degree.table;
  const total = table.reduce((a, r) => a + r.share, 0);
  const cum = new Float64Array(table.length);
  let acc = 0;
  table.forEach((r, i) => (cum[i] = acc += r.share / total));
  cum[table.length - 1] = 1;
  return { degree: table.reduce((a, r) => a + (r.degree * r.share) / total, 0), degreeValues: Float64Array.from(table, (r) => r.degree), degreeCum: cum };
}
