/**
 * Checkpointed runs: the collector's state of the finished chunks is saved to a file as the run
 * goes (at most every `saveEveryMs`, and once more when the run is aborted or fails), and a run
 * started with an existing checkpoint of the same run skips the chunks it holds. The result is
 * identical to an uninterrupted run: chunk moments are kept per chunk and merged in chunk order,
 * sketch counts add exactly, and each chunk's draws depend only on (seed, chunk).
 *
 * Checkpoints need the sketch percentile method, as shards do: exact percentiles keep every value
 * (8 bytes a path and series), which would make each save as large as the run's memory. Runs long
 * enough to want a checkpoint (above 100 000 paths) use the sketch by default; a run that resolves
 * to exact percentiles is refused with that advice rather than checkpointed slowly.
 *
 * The file is written to a temporary sibling and renamed, so a crash while saving leaves the
 * previous checkpoint whole. It is removed by the caller once the result is safely written.
 */
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileAny, type AnyScenario } from '../plan/compiled-plan.js';
import { scenarioHash } from '../base/scenario-hash.js';
import { UserError } from '../base/user-error.js';
import { VERSION } from '../version.js';
import { chunkRanges, type ChunkRange } from './chunking.js';
import type { CollectorState } from './collect-series.js';
import { runJob } from './run-job.js';
import { collectorSink } from './collector-sink.js';
import { runChunks } from './run-chunks.js';
import { buildResult, resolveSetup, runCollector, type AnyResult, type SimulateOptions } from './simulate.js';

export const CHECKPOINT_FORMAT = 'pensim-checkpoint/1';

export interface CheckpointFile {
  format: typeof CHECKPOINT_FORMAT;
  pensim: string;
  scenarioHash: string;
  seed: number;
  paths: number;
  state: CollectorState;
}

export interface CheckpointOptions extends SimulateOptions {
  /** Least time between two saves while the run goes; default 500 ms. */
  saveEveryMs?: number;
}

/** simulate(), resuming from `file` when it holds a checkpoint of this run, and saving to it as chunks finish. */
export async function simulateWithCheckpoint(scenario: AnyScenario, file: string, options: CheckpointOptions = {}): Promise<AnyResult> {
  const setup = resolveSetup(scenario, options);
  if (setup.method !== 'sketch') {
    throw new UserError([
      { path: '--checkpoint', message: 'checkpoints need the sketch percentile method (exact percentiles keep every value): add --percentile-method sketch (runs above 100 000 paths use it by default), and use it for any run you compare with' },
    ]);
  }
  const plan = compileAny(scenario);
  const collector = runCollector(setup, plan);
  const identity = { pensim: VERSION, scenarioHash: scenarioHash(scenario), seed: setup.seed, paths: setup.paths };
  if (existsSync(file)) collector.mergeState(readCheckpoint(file, identity).state, file);
  const missing = new Set(collector.missingChunks());
  const chunks = chunkRanges(setup.paths).filter((c) => missing.has(c.chunk));
  let done = setup.paths - chunks.reduce((n, c) => n + c.paths, 0);
  let unsaved = 0;
  let savedAt = performance.now();
  const save = () => {
    if (unsaved === 0) return;
    writeCheckpoint(file, { format: CHECKPOINT_FORMAT, ...identity, state: collector.toState() });
    unsaved = 0;
    savedAt = performance.now();
  };
  try {
    const recorded = (c: ChunkRange) => {
      unsaved++;
      done += c.paths;
      options.onProgress?.(done, setup.paths);
    };
    // Saved only between batches: a batch's sketch counts arrive together with all its chunks.
    const afterBatch = () => performance.now() - savedAt >= (options.saveEveryMs ?? 500) && save();
    await runChunks(runJob(plan, scenario), setup.seed, chunks, setup.threads, collectorSink(collector, { onChunk: options.onChunk, recorded, afterBatch }), setup.signal, setup.pool);
  } catch (e) {
    save();
    throw e;
  }
  save();
  return buildResult(plan, collector, setup);
}

/** Delete a checkpoint once its run's output is written (a missing file is fine). */
export function removeCheckpoint(file: string): void {
  if (existsSync(file)) unlinkSync(file);
}

function writeCheckpoint(file: string, content: CheckpointFile): void {
  const temp = `${resolve(file)}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(content));
  renameSync(temp, file);
}

function readCheckpoint(file: string, identity: Omit<CheckpointFile, 'format' | 'state'>): CheckpointFile {
  let parsed: Partial<CheckpointFile> | null;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CheckpointFile> | null;
  } catch (e) {
    throw new UserError([{ path: '--checkpoint', message: `cannot be read as a checkpoint (${(e as Error).message}); delete it to start afresh` }], file);
  }
  if (!parsed || typeof parsed !== 'object' || parsed.format !== CHECKPOINT_FORMAT || !parsed.state || !Array.isArray(parsed.state.chunks)) {
    throw new UserError([{ path: '--checkpoint', message: `is not a pensim checkpoint (expected format "${CHECKPOINT_FORMAT}"); give a new file name or delete it` }], file);
  }
  const same = (Object.keys(identity) as (keyof typeof identity)[]).filter((k) => parsed![k] !== identity[k]);
  if (same.length > 0) {
    throw new UserError([
      { path: '--checkpoint', message: `is a checkpoint of another run (its ${same.join(', ')} differ from this run's); give a new file name, or delete it to start afresh` },
    ], file);
  }
  return parsed as CheckpointFile;
}
