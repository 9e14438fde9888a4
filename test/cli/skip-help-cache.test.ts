/** cli/skip-help-cache.ts: the yargs hook it turns off still exists, and help is unchanged without it. */
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { runCommand } from '../../src/cli/run-command.js';
import { skipHelpCache } from '../../src/cli/skip-help-cache.js';

const help = (skip: boolean) =>
  new Promise<string>((resolve, reject) => {
    const y = yargs().scriptName('pensim').command(runCommand).help().wrap(100).exitProcess(false);
    if (skip) skipHelpCache(y);
    void y.parse(['run', '--help'], {}, (err, _argv, output) => (err ? reject(err) : resolve(output)));
  });

describe('skipHelpCache', () => {
  it('finds the hook in the installed yargs (else every run lays out its help again, ~60 ms)', () => {
    expect(skipHelpCache(yargs())).toBe(true);
  });

  it('leaves the help that is printed as it was', async () => {
    const shown = await help(true);
    expect(shown).toContain('pensim run <scenario>');
    expect(shown).toBe(await help(false));
  });
});
