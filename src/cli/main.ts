#!/usr/bin/env node
/**
 * The pensim command. The only place with argv, stdout/stderr and exit codes:
 * 0 success, 2 bad input (scenario, file, flag: a message naming the field, no stack trace),
 * 1 an internal error (with its stack: that is a bug to report) or a failed chunk (worker fault),
 * 130 / 143 interrupted by SIGINT / SIGTERM (cli/signals.ts; nothing written).
 * Each command is its flags here (X-command.ts, light) and its handler (X-handler.ts), imported
 * when that command runs: the engine, the reports and their packages cost up to 0.2 s to load,
 * which --version, --help, a usage error or another command need not pay.
 */
import { ChunkFailure } from '../engine/chunk-failure.js';
import { UserError } from '../base/user-error.js';
import { loadYargs } from './load-yargs.js';
import { Interrupted } from './signals.js';
import { skipHelpCache } from './skip-help-cache.js';
import { VERSION } from '../version.js';
import { mergeCommand } from './merge-command.js';
import { traceCommand } from './trace-command.js';
import { initCommand } from './init-command.js';
import { projectCommand } from './project-command.js';
import { runCommand } from './run-command.js';
import { scenariosCommand } from './scenarios-command.js';
import { sweepCommand } from './sweep-command.js';
import { fitCommand } from './fit-command.js';
import { compareCommand } from './compare-command.js';
import { validateCommand } from './validate-command.js';
import { solveCommand } from './solve-command.js';
import { serveCommand } from './serve-command.js';

export const EXIT_USAGE = 2;

/** A yargs usage failure (unknown flag, missing argument): thrown so that no command handler runs. */
class UsageFailure extends Error {}

async function main(): Promise<number> {
  try {
    const { yargs, hideBin } = await loadYargs();
    const cli = yargs(hideBin(process.argv));
    skipHelpCache(cli);
    await cli
      .scriptName('pensim')
      .version(VERSION)
      .command(runCommand)
      .command(validateCommand)
      .command(projectCommand)
      .command(mergeCommand)
      .command(traceCommand)
      .command(scenariosCommand)
      .command(initCommand)
      .command(sweepCommand)
      .command(fitCommand)
      .command(compareCommand)
      .command(solveCommand)
      .command(serveCommand)
      .option('force', { type: 'boolean', default: false, global: true, describe: 'overwrite an existing output file (otherwise it is refused)' })
      .demandCommand(1, 'name a command: run, validate or project (or scenarios, init)')
      .example('$0 scenarios', 'list the bundled scenarios')
      .example('$0 run scenarios/default.json --format html --out report.html', 'a client report in one HTML file')
      .example('$0 init my.yaml && $0 validate my.yaml', 'start a scenario of your own')
      .strict()
      .help()
      .wrap(Math.min(110, process.stdout.columns ?? 100))
      .fail((msg, err) => {
        if (err) throw err;
        throw new UsageFailure(msg);
      })
      .parseAsync();
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`pensim: ${e.message.replaceAll('\n', '\npensim: ')}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof Interrupted) {
      process.stderr.write(`pensim: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof ChunkFailure) {
      // The input was valid but the run failed (a worker threw or died): exit 1, no output written.
      const cause = e.cause instanceof Error && e.cause.stack ? `\n${e.cause.stack}` : '';
      process.stderr.write(`pensim: the run failed and no output was written: ${e.message}${cause}\n`);
      return 1;
    }
    if (e instanceof UsageFailure) {
      // One line per problem: yargs splits some messages ("Invalid values:\n  Argument: ...") over lines.
      process.stderr.write(`pensim: ${e.message.replace(/\s*\n\s*/g, ' ')}\nRun "pensim --help" for the commands and their options.\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`pensim: internal error (please report it):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
