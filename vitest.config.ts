import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two test files at a time: vitest's default on 2 cores is one (cores − 1), and most files
    // wait on child processes and worker pools for much of their time.
    maxWorkers: 2,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // The soak test (test/faults/soak.test.ts) runs among the others: the memory and the threads it
    // measures are its own process's, and run last on its own it added its whole time to the suite's.
    include: ['test/**/*.test.ts'],
  },
});
