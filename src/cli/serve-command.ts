/**
 * pensim serve: the advisor's workbench, a local web page on the same engine and digits as the
 * CLI (src/server/create-server.ts). Binds 127.0.0.1 unless --host says otherwise; --port 0 takes
 * a free port. Prints the URL with a fresh random access token, as `jupyter lab` does, and opens
 * it in the default browser unless --no-open. Stops on SIGINT / SIGTERM (runs in flight are aborted).
 * Its flags here; the server's start in serve-handler.ts, loaded when the command runs (cli/main.ts says why).
 */
import type { CommandModule } from 'yargs';

export interface ServeArgs {
  port: string;
  host: string;
  open: boolean;
  threads: string | undefined;
  queue: string;
}

export const DEFAULT_PORT = 8765;

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: 'serve',
  describe: "The advisor's workbench: a local web page to run, compare and solve scenarios (nothing leaves the machine)",
  builder: (y) =>
    y
      .option('port', { type: 'string', default: String(DEFAULT_PORT), describe: 'port to listen on; 0 picks a free one' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to bind (the default keeps it to this machine)' })
      .option('open', { type: 'boolean', default: true, describe: 'open the page in the default browser (--no-open: only print the URL)' })
      .option('threads', { type: 'string', describe: 'worker threads per run (default: up to 2)' })
      .option('queue', { type: 'string', default: '8', describe: 'runs that may wait while two run on the shared worker pool; more are refused with 429 and Retry-After' })
      .example('$0 serve', 'start the workbench and open it')
      .example('$0 serve --port 0 --no-open', 'a free port; print the URL only') as never,
  handler: async (args) => (await import('./serve-handler.js')).serveHandler(args),
};
