/** pensim project <scenario>: the ledger and its output (the flags are in project-command.ts). */
import type { ArgumentsCamelCase } from 'yargs';
import { loadAnyScenario } from '../scenario/load-any-scenario.js';
import { isUsScenario } from '../plan/compiled-plan.js';
import { projectUsLedger } from '../ledger/project-us-ledger.js';
import { usLedgerJson, usLedgerTable } from '../report/us-ledger-table.js';
import { projectLedger } from '../ledger/project-ledger.js';
import { withDisabilityAge } from '../scenario/validate-disability.js';
import { ledgerJson, ledgerTable } from '../report/ledger-table.js';
import { attributedTo } from './options.js';
import type { ProjectArgs } from './project-command.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

export async function projectHandler(args: ArgumentsCamelCase<ProjectArgs>): Promise<void> {
  if (args.out) checkOutputPath(args.out, forced(args));
  const loaded = await loadAnyScenario(args.scenario);
  if (isUsScenario(loaded)) {
    const us = await attributedTo(args.scenario, () => projectUsLedger(loaded));
    const text = args.format === 'json' ? usLedgerJson(us) : usLedgerTable(us);
    if (args.out) writeAtomically(args.out, text);
    else process.stdout.write(text);
    return;
  }
  const scenario = args.disabilityAge === undefined ? loaded : withDisabilityAge(loaded, args.disabilityAge, '--disability-age');
  const ledger = await attributedTo(args.scenario, () => projectLedger(scenario));
  const text = args.format === 'json' ? ledgerJson(ledger) : ledgerTable(ledger, scenario.currency);
  if (args.out) writeAtomically(args.out, text);
  else process.stdout.write(text);
}
