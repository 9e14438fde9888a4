/**
 * certaintyEquivalentValue (stats/risk-measures.ts) at a company-stock share w known only once
 * every path has run (the mean share held at retirement), from certainty equivalents of the mixed
 * portfolio (1 − w)·M + w·S computed on a grid w_k = k/K, k = 0..K, as the paths stream:
 * g(w) = CE[(1 − w)M + wS] is smooth in w, so it is interpolated at w by the cubic through the four
 * nearest grid points, and V = (g(w)/g(0) − (1 − w))/w. The error estimate is the distance between
 * that cubic and the quadratic through the three nearest points (the next-lower order, whose error
 * bounds the cubic's on a smooth g), carried to V as |c − q| / (g(0)·w). At a grid point both
 * interpolants are exact and so is V.
 * Example: g ≡ 1 on the grid gives V = 1 with bound 0.
 */
export function ceValueAtShare(grid: readonly number[], w: number): { value: number; bound: number } {
  const k = grid.length - 1;
  if (k < 3) throw new RangeError('the share grid needs at least 4 points');
  if (!(w > 0 && w <= 1)) throw new RangeError(`the company-stock share w must be in (0, 1]; got ${w}`);
  const x = w * k;
  const from = Math.max(0, Math.min(k - 3, Math.floor(x) - 1));
  const cubic = lagrange(grid, from, 4, x);
  // The three of the four nearest points that lie closest to w.
  const qFrom = x - from < from + 3 - x ? from : from + 1;
  const quadratic = lagrange(grid, qFrom, 3, x);
  const g0 = grid[0]!;
  return { value: (cubic / g0 - (1 - w)) / w, bound: Math.abs(cubic - quadratic) / (g0 * w) };
}

/** The polynomial through (i, grid[i]) for i in [from, from + n), at x. */
function lagrange(grid: readonly number[], from: number, n: number, x: number): number {
  let sum = 0;
  for (let i = from; i < from + n; i++) {
    let l = 1;
    for (let j = from; j < from + n; j++) if (j !== i) l *= (x - j) / (i - j);
    sum += l * grid[i]!;
  }
  return sum;
}
