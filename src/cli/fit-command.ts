/**
 * pensim fit [--csv FILE]: estimate lognormal, Student-t and regime-switching parameters from the
 * bundled US real monthly returns 1871–2025 (or a CSV of the user's own monthly returns with the
 * same columns) and print a scenario fragment: YAML with the estimates as comments, or JSON
 * ({ estimates, fragment }). Its flags here; the fit in fit-handler.ts, loaded when the command
 * runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';
import type { FitHorizon } from '../market/fit/fit-history.js';
import { FIT_MODELS, type FitModel } from '../market/fit/fit-models.js';

export interface FitArgs {
  csv: string | undefined;
  model: FitModel;
  horizon: FitHorizon;
  format: 'yaml' | 'json';
  out: string | undefined;
}

export const fitCommand: CommandModule<object, FitArgs> = {
  command: 'fit',
  describe: 'Estimate return-model parameters from the bundled US real returns 1871-2025 (or --csv) and print a scenario fragment',
  builder: (y) =>
    y
      .option('csv', { type: 'string', describe: 'monthly returns CSV with the columns year, month, stock real return, bond real return (default: the bundled series)' })
      .option('model', { choices: FIT_MODELS, default: 'lognormal' as FitModel, describe: 'the model whose fragment to print' })
      .option('horizon', {
        choices: ['monthly', 'yearly'] as const,
        default: 'monthly' as FitHorizon,
        describe: 'lognormal and regimes from monthly log returns annualised (× 12, × √12) or from calendar-year returns',
      })
      .option('format', { choices: ['yaml', 'json'] as const, default: 'yaml' as const, describe: 'YAML fragment with comments, or JSON { estimates, fragment }' })
      .option('out', { type: 'string', describe: 'write to this file instead of standard output' })
      .example('pensim fit --model student-t', 'the bundled series\' parameters as a Student-t scenario fragment') as never,
  handler: async (args) => (await import('./fit-handler.js')).fitHandler(args),
};
