/**
 * --amounts nominal|real|g (and --real, its older shorthand for real): the unit a run's report
 * shows amounts in. Resolved to an AmountBasis (report/amount-basis.ts) from the scenario and the
 * result, which says whether its returns are real already and whether G differs by path.
 */
import type { Scenario } from '../scenario/schema.js';
import { UserError } from '../base/user-error.js';
import type { Amounts } from '../report/amounts-choices.js';

export { AMOUNTS, AMOUNTS_HELP, type Amounts } from '../report/amounts-choices.js';

/** The unit asked for: --amounts wins over a preset's real; --real with another --amounts is a contradiction. */
export function amountsChoice(flags: { amounts: Amounts | undefined; real: boolean }, presetReal: boolean): Amounts {
  if (flags.amounts !== undefined && flags.real && flags.amounts !== 'real') {
    throw new UserError([{ path: '--amounts', message: `--real asks for real amounts and --amounts for ${flags.amounts}: give one of them` }]);
  }
  return flags.amounts ?? (flags.real || presetReal ? 'real' : 'nominal');
}

/**
 * Checked on the scenario before the run; `flag` is the option that asked for real amounts. A historical bootstrap without an inflation model replays
 * REAL returns (result/returns-result.ts): its amounts are in start-year money already, and real
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
