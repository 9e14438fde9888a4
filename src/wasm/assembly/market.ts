/**
 * AssemblyScript (compiled to WebAssembly by `npm run build`): a block of paths' correlated lognormal
 * yearly gross returns, the operations of random/normal-source.ts (xor4096 + ziggurat) and
 * market/correlated-lognormal.ts (Cholesky rows, Tang's exp) in the same order, so every number is
 * the same to the bit (test/wasm/wasm-market.test.ts). Why: V8's code for these loops carries
 * bounds checks and boxing guards; this is the kernel's hottest part.
 *
 * The host (src/wasm/wasm-market.ts) owns the layout: it writes the tables below once, the
 * chunk's generator state before a chunk, and reads the block's returns at OUT.
 */
@external("env", "log") declare function hostLog(x: f64): f64;
@external("env", "exp") declare function hostExp(x: f64): f64;

/** The ziggurat's integer layer bounds (i32 × 128), widths (f64 × 128) and densities (f64 × 128). */
export const KN_INT: usize = 1024;
export const WN: usize = KN_INT + 128 * 4;
export const FN: usize = WN + 128 * 8;
/** exp's tables: 2^(j/64) (f64 × 64) and 2^m at m + 1023 (f64 × 2048). */
export const TABLE: usize = FN + 128 * 8;
export const POW2: usize = TABLE + 64 * 8;
/** The xor4096 state: 128 words, then the index and the Weyl word (i32 × 130). */
export const STATE: usize = POW2 + 2048 * 8;
/** f64 constants: 64/ln2, ln2/64 high and low parts, the ziggurat's R. */
export const CONST: usize = STATE + 136 * 4;
/** The model: log means (f64 × assets), then the Cholesky factor (f64 × assets², row-major). */
export const MODEL: usize = CONST + 8 * 8;
/** Where returns are written: any address from here on (the host grows the memory to fit). */
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
  const r = load<f64>(CONST, 24);
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
 * n standard normals into out (NormalSource.fill over the state at STATE). The generator's index
 * and Weyl word stay in locals here (globals are memory to V8); the rare slow path gets them back.
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

/** market/fast-exp.ts fastExp. */
@inline function fastExp(x: f64): f64 {
  if (!(x < 700 && x > -700)) return hostExp(x);
  const n = x * load<f64>(CONST) + 6755399441055744.0 - 6755399441055744.0;
  const r = x - n * load<f64>(CONST, 8) - n * load<f64>(CONST, 16);
  const p = r + r * r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0))));
  const ni = <i32>n;
  const t = load<f64>(TABLE + (<usize>(ni & 63) << 3));
  return load<f64>(POW2 + (<usize>((ni >> 6) + 1023) << 3)) * (t + t * p);
}

/**
 * `paths` paths' gross returns at out, each nYears × assets doubles (year-major), the paths one
 * after another: fillCorrelatedLognormal path by path.
 */
export function fillLognormalBlock(out: usize, paths: i32, nYears: i32, assets: i32): void {
  fillNormals(out, paths * nYears * assets);
  const cells = <usize>(paths * nYears);
  if (assets == 2) {
    const m0 = load<f64>(MODEL);
    const m1 = load<f64>(MODEL, 8);
    const l00 = load<f64>(MODEL, 16);
    const l10 = load<f64>(MODEL, 32);
    const l11 = load<f64>(MODEL, 40);
    const end = out + (cells << 4);
    for (let p = out; p < end; p += 16) {
      const z0 = load<f64>(p);
      const z1 = load<f64>(p, 8);
      let x1 = m1;
      x1 += l10 * z0;
      x1 += l11 * z1;
      let x0 = m0;
      x0 += l00 * z0;
      store<f64>(p, fastExp(x0));
      store<f64>(p, fastExp(x1), 8);
    }
    return;
  }
  const n = <usize>assets;
  const factor = MODEL + (n << 3);
  for (let c: usize = 0; c < cells; c++) {
    const base = out + ((c * n) << 3);
    for (let i = assets - 1; i >= 0; i--) {
      const ui = <usize>i;
      let x = load<f64>(MODEL + (ui << 3));
      const row = factor + ((ui * n) << 3);
      for (let k: usize = 0; k <= ui; k++) x += load<f64>(row + (k << 3)) * load<f64>(base + (k << 3));
      store<f64>(base + (ui << 3), fastExp(x));
    }
  }
}
