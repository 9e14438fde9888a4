/**
 * Mean, sample standard deviation and standard error of the mean, by Welford's update in index
 * order (deterministic for a given order; exact when all values are equal).
 * sd = √(Σ(x − x̄)² / (n − 1)), stderr = sd / √n.
 * Example: moments([1, 2, 3, 4]) = { mean: 2.5, sd: 1.2910, stderr: 0.6455 }.
 */
export interface Moments {
  n: number;
  mean: number;
  sd: number;
  stderr: number;
}

export function moments(values: ArrayLike<number>): Moments {
  let mean = 0;
  let m2 = 0;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const d = x - mean;
    mean += d / (i + 1);
    m2 += d * (x - mean);
  }
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  return { n, mean, sd, stderr: n > 0 ? sd / Math.sqrt(n) : 0 };
}
