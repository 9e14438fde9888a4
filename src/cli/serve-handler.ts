/** pensim serve: the workbench started, its URL printed, stopped on a signal (the flags are in serve-command.ts). */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { ArgumentsCamelCase } from 'yargs';
import { newAccessToken } from '../server/access-token.js';
import { UserError } from '../base/user-error.js';
import { wholeNumberFlag } from './options.js';
import type { ServeArgs } from './serve-command.js';

export async function serveHandler(args: ArgumentsCamelCase<ServeArgs>): Promise<void> {
  const port = wholeNumberFlag('port', 0, 65535)(args.port)!;
  const threads = wholeNumberFlag('threads', 1, 256)(args.threads) ?? Math.min(2, availableParallelism());
  const capacity = wholeNumberFlag('queue', 0, 1000)(args.queue)!;
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(args.host)) throw new UserError([{ path: '--host', message: `must be an address or host name, e.g. 127.0.0.1; got "${args.host}"` }]);
  const token = newAccessToken();
  // Fastify and the server load after the flags are checked: a bad flag is reported at once.
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
}

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
