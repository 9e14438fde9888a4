/**
 * --amounts nominal|real|g (and --real, its older shorthand for real): the unit a run's report
 * shows amounts in. Resolved to an AmountBasis (report/amount-basis.ts) from the scenario and the
 * result, which says whether its returns are real already and whether G differs by path.
 */
import type { SimulationResult } from '../engine/simulation-result.js';
import { gGrowthOf, gPath } from '../plan/g-path.js';
import { G_FROM_MAY, G_LAST_YEAR } from '../rules/no/grunnbelop.js';
import { NOMINAL, resultTerms, type AmountBasis } from '../report/amount-basis.js';
import type { Scenario } from '../scenario/schema.js';
import { UserError } from '../scenario/user-error.js';
import { startOf } from '../scenario/validate-scenario.js';
import type { Amounts } from './amounts-choices.js';

export { AMOUNTS, AMOUNTS_HELP, type Amounts } from './amounts-choices.js';

/** The unit asked for: --amounts wins over a preset's real; --real with another --amounts is a contradiction. */
export function amountsChoice(flags: { amounts: Amounts | undefined; real: boolean }, presetReal: boolean): Amounts {
  if (flags.amounts !== undefined && flags.real && flags.amounts !== 'real') {
    throw new UserError([{ path: '--amounts', message: `--real asks for real amounts and --amounts for ${flags.amounts}: give one of them` }]);
  }
  return flags.amounts ?? (flags.real || presetReal ? 'real' : 'nominal');
}

/**
 * Checked on the scenario before the run; `flag` is the option that asked for real amounts. A historical bootstrap without an inflation model replays
 * REAL returns (engine/returns-result.ts): its amounts are in start-year money already, and real
 * would deflate them twice. Read through a narrow type: not every scenario has a returns block.
 */
export function checkAmounts(scenario: Scenario, amounts: Amounts, flag = '--amounts'): void {
  const returns = (scenario as { returns?: { model?: string; inflation?: unknown } }).returns;
  if (amounts === 'real' && returns?.model === 'bootstrap' && returns.inflation === undefined) {
    throw new UserError([
      { path: flag, message: `this scenario's returns are already real (a historical bootstrap without returns.inflation): its amounts are in start-year money; drop ${flag}${flag === '--preset' ? ' nl-urm (it reports in today\'s money)' : ''}` },
    ]);
  }
}

/** Nominal; real by the scenario's inflation; in G; or real already, as the engine says of its returns. */
export function amountBasis(scenario: Scenario, result: SimulationResult, amounts: Amounts): AmountBasis {
  if (amounts === 'g') return gBasis(scenario, result);
  if (resultTerms(result) === 'real') return { kind: 'real-returns' };
  if (amounts === 'nominal') return NOMINAL;
  const baseYear = startOf(scenario.person).startYear;
  // A stochastic inflation model deflates each path by its own index; else the fixed rate.
  return result.inflation ? { kind: 'real-simulated', baseYear } : { kind: 'real', inflation: scenario.inflation, baseYear };
}

/** G of each path when pay growth is uncertain (the engine's G block), else the one G path of the plan. */
function gBasis(scenario: Scenario, result: SimulationResult): AmountBasis {
  const gGrowth = gGrowthOf(scenario);
  const lastPublished = { year: G_LAST_YEAR, value: G_FROM_MAY[G_FROM_MAY.length - 1]! };
  if (result.inG) return { kind: 'g-simulated', gGrowth, lastPublished };
  const values = Array.from(gPath(scenario, result.ages.payoutEnd - result.ages.start));
  return { kind: 'g', gGrowth, lastPublished, g: { ages: values.map((_, i) => result.ages.start + i), values } };
}
