/**
 * Lifetime risk, heirs and the folketrygd, compiled: the cohort's K2013 survival curve from the
 * start age (intensities scaled by `mortality.scale`: t_p_x becomes (t_p_x)^scale), the family for
 * the DC death benefit, and the folketrygd parameters.
 */
import { gForYear } from '../rules/no/grunnbelop.js';
import { survivalCurve } from '../rules/no/k2013.js';
import { gGrowthOf } from './g-path.js';
import type { Scenario } from '../scenario/schema.js';
import { DEGREE_SERIES, DISABILITY_SERIES, FOLKETRYGD_SERIES, LIFETIME_SERIES, SURVIVOR_SERIES, MAX_LIFE_AGE, type ExtraSeries, type SimulationPlan } from './simulation-plan.js';

type LifeFields = Pick<SimulationPlan, 'survival' | 'childBirthYears' | 'spouse' | 'heirsInherit' | 'folketrygd' | 'survivors' | 'extraSeries'>;

export function compileLife(s: Scenario, startAge: number, startYear: number, payStart: number): LifeFields {
  let survival: Float64Array | null = null;
  if (s.mortality) {
    const base = survivalCurve(s.person.sex!, startAge, startYear, MAX_LIFE_AGE - startAge);
    const scale = s.mortality.scale;
    survival = base.map((p) => Math.pow(p, scale));
  }
  const ft = s.folketrygd;
  const heirsInherit = s.plan.kind !== 'no-hybrid' || !s.plan.mortalityInheritance;
  // Outliving a period means nothing for a lifelong pension; heirs' figures only where heirs inherit.
  const lifetime = LIFETIME_SERIES.filter(
    (name) => (name !== 'outlivedPayout' || s.payout.method.kind !== 'lifelong') && (name === 'ageAtDeath' || name === 'outlivedPayout' || heirsInherit),
  );
  const survivors = s.survivors && survival ? s.survivors : null;
  const extraSeries: ExtraSeries[] = [
    ...(survival ? lifetime : []),
    ...(ft ? FOLKETRYGD_SERIES : []),
    ...(s.disability ? DISABILITY_SERIES : []),
    ...(s.disability && typeof s.disability.degree !== 'number' ? DEGREE_SERIES : []),
    ...(survivors ? SURVIVOR_SERIES : []),
  ];
  return {
    survival,
    childBirthYears: Float64Array.from(s.person.children),
    spouse: s.person.spouse,
    heirsInherit,
    folketrygd: ft
      ? {
          delingstall: ft.delingstall,
          withdrawalY: (ft.withdrawalAge ?? startAge + payStart) - startAge,
          initialHolding: ft.initialHolding,
          deduction: ft.payoutRegulationDeduction,
          selfEmployed: s.plan.kind === 'no-self-employed',
        }
      : null,
    survivors: survivors ? { spouseIncomeG: survivors.spouseIncome / gForYear(startYear, gGrowthOf(s)), omstillingYears: survivors.omstillingYears } : null,
    extraSeries,
  };
}
