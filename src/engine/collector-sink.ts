/**
 * The sink through which a run's chunks reach its SeriesCollector: sketch values go straight into
 * the collector's sketches (inline, or merged from a worker's batch), each chunk's summary is
 * recorded, and raw columns travel only when needed (exact percentiles, or an onChunk listener).
 */
import type { SeriesCollector } from './collect-series.js';
import type { ChunkRange } from './chunking.js';
import type { ChunkOutput, ChunkSink } from './run-chunks.js';

export function collectorSink(
  collector: SeriesCollector,
  options: {
    /** Called with each chunk's per-path series (the pricer's layout) before it is recorded. */
    onChunk?: ((first: number, paths: number, series: Float64Array) => void) | undefined;
    /** Called after each chunk is recorded. */
    recorded?: (c: ChunkRange) => void;
    /** Called once a batch of chunks is recorded (e.g. to save a checkpoint). */
    afterBatch?: () => void;
  } = {},
): ChunkSink {
  const { onChunk, recorded, afterBatch } = options;
  return {
    sketches: collector.sketchSet,
    keepSeries: collector.method === 'exact' || onChunk !== undefined,
    onChunks: (done: ChunkOutput[]) => {
      for (const { c, summary, series, lengths } of done) {
        if (onChunk && series) onChunk(c.first, c.paths, series);
        collector.addSummary(c.chunk, c.paths, summary, series, lengths ?? undefined);
        recorded?.(c);
      }
      afterBatch?.();
    },
  };
}
