/**
 * pensim scenarios: the bundled example scenarios, one line each (the file and its name). Its
 * definition here; the listing in scenarios-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';

export const scenariosCommand: CommandModule<object, object> = {
  command: 'scenarios',
  describe: 'List the bundled example scenarios (file and name)',
  builder: (y) => y.example('$0 scenarios', 'one line per bundled scenario; run one with "pensim run <file>"') as never,
  handler: async () => (await import('./scenarios-handler.js')).scenariosHandler(),
};
