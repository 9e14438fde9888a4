/**
 * The year-by-year ledger of one path exactly as a run simulated it, for any plan kind: the path's
 * chunk is run with the run's seed (so every draw is the same) and the plan kind's pricer reports
 * that path's years. The rows are the pricer's own (a Norwegian year has G, the band and the
 * payout; a US year has the match in stock, vesting and forfeitures), so each kind has its row
 * type, but the chunk, seed and path handling is one.
 */
import { runChunk, type TraceYear } from '../kernel/run-chunk.js';
import { runUsChunk, type UsTraceYear } from '../kernel/run-us-chunk.js';
import { compileAny, type AnyScenario } from '../plan/compiled-plan.js';
import { SCALAR_SERIES } from '../plan/simulation-plan.js';
import { US_PAYOUT_SERIES, type UsPayoutSeries } from '../plan/us-payout-plan.js';
import { usPayoutAt, US_SERIES, type UsSeries } from '../plan/us-simulation-plan.js';
import type { UsPayoutTraceYear } from '../kernel/us-payout-years.js';
import type { Scenario } from '../scenario/schema.js';
import type { UsScenario } from '../scenario/us-schema.js';
import { UserError } from '../base/user-error.js';
import { CHUNK_SIZE } from '../base/chunk-size.js';
import { chunkRanges, type ChunkRange } from './chunking.js';

export interface PathTrace {
  kind: 'norway';
  path: number;
  seed: number;
  /** regimeName: the year's regime under regime switching (TraceYear.regime is its index). */
  rows: (TraceYear & { year: number; age: number; phase: 'saving' | 'deferral' | 'payout'; regimeName?: string })[];
  /** The run's per-path outputs for this path (the same numbers `pensim run --per-path` writes). */
  outputs: Record<(typeof SCALAR_SERIES)[number], number>;
}

export interface UsPathTrace {
  kind: 'us';
  path: number;
  seed: number;
  plan: string;
  rows: (UsTraceYear & { year: number; age: number })[];
  /** The run's per-path outputs for this path (the same numbers `pensim run --per-path` writes). */
  outputs: Record<UsSeries, number>;
  /** With a payout section: the payout years of the scenario's distribution route (kernel/us-payout-years.ts), and the path's payout outputs. */
  payout?: { route: 'nua' | 'rollover'; rows: (UsPayoutTraceYear & { year: number })[]; outputs: Record<UsPayoutSeries, number> };
}

export function tracePath(scenario: Scenario, path: number, options?: TraceOptions): PathTrace;
export function tracePath(scenario: UsScenario, path: number, options?: TraceOptions): UsPathTrace;
export function tracePath(scenario: AnyScenario, path: number, options?: TraceOptions): PathTrace | UsPathTrace;
export function tracePath(scenario: AnyScenario, path: number, options: TraceOptions = {}): PathTrace | UsPathTrace {
  const seed = options.seed ?? scenario.simulation.seed;
  const paths = options.paths ?? scenario.simulation.paths;
  if (!Number.isInteger(path) || path < 0 || path >= paths) {
    throw new UserError([{ path: '--path', message: `must be a path number from 0 to ${paths - 1} (the run has ${paths} paths); got ${path}` }]);
  }
  const chunk: ChunkRange = chunkRanges(paths)[Math.floor(path / CHUNK_SIZE)]!;
  const p = path - chunk.first;
  const at = (series: Float64Array, s: number) => series[s * chunk.paths + p]!;
  const cp = compileAny(scenario);
  if (cp.kind === 'us') {
    const plan = cp.plan;
    const rows: UsPathTrace['rows'] = [];
    const payoutRows: NonNullable<UsPathTrace['payout']>['rows'] = [];
    const { series } = runUsChunk({ plan, seed, chunk: chunk.chunk, paths: chunk.paths }, {
      path: p,
      year: (t) => rows.push({ ...t, year: plan.startYear + t.y, age: plan.startAge + t.y }),
      payoutYear: (t) => payoutRows.push({ ...t, year: plan.startYear + plan.nYears + t.k }),
    });
    const outputs = Object.fromEntries(US_SERIES.map((name, s) => [name, at(series, s)])) as UsPathTrace['outputs'];
    const po = plan.payout;
    const payout = po
      ? { route: po.nua ? ('nua' as const) : ('rollover' as const), rows: payoutRows, outputs: Object.fromEntries(US_PAYOUT_SERIES.map((name, i) => [name, at(series, usPayoutAt(plan) + i)])) as Record<UsPayoutSeries, number> }
      : undefined;
    return { kind: 'us', path, seed, plan: plan.kind, rows, outputs, ...(payout && { payout }) };
  }
  const plan = cp.plan;
  const rows: PathTrace['rows'] = [];
  const { series } = runChunk({ plan, seed, chunk: chunk.chunk, paths: chunk.paths }, {
    path: p,
    year: (t) =>
      rows.push({
        ...t,
        year: plan.startYear + t.y,
        age: plan.startAge + t.y,
        phase: t.y < plan.nAccum ? 'saving' : t.y < plan.payStart ? 'deferral' : 'payout',
        ...(t.regime !== undefined && plan.market?.kind === 'regime-switching' && { regimeName: plan.market.names[t.regime]! }),
      }),
  });
  const outputs = Object.fromEntries(SCALAR_SERIES.map((name, s) => [name, at(series, s)])) as PathTrace['outputs'];
  return { kind: 'norway', path, seed, rows, outputs };
}

export interface TraceOptions {
  seed?: number;
  paths?: number;
}
