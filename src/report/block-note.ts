/**
 * A comparison table's line on its standard errors when the sampler's randomized blocks gave them
 * (docs/results.md "Intervals"); nothing for independent paths (sd/√n, as the tables always said).
 */
import type { Intervals } from '../result/simulation-result.js';

export function blockNote(c: { intervals?: Intervals }): string {
  const iv = c.intervals;
  if (iv?.method !== 'randomized-blocks') return '';
  return `(Standard errors from the spread of ${iv.blocks} randomized blocks; a 95 % interval is ± ${iv.multiplier.toFixed(3)} s.e., Student's t(0.975, ${iv.blocks - 1}).)\n`;
}
