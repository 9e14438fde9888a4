/**
 * Percentile presets used in pension reporting, chosen with `pensim run --preset NAME`:
 * - nl-urm: 5 / 50 / 95 in today's money, as the Dutch uniform calculation method
 *   (uniforme rekenmethode) reports a pessimistic, expected and optimistic outcome;
 * - priips: 10 / 50 / 90 (unfavourable, moderate, favourable) plus a stress value, here the 5th
 *   percentile of the same run (the PRIIPs regulation stresses volatility instead: this is a
 *   simpler stand-in, and the report labels it "stress");
 * - pv: 10 / 25 / 50 / 75 / 90, a five-line fan.
 * Each preset's percentiles replace scenario.simulation.percentiles for that run.
 */

export interface PercentilePreset {
  percentiles: readonly number[];
  /** Report in today's money (as if --real were given). */
  real: boolean;
  /** Names shown next to a percentile key, e.g. { p5: 'stress' }. */
  labels: Readonly<Record<string, string>>;
  describe: string;
}

export const PERCENTILE_PRESETS = {
  'nl-urm': {
    percentiles: [5, 50, 95],
    real: true,
    labels: { p5: 'pessimistic', p50: 'expected', p95: 'optimistic' },
    describe: "5/50/95 in today's money (Dutch uniform calculation method)",
  },
  priips: {
    percentiles: [5, 10, 50, 90],
    real: false,
    labels: { p5: 'stress', p10: 'unfavourable', p50: 'moderate', p90: 'favourable' },
    describe: '10/50/90 (unfavourable, moderate, favourable) plus a stress value at the 5th percentile',
  },
  pv: {
    percentiles: [10, 25, 50, 75, 90],
    real: false,
    labels: {},
    describe: '10/25/50/75/90',
  },
} as const satisfies Record<string, PercentilePreset>;

export type PresetName = keyof typeof PERCENTILE_PRESETS;

export const PRESET_NAMES = Object.keys(PERCENTILE_PRESETS) as PresetName[];
