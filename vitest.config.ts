import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The slowest test files, slowest first (their times in a clean CI run, test-results.json). Without
 * a duration cache (a clean clone) vitest runs the larger files first, and these are mostly small
 * files of long runs: they came last, and the suite's last 35 s ran on one of the two cores. Run
 * first, the short files fill the end. A file not listed keeps vitest's order after them.
 */
const SLOW_FIRST = [
  'test/engine/streaming-engine-norway.test.ts',
  'test/engine/precision.test.ts',
  'test/engine/streaming-engine-us-payout.test.ts',
  'test/cli/amounts-in-g.test.ts',
  'test/cli/run.test.ts',
  'test/engine/interval-coverage-blocks.test.ts',
  'test/norway/disability-engine.test.ts',
  'test/us/us-payout-inflation.test.ts',
  'test/faults/fuzz-scenarios.test.ts',
  'test/cli/bundle.test.ts',
  'test/cli/return-models-cli.test.ts',
  'test/cli/bad-input.test.ts',
  'test/report/us-report.test.ts',
  'test/faults/checkpoint.test.ts',
  'test/wasm/wasm-off.test.ts',
  'test/cli/sampler-flag.test.ts',
  'test/cli/bad-input-disability.test.ts',
  'test/engine/streaming-engine-us.test.ts',
];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.indexOf(relative(this.ctx.config.root, f.moduleId).split('\\').join('/'));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    const at = new Map(base.map((f, i) => [f, i]));
    // The project's group order first (the soak test stays last), then the list, then vitest's order.
    return [...base].sort((a, b) => a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder || rank(a) - rank(b) || at.get(a)! - at.get(b)!);
  }
}

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
    sequence: { sequencer: SlowFirst },
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: ALONE, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'alone', include: ALONE, sequence: { groupOrder: 1 } } },
    ],
  },
});
