/**
 * Sample moments of return series: log returns ln(1 + r), the mean, the sample standard deviation
 * (n − 1), and the correlation matrix (Pearson) of several aligned series.
 * Example: sampleSd([1, 2, 3, 4]) = √(5/3) = 1.2910.
 */
export function logReturns(simple: Float64Array): Float64Array {
  return simple.map((r) => Math.log1p(r));
}

export function sampleMean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}

export function sampleSd(x: ArrayLike<number>): number {
  const m = sampleMean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i]! - m) ** 2;
  return Math.sqrt(s / (x.length - 1));
}

export function correlationMatrix(series: readonly ArrayLike<number>[]): number[][] {
  const means = series.map(sampleMean);
  const sds = series.map(sampleSd);
  const n = series[0]!.length;
  return series.map((a, i) =>
    series.map((b, j) => {
      if (i === j) return 1;
      let s = 0;
      for (let t = 0; t < n; t++) s += (a[t]! - means[i]!) * (b[t]! - means[j]!);
      return s / (n - 1) / (sds[i]! * sds[j]!);
    }),
  );
}
