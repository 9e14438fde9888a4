/**
 * pensim sweep: one run per cell of a grid (sweep-grid.ts), all with the same seed and path count,
 * so every cell sees the same market draws (common random numbers: differences between cells are
 * the parameters' effect, not sampling noise). A cell's row holds exactly the numbers a single
 * `simulate` of that cell's scenario gives (a test checks it). Cells run one after another, each
 * on the thread pool; progress is reported over the whole grid. Any plan kind: a US scenario's
 * cells are US runs, with the US metrics (studies/sweep-metrics.ts).
 */
import { withRunPool } from '../engine/run-pool.js';
import type { AnyScenario } from '../plan/compiled-plan.js';
import { scenarioHash } from '../base/scenario-hash.js';
import { VERSION } from '../version.js';
import { isUsScenario } from '../plan/compiled-plan.js';
import { usRiskFigures } from './compare.js';
import { simulate, type AnyResult, type SimulateOptions } from '../engine/simulate.js';
import type { GridValue, SweepAxis, SweepCell } from './sweep-grid.js';
import type { SweepMetric } from './sweep-metrics.js';

export interface SweepRow {
  /** The cell's value of each grid key. */
  cell: Record<string, GridValue>;
  scenarioHash: string;
  values: Record<string, number | null>;
}

export interface SweepResult {
  pensim: string;
  scenario: { name: string | null; hash: string };
  seed: number;
  paths: number;
  grid: { key: string; values: GridValue[] }[];
  metrics: { name: string; kind: 'amount' | 'ratio' | 'value' }[];
  rows: SweepRow[];
}

export interface SweepOptions extends Pick<SimulateOptions, 'paths' | 'seed' | 'threads' | 'percentileMethod' | 'signal' | 'allowLarge'> {
  /** CRRA γ and tail α of the US risk metrics (default 3 and 0.05). */
  gamma?: number;
  alpha?: number;
  /** Paths done over the whole grid, and the grid's total. */
  onProgress?: (done: number, total: number) => void;
  /** After each cell, with its index (0-based) and row. */
  onCell?: (index: number, row: SweepRow) => void;
}

export async function runSweep(
  base: AnyScenario,
  axes: readonly SweepAxis[],
  cells: readonly SweepCell[],
  metrics: readonly SweepMetric[],
  options: SweepOptions = {},
): Promise<SweepResult> {
  const seed = options.seed ?? base.simulation.seed;
  const paths = options.paths ?? base.simulation.paths;
  const total = paths * cells.length;
  const rows: SweepRow[] = [];
  // One pool for the whole grid (engine/run-pool.ts): its workers start once, not once a cell.
  await withRunPool(options.threads, cells.length, undefined, async (sharedPool) => {
    for (const [index, cell] of cells.entries()) {
      const pool = sharedPool();
      // What the cell's run and its risk figures share: the same seed, paths, threads and pool.
      const common = {
        seed,
        paths,
        ...(options.threads !== undefined && { threads: options.threads }),
        ...(options.percentileMethod !== undefined && { percentileMethod: options.percentileMethod }),
        ...(options.signal !== undefined && { signal: options.signal }),
        ...(options.allowLarge !== undefined && { allowLarge: options.allowLarge }),
        ...(pool && { pool }),
      };
      const result: AnyResult = await simulate(cell.scenario, { ...common, onProgress: (done) => options.onProgress?.(index * paths + done, total) });
      // Risk metrics (US): the cell's comparison figures on the same seed and paths, streamed.
      const risk = metrics.some((m) => m.risk) && isUsScenario(cell.scenario)
        ? await usRiskFigures(cell.scenario, { ...common, gamma: options.gamma ?? 3, alpha: options.alpha ?? 0.05, percentiles: cell.scenario.simulation.percentiles })
        : null;
      const row: SweepRow = {
        cell: Object.fromEntries(axes.map((a, i) => [a.key, cell.values[i]!])),
        scenarioHash: result.scenario.hash,
        values: Object.fromEntries(metrics.map((m) => [m.name, m.pick(result, risk)])),
      };
      rows.push(row);
      options.onCell?.(index, row);
    }
  });
  return {
    pensim: VERSION,
    scenario: { name: base.name ?? null, hash: scenarioHash(base) },
    seed,
    paths,
    grid: axes.map((a) => ({ key: a.key, values: a.values })),
    metrics: metrics.map((m) => ({ name: m.name, kind: m.kind })),
    rows,
  };
}
