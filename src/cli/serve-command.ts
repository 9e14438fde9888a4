/**
 * pensim serve: the advisor's workbench, a local web page on the same engine and digits as the
 * CLI (src/server/create-server.ts). Binds 127.0.0.1 unless --host says otherwise; --port 0 takes
 * a free port. Prints the URL with a fresh random access token, as `jupyter lab` does, and opens
 * it in the default browser unless --no-open. Stops on SIGINT / SIGTERM (runs in flight are aborted).
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { CommandModule } from 'yargs';
import { newAccessToken } from '../server/access-token.js';
import { UserError } from '../scenario/user-error.js';
import { wholeNumberFlag } from './options.js';

interface ServeArgs {
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
  handler: async (args) => {
    const port = wholeNumberFlag('port', 0, 65535)(args.port)!;
    const threads = wholeNumberFlag('threads', 1, 256)(args.threads) ?? Math.min(2, availableParallelism());
    const capacity = wholeNumberFlag('queue', 0, 1000)(args.queue)!;
    if (!/^[A-Za-z0-9.:[\]-]+$/.test(args.host)) throw new UserError([{ path: '--host', message: `must be an address or host name, e.g. 127.0.0.1; got "${args.host}"` }]);
    const token = newAccessToken();
    // Fastify and the server load only for `pensim serve`, not with every command.
    const { createServer } = await import('../server/create-server.js');
    const app = createServer({ token, host: args.host, threads, capacity });
    try {
      await app.listen({ port, host: args.host });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'EADDRINUSE' ? `port ${port} is in use (give another --port, or --port 0 for a free one)` : code === 'EADDRNOTAVAIL' ? `${args.host} is not an address of this machine` : (e as Error).message;
      throw new UserError([{ path: code === 'EADDRINUSE' ? '--port' : '--host', message: `cannot listen: ${why}` }]);
    }
    const address = app.server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    const shown = args.host.includes(':') ? `[${args.host}]` : args.host;
    const url = `http://${shown}:${bound}/?token=${token}`;
    process.stdout.write(`pensim serve: the workbench is at\n    ${url}\n(press Ctrl+C to stop)\n`);
    if (args.open) openBrowser(url);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void app.close().then(() => resolve());
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};

/** The platform's opener, detached; failing to open is not an error (the URL is printed). */
function openBrowser(url: string): void {
  const [cmd, ...rest] = process.platform === 'darwin' ? ['open'] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""'] : ['xdg-open'];
  try {
    const child = spawn(cmd!, [...rest, url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener on this machine: the printed URL is enough.
  }
}
