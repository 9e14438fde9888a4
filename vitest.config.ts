import { defineConfig } from 'vitest/config';

/**
 * Run alone, after the rest: the soak test measures the memory its process retains across runs
 * and the threads it leaves, best done with nothing else running on the two cores.
 */
const ALONE = ['test/faults/soak.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two test files at a time: vitest's default on 2 cores is one (cores − 1), and most files
    // wait on child processes and worker pools for much of their time.
    maxWorkers: 2,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // The suite's files share their worker's module graph (isolate: false): each file evaluated
    // the engine's modules anew, 55 s of a 360 s run on 2 cores (vitest's "import" time), 17–21 s
    // shared. The price: a helper module's top-level state is the worker's, not a file's (a test
    // file's own top level is still its own). The soak test keeps its own process.
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: ALONE, isolate: false, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'alone', include: ALONE, sequence: { groupOrder: 1 } } },
    ],
  },
});
