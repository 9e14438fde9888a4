/**
 * AssemblyScript (compiled to WebAssembly by `npm run build`): standard normals by the operations
 * of random/normal-source.ts (xor4096 + ziggurat) in the same order, so every draw is the same to
 * the bit (test/wasm/wasm-market.test.ts). Why: V8's code for this loop (integer xorshift, table
 * lookups) is ~1.5 times slower than this; the market's normals are the kernel's hottest part. (Its
 * exp was measured slower here than V8's, so the returns are made in JS: src/market/wasm-market.ts.)
 *
 * The host owns the layout: it writes the tables below once, the chunk's generator state before a
 * block, and reads the block's normals at OUT.
 */
@external("env", "log") declare function hostLog(x: f64): f64;
@external("env", "exp") declare function hostExp(x: f64): f64;

/** The ziggurat's integer layer bounds (i32 × 128), widths (f64 × 128) and densities (f64 × 128). */
export const KN_INT: usize = 1024;
export const WN: usize = KN_INT + 128 * 4;
export const FN: usize = WN + 128 * 8;
/** The xor4096 state: 128 words, then the index and the Weyl word (i32 × 130). */
export const STATE: usize = FN + 128 * 8;
/** The ziggurat's R (f64). */
export const CONST: usize = STATE + 136 * 4;
/** Where normals are written: any address from here on (the host grows the memory to fit). */
export const OUT: usize = 65536;

let w: i32 = 0;
let at: i32 = 0;

@inline function nextInt(): i32 {
  w = w + 0x61c88647;
  let v = load<i32>(STATE + (<usize>((at + 34) & 127) << 2));
  at = (at + 1) & 127;
  const p = STATE + (<usize>at << 2);
  let t = load<i32>(p);
  v ^= v << 13;
  t ^= t << 17;
  v ^= <i32>(<u32>v >>> 15);
  t ^= <i32>(<u32>t >>> 12);
  v = v ^ t;
  store<i32>(p, v);
  return v + (w ^ <i32>(<u32>w >>> 16));
}

/** Uniform on (0, 1), never 0. */
@inline function open01(): f64 {
  return (<f64><u32>nextInt() + 0.5) / 4294967296.0;
}

/** |hz| below the layer's bound: the ziggurat's fast accept. */
@inline function inLayer(hz: i32, iz: i32): bool {
  const sign = hz >> 31;
  return (hz ^ sign) - sign < load<i32>(KN_INT + (<usize>iz << 2));
}

@inline function layerValue(hz: i32, iz: i32): f64 {
  return <f64>hz * load<f64>(WN + (<usize>iz << 3));
}

/** The rare wedge or tail (NormalSource.slow). */
function slow(hz: i32, iz: i32): f64 {
  const r = load<f64>(CONST);
  while (true) {
    if (iz == 0) {
      let x: f64;
      let y: f64;
      do {
        x = -hostLog(open01()) / r;
        y = -hostLog(open01());
      } while (y + y < x * x);
      return hz > 0 ? r + x : -r - x;
    }
    const x = layerValue(hz, iz);
    const f = load<f64>(FN + (<usize>iz << 3));
    const fAbove = load<f64>(FN + (<usize>(iz - 1) << 3));
    if (f + open01() * (fAbove - f) < hostExp(-0.5 * x * x)) return x;
    const j = nextInt();
    iz = j & 127;
    hz = j >> 7;
    if (inLayer(hz, iz)) return layerValue(hz, iz);
  }
  return 0;
}

/**
 * n standard normals into out (NormalSource.fill over the state at STATE). The generator's step is
 * written out here with its index and Weyl word in locals (nextInt keeps them in globals, which V8
 * keeps in memory: 4.28 against 4.13 ns a draw); the rare slow path gets them back.
 */
export function fillNormals(out: usize, n: i32): void {
  let ww = load<i32>(STATE, 129 * 4);
  let a = load<i32>(STATE, 128 * 4);
  const end = out + (<usize>n << 3);
  for (let p = out; p < end; p += 8) {
    ww = ww + 0x61c88647;
    let v = load<i32>(STATE + (<usize>((a + 34) & 127) << 2));
    a = (a + 1) & 127;
    const q = STATE + (<usize>a << 2);
    let t = load<i32>(q);
    v ^= v << 13;
    t ^= t << 17;
    v ^= <i32>(<u32>v >>> 15);
    t ^= <i32>(<u32>t >>> 12);
    v = v ^ t;
    store<i32>(q, v);
    const j = v + (ww ^ <i32>(<u32>ww >>> 16));
    const iz = j & 127;
    const hz = j >> 7;
    if (inLayer(hz, iz)) {
      store<f64>(p, layerValue(hz, iz));
      continue;
    }
    w = ww;
    at = a;
    store<f64>(p, slow(hz, iz));
    ww = w;
    a = at;
  }
  store<i32>(STATE, a, 128 * 4);
  store<i32>(STATE, ww, 129 * 4);
}
