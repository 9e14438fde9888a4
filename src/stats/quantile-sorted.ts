/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending sorted data by linear interpolation between order
 * statistics: h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) (Hyndman & Fan type 7,
 * numpy's and R's default), so figures compare directly with a numpy model.
 * Example: quantileSorted([1, 2, 3, 4], 0.5) = 2.5.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of no data');
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  // Equal neighbours return the value itself, exactly (no a + 0·(b − a) rounding).
  return a === b ? a : a + (h - lo) * (b - a);
}
