/** pensim merge <shard files…>: the shards read, merged and reported (the flags are in merge-command.ts). */
import { readFile } from 'node:fs/promises';
import type { ArgumentsCamelCase } from 'yargs';
import { mergeShards } from '../engine/shard.js';
import { resultCsv } from '../report/result-csv.js';
import { resultInBasis } from '../report/result-in-basis.js';
import { resultJson } from '../report/result-json.js';
import { resultTable } from '../report/result-table.js';
import { checkAnyScenario } from '../scenario/load-any-scenario.js';
import type { UsRunResult } from '../result/us-result.js';
import type { SimulationResult } from '../result/simulation-result.js';
import { isUsScenario } from '../plan/compiled-plan.js';
import { usResultTable } from '../report/us-result-table.js';
import { usResultCsv } from '../report/us-result-csv.js';
import { UserError } from '../base/user-error.js';
import { amountBasis } from '../report/amount-basis-of.js';
import { checkAmounts } from './amounts-flag.js';
import type { MergeArgs } from './merge-command.js';
import { checkOutputPath, forced, writeAtomically } from './write-output.js';

export async function mergeHandler(args: ArgumentsCamelCase<MergeArgs>): Promise<void> {
  if (args.out) checkOutputPath(args.out, forced(args));
  const parts = await Promise.all(args.shards.map(async (source) => ({ source, file: await readJson(source) })));
  const result = mergeShards(parts, checkAnyScenario);
  const scenario = checkAnyScenario((parts[0]!.file as { scenario: unknown }).scenario, parts[0]!.source);
  if (isUsScenario(scenario)) {
    // A US run reports in nominal USD, as a table, JSON or CSV (as pensim run prints it).
    if (args.amounts !== 'nominal') throw new UserError([{ path: '--amounts', message: 'is not available for a US scenario: US amounts are nominal USD' }]);
    const us = result as UsRunResult;
    const text = args.format === 'json' ? `${JSON.stringify(us, null, 2)}\n` : args.format === 'csv' ? usResultCsv(us) : usResultTable(us);
    if (args.out) writeAtomically(args.out, text);
    else process.stdout.write(text);
    return;
  }
  checkAmounts(scenario, args.amounts);
  const basis = amountBasis(scenario, result as SimulationResult, args.amounts);
  const shown = resultInBasis(result as SimulationResult, basis);
  // The merged JSON is what the unsharded `run --format json` prints, amounts key included.
  const text = args.format === 'json' ? resultJson(shown, basis) : args.format === 'csv' ? resultCsv(shown, basis) : resultTable(shown, basis);
  if (args.out) writeAtomically(args.out, text);
  else process.stdout.write(text);
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError([{ path: '', message: `cannot read the shard file: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}` }], file);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UserError([{ path: '', message: `not valid JSON: ${(e as Error).message}` }], file);
  }
}
