/**
 * Progress on standard error: a bar (cli-progress) once a run has lasted about a second and only
 * when stderr is a terminal, cleared when the run ends; then a one-line timing summary (paths/s,
 * threads). Nothing at all with --quiet. Short runs and pipes never see the bar, so logs stay clean.
 * The stream and the clock are injectable so a test can play a terminal.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type cliProgress from 'cli-progress';

/**
 * cli-progress, loaded with the first bar: most runs show none (a pipe, --quiet, under a second),
 * and it costs ~7 ms to load. It is CommonJS, so require() loads it at once where the bar starts.
 */
const loadCliProgress = () => createRequire(import.meta.url)('cli-progress') as typeof cliProgress;

/** A run shorter than this shows no bar (its flicker would be noise). */
export const BAR_DELAY_MS = 1000;

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** Milliseconds, monotonic. */
  now?: () => number;
  delayMs?: number;
}

export function progressReporter(quiet: boolean, options: ProgressOptions = {}) {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const delay = options.delayMs ?? BAR_DELAY_MS;
  const tty = stream.isTTY === true && !quiet;
  const started = now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update: (done: number, total: number) => {
      if (!tty) return;
      if (!bar) {
        if (now() - started < delay || done >= total) return;
        const { SingleBar, Presets } = loadCliProgress();
        bar = new SingleBar(
          {
            stream,
            format: 'pensim {bar} {percentage}% · {value}/{total} paths · {eta_formatted} left',
            barsize: 30,
            clearOnComplete: true,
            hideCursor: true,
            gracefulExit: true,
          },
          Presets.shades_classic,
        );
        bar.start(total, done);
        return;
      }
      bar.update(done);
    },
    done: (paths: number, ms: number, threads: number | undefined) => {
      if (bar) {
        bar.stop();
        bar = null;
      }
      if (quiet) return;
      const rate = Math.round(paths / (ms / 1000));
      stream.write(`${paths} paths in ${(ms / 1000).toFixed(2)} s (${rate} paths/s, ${threads ?? availableParallelism()} threads)\n`);
    },
  };
}
