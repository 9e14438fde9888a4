/**
 * Affine rescaling of a historical series of simple returns to a target mean E and volatility σ:
 *   r'_t = E + (r_t − r̄)·σ/s,   r̄ and s the series' mean and population standard deviation.
 * Over the series (and so for every year a bootstrap draws uniformly from it) the mean is then
 * exactly E and the sd exactly σ, while the standardised shape — skew, kurtosis, and the
 * autocorrelation of every lag — is unchanged, since each is invariant to an affine map.
 * A series with s = 0 becomes the constant E.
 *
 * Example: [0.1, −0.1] rescaled to E = 0.05, σ = 0.2 gives [0.25, −0.15].
 */
export function rescaleHistory(r: Float64Array, mean: number, volatility: number): Float64Array {
  const n = r.length;
  let m = 0;
  for (let t = 0; t < n; t++) m += r[t]!;
  m /= n;
  let v = 0;
  for (let t = 0; t < n; t++) v += (r[t]! - m) ** 2;
  const s = Math.sqrt(v / n);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = s === 0 ? mean : mean + ((r[t]! - m) * volatility) / s;
  return out;
}
