/**
 * Progress on standard error: a percentage redrawn in place when stderr is a terminal, and a
 * one-line timing summary at the end; nothing with --quiet.
 */
import { availableParallelism } from 'node:os';

export function progressReporter(quiet: boolean) {
  const tty = process.stderr.isTTY === true && !quiet;
  let last = -1;
  return {
    update: (done: number, total: number) => {
      if (!tty) return;
      const pct = Math.floor((100 * done) / total);
      if (pct !== last) {
        last = pct;
        process.stderr.write(`\r${pct}% of ${total} paths`);
      }
    },
    done: (paths: number, ms: number, threads: number | undefined) => {
      if (tty) process.stderr.write('\r\x1b[K');
      if (quiet) return;
      const rate = Math.round(paths / (ms / 1000));
      process.stderr.write(`${paths} paths in ${(ms / 1000).toFixed(2)} s (${rate} paths/s, ${threads ?? availableParallelism()} threads)\n`);
    },
  };
}
