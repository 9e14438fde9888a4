/**
 * Problems of a correlation matrix given at `path` for n variables: its shape (n × n), a unit
 * diagonal, symmetry, and positive semi-definiteness (it has a Cholesky factor). The same rules
 * as profile.correlation, for matrices elsewhere in the scenario (regimes, inflation).
 */
import { cholesky } from '../stats/cholesky.js';
import type { Problem } from '../base/user-error.js';

export function correlationMatrixProblems(c: readonly (readonly number[])[], n: number, path: string): Problem[] {
  if (c.length !== n || c.some((row) => row.length !== n)) {
    return [{ path, message: `the correlation matrix must be ${n}×${n} (one row and column per asset)` }];
  }
  const out: Problem[] = [];
  for (let i = 0; i < n; i++) {
    if (c[i]![i] !== 1) out.push({ path: `${path}[${i}][${i}]`, message: `the diagonal must be 1; got ${c[i]![i]}` });
    for (let j = 0; j < i; j++) {
      if (c[i]![j] !== c[j]![i]) {
        out.push({ path: `${path}[${i}][${j}]`, message: `the matrix must be symmetric: [${i}][${j}] = ${c[i]![j]} but [${j}][${i}] = ${c[j]![i]}` });
      }
    }
  }
  if (out.length === 0 && cholesky(c) === null) {
    out.push({ path, message: 'not a valid correlation matrix: it is not positive semi-definite (no portfolio of these assets can have these correlations)' });
  }
  return out;
}
