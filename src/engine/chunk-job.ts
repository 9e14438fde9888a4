/**
 * What the workers of one run do with each chunk, sent to every worker once (the pool's
 * workerData), not with every task:
 * - 'run': price the chunk with the plan's pricer (kernel/price-chunk.ts); its series are reduced;
 * - 'compare': price the chunk with every scenario's pricer (the same chunk index: common random
 *   numbers) and derive the comparison's channels (engine/compare-channels.ts), which are reduced.
 * Either way the reducer (engine/chunk-summary.ts) sees columns of per-path values.
 */
import { sketchArena } from '../wasm/sketch-arena.js';
import { priceChunk } from '../kernel/price-chunk.js';
import { planIntervalSeries, planMomentOnlySeries, planSeriesCount, type CompiledPlan } from '../plan/plan-kind.js';
import { planBlocks } from '../random/randomized-blocks.js';
import { aliveColumns, fillAlive, type AliveSpec } from '../result/alive-payout.js';
import { disabilityColumns, disabilityFanAliases, fillDisability, groupFanColumns, type DisabilitySplit } from '../result/disability-split.js';
import type { ChunkBlocks, ShortfallSpec } from './chunk-summary.js';
import { compareLayout, fillChannels, type CompareLayout, type CompareSpec } from './compare-channels.js';

export type ChunkJob =
  | {
      readonly kind: 'run';
      readonly plan: CompiledPlan;
      readonly shortfall: ShortfallSpec | undefined;
      readonly alive: AliveSpec | null;
      /** With disability: the outcomes of the disabled and the others (result/disability-split.ts); absent = none. */
      readonly disability?: DisabilitySplit | null;
    }
  | { readonly kind: 'compare'; readonly plans: readonly CompiledPlan[]; readonly spec: CompareSpec };

/** Columns the reducer sees per chunk. */
export function jobSeriesCount(job: ChunkJob): number {
  return job.kind === 'run' ? planSeriesCount(job.plan) + aliveColumns(job.alive) + disabilityColumns(job.disability ?? null) : compareLayout(job.spec).count;
}

/** Which columns go into sketches (null: all); a comparison's moment-only columns do not (engine/compare-channels.ts). */
export function jobSketched(job: ChunkJob): readonly boolean[] | null {
  if (job.kind === 'run') {
    const momentOnly = planMomentOnlySeries(job.plan);
    if (!job.disability && momentOnly.length === 0) return null;
    const sketched = new Array<boolean>(jobSeriesCount(job)).fill(true);
    // The disability series over all paths: moments only (result/disability-split.ts says why).
    for (const s of job.disability?.unsketched ?? []) sketched[s] = false;
    for (const s of momentOnly) sketched[s] = false;
    for (const s of jobSketchAliases(job)?.keys() ?? []) sketched[s] = false;
    return sketched;
  }
  return compareLayout(job.spec).sketched;
}

/**
 * Series whose percentiles come from the merge of two other series' sketches (SeriesCollector's
 * aliases): with the disability groups' fans, the run's capital and payout fans by age are the merge
 * of the disabled's and the others' (result/disability-split.ts), which spares sketching every value
 * twice. Not under randomized blocks: there the run's fans keep a sketch per block.
 */
export function jobSketchAliases(job: ChunkJob): Map<number, readonly [number, number]> | null {
  if (job.kind !== 'run' || !job.disability || job.disability.capitalCount === 0 || planBlocks(job.plan.plan).count > 1) return null;
  return disabilityFanAliases(job.disability);
}

/** The series counted against a target in the chunk summary (a comparison counts through its channels). */
export function jobShortfall(job: ChunkJob): ShortfallSpec | undefined {
  return job.kind === 'run' ? job.shortfall : undefined;
}

