/**
 * studentTQuantile(p, ν): the p-quantile of Student's t distribution with a whole number ν of
 * degrees of freedom, from its distribution function in closed form (Abramowitz & Stegun 1964,
 * "Handbook of Mathematical Functions", 26.7.3 and 26.7.4): with θ = arctan(t/√ν), A(t|ν) =
 * P(|T| ≤ t) is
 *   ν = 1:        2θ/π
 *   ν odd > 1:    (2/π)·(θ + sin θ·(cos θ + (2/3)cos³θ + … + (2·4···(ν−3))/(1·3···(ν−2))·cos^(ν−2)θ))
 *   ν even:       sin θ·(1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3···(ν−3))/(2·4···(ν−2))·cos^(ν−2)θ)
 * A rises with θ on [0, π/2), so A = 2p − 1 is solved for θ by bisection to the last bit, and
 * t = √ν·tan θ. Example: studentTQuantile(0.975, 3) = 3.182446305… (A&S table 26.10).
 */
export function studentTQuantile(p: number, nu: number): number {
  if (!Number.isInteger(nu) || nu < 1) throw new RangeError(`degrees of freedom must be a whole number >= 1; got ${nu}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1 is needed; got ${p}`);
  if (p < 0.5) return -studentTQuantile(1 - p, nu);
  const level = 2 * p - 1;
  let lo = 0;
  let hi = Math.PI / 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (twoSided(mid, nu) < level) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(nu) * Math.tan((lo + hi) / 2);
}

/** A(t|ν) = P(|T| ≤ t) at θ = arctan(t/√ν) (A&S 26.7.3, 26.7.4). */
function twoSided(theta: number, nu: number): number {
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const c2 = c * c;
  if (nu % 2 === 0) {
    // 1 + (1/2)c² + (1·3)/(2·4)c⁴ + … up to c^(ν−2)
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= nu - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    return s * sum;
  }
  if (nu === 1) return (2 * theta) / Math.PI;
  // c + (2/3)c³ + (2·4)/(3·5)c⁵ + … up to c^(ν−2)
  let term = c;
  let sum = c;
  for (let k = 3; k <= nu - 2; k += 2) {
    term *= ((k - 1) / k) * c2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + s * sum);
}
