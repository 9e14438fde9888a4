/**
 * This thread's sketch arena: a shared WebAssembly memory holding the hot sketches' tables and
 * counts (stats/log-bucket-sketch.ts) and the reused chunk columns (engine/chunk-job.ts), so that
 * the insertion loop runs in WebAssembly (src/wasm/assembly/sketch.ts) over both with no copy.
 * Shared, so that growing it never detaches a view already handed out: a sketch or a column keeps
 * its view for life. Regions are kept per power-of-two size and reused; the memory itself only
 * grows (it is this thread's working set, like the buffers it replaces). Absent (null) when the
 * module is missing or PENSIM_WASM=0: every user then falls back to plain typed arrays and the JS loop.
 */
import { wasmBytes } from './wasm-file.js';
import { reportWasm, wasmOffReason } from './wasm-report.js';

interface SketchExports {
  memory: WebAssembly.Memory;
  countRun(values: number, from: number, to: number, offsets: number, counts: number, run: number): number;
}

const PAGE = 65536;
/** countRun's scratch (6 doubles) at address 0; regions start at the next page. */
const RUN = 0;

export class SketchArena {
  /** The run scratch of countRun: [K, Σd, Σd², min, max, zeros]. */
  readonly run: Float64Array;
  private top = PAGE;
  private readonly free = new Map<number, number[]>();
  /** Every buffer object the memory has had: views on any of them are views on the arena. */
  private readonly buffers = new WeakSet<ArrayBufferLike>();

  constructor(private readonly m: SketchExports) {
    this.run = new Float64Array(this.buffer(), RUN, 6);
  }

  /** Whether `a` is a view on this arena (so its address is its byteOffset). */
  holds(a: ArrayBufferView): boolean {
    return this.buffers.has(a.buffer);
  }

  countRun(values: number, from: number, to: number, offsets: number, counts: number): number {
    return this.m.countRun(values, from, to, offsets, counts, RUN);
  }

  float64(n: number): Float64Array {
    const at = this.alloc(n * 8);
    return new Float64Array(this.buffer(), at, n);
  }

  int32(n: number): Int32Array {
    const at = this.alloc(n * 4);
    return new Int32Array(this.buffer(), at, n);
  }

  uint32(n: number): Uint32Array {
    const at = this.alloc(n * 4);
    return new Uint32Array(this.buffer(), at, n);
  }

  /** Give a view's region back for reuse (the view must not be used after). */
  release(a: ArrayBufferView): void {
    if (!this.holds(a) || a.byteLength === 0) return;
    const size = sizeClass(a.byteLength);
    const list = this.free.get(size) ?? [];
    list.push(a.byteOffset);
    this.free.set(size, list);
  }

  /** A zeroed region of at least `bytes`, 64-byte aligned. */
  private alloc(bytes: number): number {
    const size = sizeClass(bytes);
    const reused = this.free.get(size)?.pop();
    if (reused !== undefined) {
      new Uint8Array(this.buffer(), reused, size).fill(0);
      return reused;
    }
    const at = this.top;
    const have = this.m.memory.buffer.byteLength;
    const need = at + size - have;
    // Grown by at least half again: a run's thousand-odd sketches (R per series under sobol and
    // antithetic) would otherwise grow it a page at a time, each grow a new shared buffer (~1 s of
    // a 1 M-path run on the main thread). Untouched pages cost no memory.
    if (need > 0) this.m.memory.grow(Math.ceil(Math.max(need, have / 2) / PAGE));
    this.top += size;
    return at;
  }

  private buffer(): ArrayBufferLike {
    const b = this.m.memory.buffer;
    this.buffers.add(b);
    return b;
  }
}

function sizeClass(bytes: number): number {
  return Math.max(64, 2 ** Math.ceil(Math.log2(bytes)));
}


let arena: SketchArena | null | undefined;

/** This thread's arena, made on first use; null without the module or with PENSIM_WASM=0. */
export function sketchArena(): SketchArena | null {
  if (arena !== undefined) return arena;
  const bytes = process.env.PENSIM_WASM === '0' ? null : wasmBytes('sketch.wasm');
  if (!bytes) {
    reportWasm('sketch', wasmOffReason(bytes));
    return (arena = null);
  }
  try {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as SketchExports;
    arena = new SketchArena(exports);
    reportWasm('sketch', null);
    return arena;
  } catch {
    // A shared memory reserves its maximum (4 GB of address space) up front; where that is refused
    // (a ulimit -v), the sketches stay plain typed arrays: the same results, the JS loop.
    reportWasm('sketch', 'no room for its memory');
    return (arena = null);
  }
}