/**
 * How the job's columns split into the randomized blocks of its sampler (random/randomized-blocks.ts),
 * or null without blocks (pseudo). Every column with one value per path keeps its block means; the
 * compacted ones (the payouts of the living, a comparison's A / B) do not. Only the columns reported
 * with percentile intervals (plan/plan-kind.ts planIntervalSeries) keep a sketch per block: the
 * others' sketches would multiply the memory the hot loop touches by R for nothing. A comparison's
 * scenarios share one sampler (studies/compare.ts pairingProblems), so the first one's blocks are
 * all of theirs.
 */
export function jobBlocks(job: ChunkJob): ChunkBlocks | null {
  const blocks = planBlocks((job.kind === 'run' ? job.plan : job.plans[0]!).plan);
  if (blocks.count === 1) return null;
  const count = jobSeriesCount(job);
  if (job.kind === 'run') {
    const plain = planSeriesCount(job.plan);
    const intervals = planIntervalSeries(job.plan);
    return { blocks, perPath: Array.from({ length: count }, (_, s) => s < plain), sketched: Array.from({ length: count }, (_, s) => intervals[s] ?? false) };
  }
  // A comparison reports standard errors and probabilities (block means), no percentile intervals.
  const perPath = new Array<boolean>(count).fill(true);
  for (const pc of compareLayout(job.spec).pairs) perPath[pc.ratio] = false;
  return { blocks, perPath, sketched: new Array<boolean>(count).fill(false) };
}

/** Buffers one thread reuses from chunk to chunk: fresh megabytes per chunk cost page faults. */
export interface JobBuffers {
  out: Float64Array | null;
  priced: Float64Array[];
  layout: CompareLayout | null;
}

export function jobBuffers(): JobBuffers {
  return { out: null, priced: [], layout: null };
}

/**
 * The chunk's columns (series-major, stride `paths`) and, for columns of variable length, their
 * lengths. With `keep` the columns get a new buffer (it travels to another thread), else the
 * thread's reused one.
 */
export function produceChunk(job: ChunkJob, seed: number, chunk: number, paths: number, buffers: JobBuffers, keep: boolean): { series: Float64Array; lengths?: Int32Array } {
  const nSeries = jobSeriesCount(job);
  const out = keep ? new Float64Array(nSeries * paths) : reuse(buffers, nSeries * paths);
  if (job.kind === 'run') {
    // The groups' fans by age are written by the kernel; the other derived columns after it.
    const groupFans = job.disability ? groupFanColumns(job.disability) : null;
    const series = priceChunk(job.plan, seed, chunk, paths, out, groupFans);
    if (!job.alive && !job.disability) return { series };
    // The plan's series have every path; the payouts of the living, only those alive; a disability group, its paths.
    const lengths = new Int32Array(nSeries).fill(paths);
    if (job.alive) fillAlive(job.alive, series, paths, lengths);
    if (job.disability) fillDisability(job.disability, series, paths, lengths);
    return { series, lengths };
  }
  buffers.layout ??= compareLayout(job.spec);
  const priced = job.plans.map((cp, i) => {
    const n = planSeriesCount(cp) * paths;
    if (buffers.priced[i]?.length !== n) buffers.priced[i] = new Float64Array(n);
    return priceChunk(cp, seed, chunk, paths, buffers.priced[i]);
  });
  return { series: out, lengths: fillChannels(job.spec, buffers.layout, priced, paths, out) };
}

/** The thread's reused columns, in its sketch arena when there is one (its WebAssembly insertion reads them in place). */
function reuse(buffers: JobBuffers, n: number): Float64Array {
  if (buffers.out?.length !== n) {
    const arena = sketchArena();
    if (buffers.out) arena?.release(buffers.out);
    buffers.out = arena ? arena.float64(n) : new Float64Array(n);
  }
  return buffers.out;
}

/** Give a thread's buffers back to its arena (a new job replaces them). */
export function releaseJobBuffers(buffers: JobBuffers): void {
  if (buffers.out) sketchArena()?.release(buffers.out);
  buffers.out = null;
}
