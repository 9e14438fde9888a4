/** cli/load-yargs.ts: yargs loaded with Intl.Segmenter deferred, and the real constructor put back. */
import { describe, expect, it } from 'vitest';
import { loadYargs } from '../../src/cli/load-yargs.js';

describe('loadYargs', () => {
  it('gives yargs and hideBin, and leaves Intl.Segmenter as it was', async () => {
    const real = Intl.Segmenter;
    const { yargs, hideBin } = await loadYargs();
    expect(Intl.Segmenter).toBe(real);
    expect(hideBin(['node', 'pensim', 'run'])).toEqual(['run']);
    const text = await yargs().scriptName('pensim').option('år', { describe: 'én 日本 👍 width' }).help().wrap(60).getHelp();
    expect(text).toMatch(/--år\s+én 日本 👍 width/);
  });
});
