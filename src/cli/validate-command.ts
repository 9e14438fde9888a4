/** pensim validate <scenario>: exit 0 when valid; otherwise every problem with its field path. */
import type { CommandModule } from 'yargs';
import { loadScenario } from '../engine/load-scenario.js';
import { isUsScenarioFile, loadUsScenario } from '../engine/load-us-scenario.js';
import { compileUsPlan } from '../plan/compile-us.js';
import { compilePlan } from '../plan/compile-plan.js';
import { attributedTo } from './options.js';

export const validateCommand: CommandModule<object, { scenario: string }> = {
  command: 'validate <scenario>',
  describe: 'Check a scenario file (schema, cross-field rules and the legal contribution band)',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .yaml)' })
      .example('$0 validate scenarios/glide-path.yaml', 'exit 0 and "valid", or every problem with its field') as never,
  handler: async (args) => {
    if (await isUsScenarioFile(args.scenario)) {
      const us = await loadUsScenario(args.scenario);
      await attributedTo(args.scenario, () => compileUsPlan(us));
      process.stdout.write(`${args.scenario}: valid\n`);
      return;
    }
    const scenario = await loadScenario(args.scenario);
    await attributedTo(args.scenario, () => compilePlan(scenario));
    process.stdout.write(`${args.scenario}: valid\n`);
  },
};
