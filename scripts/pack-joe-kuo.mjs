#!/usr/bin/env node
/**
 * Packs Joe & Kuo's Sobol direction numbers (the text file new-joe-kuo-6.21201 from
 * https://web.maths.unsw.edu.au/~fkuo/sobol/, lines "d s a m_1 … m_s") into
 * src/random/joe-kuo-directions.ts, for dimensions 2..DIMS (dimension 1 is the van der Corput
 * sequence and needs no numbers). Run once by hand; the product never reads the text file:
 *
 *   node scripts/pack-joe-kuo.mjs new-joe-kuo-6.21201 3104 > src/random/joe-kuo-directions.ts
 *
 * Each dimension is a bit string, most significant bit first: s in 4 bits, a in s − 1 bits, then
 * m_k for k = 1..s in k − 1 bits (m_k is odd, so its lowest bit is not stored); the whole stream
 * is base64.
 */
import { readFileSync } from 'node:fs';

const [file, dimsText] = process.argv.slice(2);
const dims = Number(dimsText);
const lines = readFileSync(file, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
const bits = [];
const put = (value, width) => {
  for (let b = width - 1; b >= 0; b--) bits.push(Math.floor(value / 2 ** b) % 2);
};
for (let d = 2; d <= dims; d++) {
  const [dd, s, a, ...m] = lines[d - 2].trim().split(/\s+/).map(Number);
  if (dd !== d || m.length !== s || s > 15) throw new Error(`unexpected line for dimension ${d}: ${lines[d - 2]}`);
  put(s, 4);
  put(a, s - 1);
  m.forEach((mk, k) => {
    if (mk % 2 !== 1 || mk >= 2 ** (k + 1)) throw new Error(`m_${k + 1} of dimension ${d} is not odd and below 2^${k + 1}`);
    put((mk - 1) / 2, k);
  });
}
while (bits.length % 8 !== 0) bits.push(0);
const bytes = Buffer.alloc(bits.length / 8);
for (let i = 0; i < bytes.length; i++) {
  let v = 0;
  for (let b = 0; b < 8; b++) v = v * 2 + bits[8 * i + b];
  bytes[i] = v;
}
const b64 = bytes.toString('base64');
const rows = b64.match(/.{1,120}/g).map((r) => `  '${r}'`).join(',\n');
process.stdout.write(`/**
 * Sobol direction numbers of Joe & Kuo, "Constructing Sobol sequences with better two-dimensional
 * projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654: the file new-joe-kuo-6.21201
 * (https://web.maths.unsw.edu.au/~fkuo/sobol/), dimensions 2..${dims}, packed by
 * scripts/pack-joe-kuo.mjs (its doc comment gives the layout). ${dims} = 32 assets (the schema's
 * most) × 97 years (a start at 13 to a payout ending at 110), the longest plan's normals.
 * GENERATED: do not edit by hand.
 */
export const JOE_KUO_DIMENSIONS = ${dims};

export const JOE_KUO_PACKED = [
${rows},
].join('');
`);
