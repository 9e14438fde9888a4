/**
 * Where a compiled WebAssembly module of pensim is: dist/wasm/<name> under the package root (the
 * folder of pensim's package.json), found from this module's own location whatever it is (dist/src,
 * src under the tests, or a bundled CLI), never from the working directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null | undefined;

function packageRoot(): string | null {
  if (root !== undefined) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; ) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'pensim') return (root = dir);
    const up = dirname(dir);
    if (up === dir) return (root = null);
    dir = up;
  }
}

/** The module's bytes, or null when it was not built (the JS loops then run: the same numbers, slower). */
export function wasmBytes(name: string): Uint8Array<ArrayBuffer> | null {
  const base = packageRoot();
  const file = base && join(base, 'dist', 'wasm', name);
  return file && existsSync(file) ? new Uint8Array(readFileSync(file)) : null;
}
