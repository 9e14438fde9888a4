/** pensim validate <scenario>: load and compile the scenario (its flags are in validate-command.ts). */
import { loadScenario } from '../scenario/load-scenario.js';
import { isUsScenarioFile, loadUsScenario } from '../scenario/load-us-scenario.js';
import { compileUsPlan } from '../plan/compile-us.js';
import { compilePlan } from '../plan/compile-plan.js';
import { attributedTo } from './options.js';

export async function validateHandler(args: { scenario: string }): Promise<void> {
  if (await isUsScenarioFile(args.scenario)) {
    const us = await loadUsScenario(args.scenario);
    await attributedTo(args.scenario, () => compileUsPlan(us));
    process.stdout.write(`${args.scenario}: valid\n`);
    return;
  }
  const scenario = await loadScenario(args.scenario);
  await attributedTo(args.scenario, () => compilePlan(scenario));
  process.stdout.write(`${args.scenario}: valid\n`);
}
