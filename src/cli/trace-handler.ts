/** pensim trace <scenario> --path K: the path's ledger and its output (the flags are in trace-command.ts). */
import type { ArgumentsCamelCase } from 'yargs';
import { loadAnyScenario } from '../scenario/load-any-scenario.js';
import { tracePath } from '../engine/trace-path.js';
import { traceJson, traceTable } from '../report/trace-table.js';
import { usTraceJson, usTraceTable } from '../report/us-trace-table.js';
import { attributedTo, wholeNumberFlag } from './options.js';
import type { TraceArgs } from './trace-command.js';

export async function traceHandler(args: ArgumentsCamelCase<TraceArgs>): Promise<void> {
  const path = wholeNumberFlag('path', 0, 100_000_000)(args.path)!;
  const seed = wholeNumberFlag('seed', 0, 0xffffffff)(args.seed);
  const paths = wholeNumberFlag('paths', 1, 100_000_000)(args.paths);
  const scenario = await loadAnyScenario(args.scenario);
  const t = await attributedTo(args.scenario, () => tracePath(scenario, path, { ...(seed !== undefined && { seed }), ...(paths !== undefined && { paths }) }));
  // The rows are the plan kind's own (engine/trace-path.ts), and so are their tables.
  if (t.kind === 'us') process.stdout.write(args.format === 'json' ? usTraceJson(t) : usTraceTable(t));
  else process.stdout.write(args.format === 'json' ? traceJson(t) : traceTable(t, scenario.currency));
}
