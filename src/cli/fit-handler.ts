/** pensim fit: the estimates and the scenario fragment printed (the flags are in fit-command.ts). */
import { readFile } from 'node:fs/promises';
import type { ArgumentsCamelCase } from 'yargs';
import { Document, isScalar, visit } from 'yaml';
import { BUNDLED_HISTORY_SOURCE, bundledMonthlyReturns } from '../data/bundled-history.js';
import { parseMonthlyReturnsCsv } from '../data/monthly-returns-csv.js';
import { fitHistory, MIN_YEARS, scenarioFragment, type FitEstimates, type FitModel } from '../market/fit/fit-history.js';
import { UserError } from '../base/user-error.js';
import type { FitArgs } from './fit-command.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

export async function fitHandler(args: ArgumentsCamelCase<FitArgs>): Promise<void> {
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
}

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
