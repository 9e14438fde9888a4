import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';

/** A fake stderr: records what is written; a terminal or not. */
function fakeStream(isTTY: boolean) {
  const out: string[] = [];
  const stream = {
    isTTY,
    columns: 100,
    write: (s: string) => (out.push(s), true),
    cursorTo: (_x: number, _y?: number, cb?: () => void) => (cb?.(), true),
    clearLine: (_d: number, cb?: () => void) => (cb?.(), true),
    moveCursor: (_x: number, _y: number, cb?: () => void) => (cb?.(), true),
    on: () => stream,
    removeListener: () => stream,
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => out.join('') };
}

describe('progress on stderr', () => {
  it('on a terminal: no bar in the first second, then a bar, cleared at the end before the timing line', () => {
    const { stream, text } = fakeStream(true);
    let t = 0;
    const p = progressReporter(false, { stream, now: () => t });
    t = 500;
    p.update(2048, 20_000);
    expect(text()).toBe('');
    t = 1200;
    p.update(4096, 20_000);
    expect(text()).toContain('4096/20000 paths');
    p.update(20_000, 20_000);
    p.done(20_000, 2000, 2);
    expect(text()).toMatch(/20000 paths in 2\.00 s \(10000 paths\/s, 2 threads\)\n$/);
  });

  it('a run that finishes within the second never shows the bar', () => {
    const { stream, text } = fakeStream(true);
    let t = 0;
    const p = progressReporter(false, { stream, now: () => t });
    t = 300;
    p.update(20_000, 20_000);
    p.done(20_000, 300, 1);
    expect(text()).toBe('20000 paths in 0.30 s (66667 paths/s, 1 threads)\n');
  });

  it('not a terminal: only the timing line; --quiet: nothing at all', () => {
    for (const [tty, quiet, expected] of [
      [false, false, '1000 paths in 4.00 s (250 paths/s, 2 threads)\n'],
      [true, true, ''],
    ] as const) {
      const { stream, text } = fakeStream(tty);
      let t = 0;
      const p = progressReporter(quiet, { stream, now: () => t });
      t = 3000;
      p.update(500, 1000);
      p.done(1000, 4000, 2);
      expect(text()).toBe(expected);
    }
  });
});
