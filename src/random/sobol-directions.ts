/**
 * The direction numbers v_{d,k} of a Sobol sequence, as 32-bit integers (v_{d,k} = m_{d,k}·2^(32−k),
 * k = 1..32), from Joe & Kuo's primitive polynomials and initial m (random/joe-kuo-directions.ts),
 * by the recurrence of Bratley & Fox (1988), "Algorithm 659", ACM TOMS 14(1), as in Joe & Kuo's
 * sobol.cc: v_k = v_{k−s} ⊕ (v_{k−s} >> s) ⊕ a_1·v_{k−1} ⊕ … ⊕ a_{s−1}·v_{k−s+1}.
 * Dimension 0 is the van der Corput sequence (every m = 1).
 */
import { JOE_KUO_DIMENSIONS, JOE_KUO_PACKED } from './joe-kuo-directions.js';

export const SOBOL_BITS = 32;

let decoded: { s: Uint8Array; a: Uint32Array; m: Uint32Array[] } | null = null;

/** Joe & Kuo's s, a and m_1..m_s of every bundled dimension (index d − 1; dimension 1 empty). */
export function joeKuoTable(): { s: Uint8Array; a: Uint32Array; m: Uint32Array[] } {
  if (decoded !== null) return decoded;
  const bytes = Buffer.from(JOE_KUO_PACKED, 'base64');
  let at = 0;
  const take = (width: number): number => {
    let v = 0;
    for (let i = 0; i < width; i++, at++) v = v * 2 + ((bytes[at >> 3]! >> (7 - (at & 7))) & 1);
    return v;
  };
  const s = new Uint8Array(JOE_KUO_DIMENSIONS);
  const a = new Uint32Array(JOE_KUO_DIMENSIONS);
  const m: Uint32Array[] = [new Uint32Array(0)];
  for (let d = 1; d < JOE_KUO_DIMENSIONS; d++) {
    s[d] = take(4);
    a[d] = take(s[d]! - 1);
    const md = new Uint32Array(s[d]!);
    for (let k = 0; k < s[d]!; k++) md[k] = 2 * take(k) + 1;
    m.push(md);
  }
  decoded = { s, a, m };
  return decoded;
}

/** v[d·32 + (k − 1)] = v_{d,k} for the first `dims` dimensions (dims ≤ JOE_KUO_DIMENSIONS). */
export function sobolDirections(dims: number): Uint32Array {
  if (!Number.isInteger(dims) || dims < 1 || dims > JOE_KUO_DIMENSIONS) {
    throw new RangeError(`Sobol dimensions must be 1..${JOE_KUO_DIMENSIONS}; got ${dims}`);
  }
  const { s, a, m } = joeKuoTable();
  const v = new Uint32Array(dims * SOBOL_BITS);
  for (let k = 0; k < SOBOL_BITS; k++) v[k] = 2 ** (SOBOL_BITS - 1 - k);
  for (let d = 1; d < dims; d++) {
    const sd = s[d]!;
    const ad = a[d]!;
    const base = d * SOBOL_BITS;
    // Multiplications, not shifts: m·2^(32−k) reaches 2^32, past JavaScript's signed 32-bit shifts.
    for (let k = 0; k < sd; k++) v[base + k] = m[d]![k]! * 2 ** (SOBOL_BITS - 1 - k);
    for (let k = sd; k < SOBOL_BITS; k++) {
      const old = v[base + k - sd]!;
      let x = old ^ (old >>> sd);
      for (let j = 1; j < sd; j++) if ((ad >>> (sd - 1 - j)) & 1) x ^= v[base + k - j]!;
      v[base + k] = x;
    }
  }
  return v;
}
