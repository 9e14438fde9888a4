/**
 * A paired comparison (studies/compare.ts) together with each scenario's own full run on the same
 * seed and paths, for a workbench that shows every variant's report beside the paired figures. The
 * runs are plain simulate() calls: the same numbers a `pensim run` of each variant gives.
 */
import type { AnyScenario } from '../plan/compiled-plan.js';
import { compareScenarios, type CompareOptions, type Comparison, type NoComparison } from './compare.js';
import { simulate, type AnyResult } from '../engine/simulate.js';

export async function compareWithRuns(scenarios: readonly AnyScenario[], o: CompareOptions): Promise<{ comparison: Comparison | NoComparison; results: AnyResult[] }> {
  const n = scenarios.length;
  const total = o.paths * (n + 1);
  const comparison = await compareScenarios(scenarios, { ...o, onProgress: (done) => o.onProgress?.(done, total) });
  const results: AnyResult[] = [];
  for (const [i, s] of scenarios.entries()) {
    results.push(
      await simulate(s, {
        paths: o.paths,
        seed: o.seed,
        ...(o.threads !== undefined && { threads: o.threads }),
        ...(o.signal && { signal: o.signal }),
        ...(o.allowLarge !== undefined && { allowLarge: o.allowLarge }),
        ...(o.pool && { pool: o.pool }),
        onProgress: (done) => o.onProgress?.((i + 1) * o.paths + done, total),
      }),
    );
  }
  return { comparison, results };
}
