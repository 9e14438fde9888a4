/**
 * pensim fit [--csv FILE]: estimate lognormal, Student-t and regime-switching parameters from the
 * bundled US real monthly returns 1871–2025 (or a CSV of the user's own monthly returns with the
 * same columns) and print a scenario fragment: YAML with the estimates as comments, or JSON
 * ({ estimates, fragment }).
 */
import { readFile } from 'node:fs/promises';
import type { CommandModule } from 'yargs';
import { Document, isScalar, visit } from 'yaml';
import { BUNDLED_HISTORY_SOURCE, bundledMonthlyReturns } from '../data/bundled-history.js';
import { parseMonthlyReturnsCsv, type MonthlyReturns } from '../data/monthly-returns-csv.js';
import { FIT_MODELS, fitHistory, MIN_YEARS, scenarioFragment, type FitEstimates, type FitHorizon, type FitModel } from '../market/fit/fit-history.js';
import { UserError } from '../scenario/user-error.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

interface FitArgs {
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
  handler: async (args) => {
    if (args.out) checkOutputPath(args.out, forced(args));
    const monthly = args.csv ? parseMonthlyReturnsCsv(await readText(args.csv), args.csv) : bundledMonthlyReturns();
    const source = args.csv ?? BUNDLED_HISTORY_SOURCE;
    const years = Math.floor(monthly.year.length / 12);
    if (years < MIN_YEARS + 1) {
      throw new UserError([{ path: '', message: `has ${monthly.year.length} months; fitting needs at least ${(MIN_YEARS + 1) * 12} months (${MIN_YEARS} full calendar years)` }], source);
    }
    let e: FitEstimates;
    try {
      e = fitHistory(monthly, source, args.horizon, args.model === 'regime-switching');
    } catch (err) {
      if (err instanceof Error && /singular/.test(err.message)) throw new UserError([{ path: '', message: `cannot be fitted: ${err.message}` }], source);
      throw err;
    }
    const fragment = scenarioFragment(e, args.model);
    const text = args.format === 'json' ? `${JSON.stringify({ estimates: e, fragment }, null, 2)}\n` : `${comments(e, args.model)}${yamlFragment(fragment)}`;
    if (args.out) writeAtomically(args.out, text);
    else process.stdout.write(text);
  },
};

/** YAML with lists of numbers (correlation and transition rows) on one line each. */
function yamlFragment(fragment: Record<string, unknown>): string {
  const doc = new Document(fragment);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString();
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError([{ path: '', message: `cannot read the CSV file: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}` }], file);
  }
}

const pct = (x: number, d = 2) => `${(100 * x).toFixed(d)} %`;

function comments(e: FitEstimates, model: FitModel): string {
  const d = e.data;
  const ln = e.lognormal;
  const other = e.lognormalOtherHorizon;
  const how = e.horizon === 'monthly' ? 'monthly log returns, mean × 12 and sd × √12' : 'calendar-year log returns';
  const otherHow = e.horizon === 'monthly' ? 'calendar-year log returns' : 'monthly log returns × 12, × √12';
  const lines = [
    `pensim fit · ${d.source}`,
    `${d.months} months ${d.first} to ${d.last}; ${d.calendarYears} full calendar years ${d.yearsFrom}-${d.yearsTo}. Returns as in the data (the bundled ones are REAL).`,
    '',
    `Lognormal (${how}):`,
    ...ln.series.map((s) => `  ${s.name}: log mean ${pct(s.logMean)}/yr (standard error ${pct(s.logMeanStderr)}), log sd ${pct(s.logSd)}/yr -> expectedReturn ${pct(s.expectedReturn)}, volatility ${pct(s.volatility)}`),
    `  correlation of the log returns: ${ln.correlation[0]![1]!.toFixed(3)}`,
    `  for comparison, from ${otherHow}: ${other.series.map((s) => `${s.name} log mean ${pct(s.logMean)}, sd ${pct(s.logSd)}`).join('; ')}`,
    `Student-t (calendar-year log returns, one ν for all series): ν = ${e.studentT.nu.toFixed(2)} (95 % interval ${e.studentT.nuInterval[0].toFixed(1)} to ${e.studentT.nuInterval[1].toFixed(1)}); likelihood ratio against the normal ${e.studentT.lrNormal.toFixed(2)} (above 3.84: fat tails at 5 %)`,
  ];
  if (e.regimes) {
    const g = e.regimes;
    lines.push(`Regimes (Gaussian hidden Markov model on ${e.horizon === 'monthly' ? 'monthly log returns; yearly: means and covariances × 12, transition matrix to the 12th power' : 'calendar-year log returns'}):`);
    g.names.forEach((name, k) => {
      const m = g.yearly.means[k]!;
      const sd = g.yearly.covariances[k]!.map((row, i) => Math.sqrt(row[i]!));
      const stay = g.period.transition[k]![k]!;
      lines.push(`  ${name}: long-run share ${pct(g.yearly.stationary[k]!, 1)}, mean stay ${(1 / (1 - stay)).toFixed(1)} ${e.horizon === 'monthly' ? 'months' : 'years'}; ${ln.series.map((s, i) => `${s.name} log mean ${pct(m[i]!)}, sd ${pct(sd[i]!)}`).join('; ')}`);
    });
  }
  lines.push(
    '',
    `The fragment (${model}): merge profile.assets/correlation into your profile (rename the assets to yours and set weights)${model === 'lognormal' ? '' : ' and add the returns block'}.`,
    'The bundled returns are real: in a nominal scenario add expected inflation to expectedReturn, or give wageGrowth in real terms.',
  );
  return `${lines.map((l) => (l ? `# ${l}` : '#')).join('\n')}\n`;
}
