#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/src/cli/main.js, from tsc) into dist/bundle/cli/pensim.js, the
 * `pensim` bin: a few files instead of ~300 modules, which is most of the start-up cost of a
 * command. Run by `npm run build` after tsc. The commands' handlers stay separate chunks, loaded
 * when their command runs (cli/main.ts), as in dist/src.
 *
 * The bundle sits two folders under dist/, as the compiled modules do, because modules find
 * files from their own URL: data/bundled-history.ts the data/ folder (../../../data),
 * base/package-root.ts package.json. The chunk worker (workers/chunk.worker.ts, which piscina
 * loads in each worker thread) is bundled too, into dist/bundle/workers/chunk.worker.js, which
 * engine/worker-pool.ts takes from the bundled CLI (../workers): one file for a worker to load
 * instead of ~90 modules, which is most of a worker's start-up.
 * Left to node_modules: piscina (it starts its workers from its own files), the native PNG
 * renderer, pdfkit (it reads its font files from its own folder), fastify (the server) and the
 * per-path file writers; cli-progress is required at run time.
 */
import { readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * yargs finds its locale files (messages in the user's language, from LANG) from its own file's
 * URL, which in the bundle is the bundle's: point it at the installed yargs' locales instead.
 */
const yargsLocales = {
  name: 'yargs-locales',
  setup(b) {
    b.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      const from = "directory: resolve(__dirname, '../../../locales')";
      if (!text.includes(from)) throw new Error(`${path}: no "${from}" to point at yargs' locales; check the bundled yargs' messages`);
      return { contents: text.replace(from, "directory: resolve(dirname(require.resolve('yargs/package.json')), 'locales')"), loader: 'js' };
    });
  },
};

const OUT = 'dist/bundle/cli';
const WORKERS = 'dist/bundle/workers';
// Chunk names carry a hash: the last build's would stay beside the new ones.
await rm(OUT, { recursive: true, force: true });
await rm(WORKERS, { recursive: true, force: true });
await build({
  entryPoints: { pensim: 'dist/src/cli/main.js' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // No syntax lowering: the code runs as it does unbundled (lowered, string-width's regular
  // expressions would be compiled as it loads, ~20 ms, instead of on first use).
  target: 'esnext',
  sourcemap: true,
  external: ['piscina', '@resvg/resvg-js', 'pdfkit', 'fastify', 'apache-arrow', 'hyparquet-writer'],
  // Bundled CommonJS packages (yaml, seedrandom) call require(); ES modules have none of their own.
  banner: { js: "import { createRequire as pensimCreateRequire } from 'node:module';\nconst require = pensimCreateRequire(import.meta.url);" },
  plugins: [yargsLocales],
  logLevel: 'warning',
});

// The worker: one file (no splitting), piscina left to node_modules (the pool's own).
await build({
  entryPoints: { 'chunk.worker': 'dist/workers/chunk.worker.js' },
  outdir: WORKERS,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'esnext',
  sourcemap: true,
  external: ['piscina'],
  banner: { js: "import { createRequire as pensimCreateRequire } from 'node:module';\nconst require = pensimCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
