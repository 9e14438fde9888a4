/**
 * Cross-field rules of the `disability` section (disability-schema.ts): the degree's legal minimum
 * (a fixed degree or each row of a drawn one's table), a table's shares summing to 1,
 * a forced age inside the saving years before 67, a table's ages in order, and the folketrygd section
 * that uføretrygd for the self-employed needs.
 */
import { SHARE_SUM_TOLERANCE } from '../rules/no/disability-degree.js';
import { MIN_DEGREE, UFORETRYGD_END_AGE } from '../rules/no/uforetrygd.js';
import type { Scenario } from './schema.js';
import { UserError, type Problem } from '../base/user-error.js';
import { Disability } from './disability-schema.js';
import { startOf } from './validate-scenario.js';

export function disabilityProblems(s: Scenario, startAge: number): Problem[] {
  const d = s.disability;
  if (!d) return [];
  const out: Problem[] = [];
  const below = (degree: number) => !d.workInjury && degree < MIN_DEGREE;
  const minimum = (degree: number) => `the disability degree (uføregrad) is at least 0.5 (50 %, folketrygdloven § 12-7); 0.3 only with workInjury: true (§ 12-17); got ${degree}`;
  if (typeof d.degree === 'number') {
    if (below(d.degree)) out.push({ path: 'disability.degree', message: minimum(d.degree) });
  } else if (d.degree.kind === 'drawn') {
    const table = d.degree.table;
    table.forEach((row, i) => {
      if (below(row.degree)) out.push({ path: `disability.degree.table[${i}].degree`, message: minimum(row.degree) });
    });
    const sum = table.reduce((a, row) => a + row.share, 0);
    if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
      out.push({ path: 'disability.degree.table', message: `the shares of a degree table must sum to 1 (each the probability of its degree); they sum to ${Number(sum.toPrecision(12))}` });
    }
  }
  if (s.person.retirementAge > UFORETRYGD_END_AGE) {
    out.push({ path: 'person.retirementAge', message: `with a disability section the retirement age is at most ${UFORETRYGD_END_AGE} (uføretrygd and the premium waiver end at 67; saving past it while disabled is not modelled); got ${s.person.retirementAge}` });
  }
  const lastOnset = Math.min(s.person.retirementAge, UFORETRYGD_END_AGE);
  if (d.forcedAge !== undefined && (d.forcedAge < startAge || d.forcedAge >= lastOnset)) {
    out.push({ path: 'disability.forcedAge', message: `must be a saving year before 67: from the start age (${startAge}) to ${lastOnset - 1}; got ${d.forcedAge}` });
  }
  if (d.incidence.kind === 'table') {
    const rates = d.incidence.rates;
    rates.forEach((r, i) => {
      if (i > 0 && r.fromAge <= rates[i - 1]!.fromAge) {
        out.push({ path: `disability.incidence.rates[${i}].fromAge`, message: 'the ages of an incidence table must be strictly increasing' });
      }
    });
  }
  if (s.plan.kind === 'no-self-employed' && d.uforetrygd.enabled && !s.folketrygd) {
    out.push({
      path: 'disability.uforetrygd',
      message: 'uføretrygd for the self-employed needs the folketrygd section (their pensionable income and the old-age accrual while disabled come from it): add "folketrygd" or set disability.uforetrygd.enabled to false',
    });
  }
  return out;
}

/**
 * The scenario with every path disabled at `age` (`pensim project --disability-age`): its disability
 * section, or the defaults when it has none, with forcedAge set; refused like the scenario's own field.
 */
export function withDisabilityAge(s: Scenario, age: number, flag: string): Scenario {
  if (!Number.isInteger(age)) throw new UserError([{ path: flag, message: `must be a whole age (a saving year before 67); got ${String(age)}` }]);
  const disability = { ...(s.disability ?? Disability.parse({})), forcedAge: age };
  const out = { ...s, disability };
  const problems = disabilityProblems(out, startOf(s.person).startAge);
  if (problems.length > 0) throw new UserError(problems.map((p) => ({ path: p.path === 'disability.forcedAge' ? flag : p.path, message: p.message })));
  return out;
}
