/**
 * The installed package's root directory (where package.json, scenarios/ and assets/ are), found
 * from this module's own location, never from the working directory: `pensim scenarios` and the
 * PNG fonts must work from any folder. Works from dist/src/cli (built) and src/cli (tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'pensim') return (cached = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`no pensim package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}
