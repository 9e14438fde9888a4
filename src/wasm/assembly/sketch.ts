/**
 * AssemblyScript (compiled to WebAssembly by `npm run build`): the hot loop of
 * stats/log-bucket-sketch.ts, countRun, over values and counts in this thread's sketch arena
 * (src/wasm/sketch-arena.ts). The same decisions and sums in the same order as the JS loop, so a
 * sketch and its moments are the same to the bit whichever ran (test/wasm/wasm-sketch.test.ts).
 * Why: the insertion is a third of a run's work, and V8's code for it carries bounds checks.
 *
 * The memory is shared (the host's views of it never detach when it grows), and used by one thread.
 */

/**
 * Count values[from, to) (f64 at `values`) into their blocks: the top 12 bits of a value's high
 * word index `offsets` (i32), which gives the start of its block in `counts` (u32), or −1. Zeros
 * are counted apart. Stops at a value with no block (a subnormal, or a new octave) and returns its
 * index, else `to`. run: [K, Σ(x − K), Σ(x − K)², min, max, zeros] (f64), read and updated.
 */
export function countRun(values: usize, from: i32, to: i32, offsets: usize, counts: usize, run: usize): i32 {
  const k = load<f64>(run);
  let s1 = load<f64>(run, 8);
  let s2 = load<f64>(run, 16);
  let min = load<f64>(run, 24);
  let max = load<f64>(run, 32);
  let zeros: i32 = 0;
  let i = from;
  for (; i < to; i++) {
    const x = load<f64>(values + (<usize>i << 3));
    const hi = <u32>(reinterpret<u64>(x) >>> 32);
    const at = load<i32>(offsets + (<usize>(hi >>> 20) << 2));
    // ±0 has the top bits of no block (subnormals have their own slots), so a zero lands here.
    if (at >= 0) {
      const p = counts + (<usize>(at + <i32>((hi >>> 9) & 2047)) << 2);
      store<u32>(p, load<u32>(p) + 1);
    } else if (x == 0) zeros++;
    else break;
    const d = x - k;
    s1 += d;
    s2 += d * d;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  store<f64>(run, s1, 8);
  store<f64>(run, s2, 16);
  store<f64>(run, min, 24);
  store<f64>(run, max, 32);
  store<f64>(run, load<f64>(run, 40) + <f64>zeros, 40);
  return i;
}
