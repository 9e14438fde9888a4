/**
 * A mergeable quantile sketch with a relative-error guarantee (DDSketch-like, after Masson, Rim &
 * Lee 2019, with log-linear buckets read off the float's bits): a positive value falls in the
 * bucket of its binary exponent and the top 11 bits of its mantissa, so every bucket spans a
 * relative width of at most 2^-11 (0.049 %) and its midpoint is within 0.025 % of any value in it.
 * Zero and negative values are kept too (negatives mirrored). Counts are integers, so merging is
 * exact and order-free: shards and threads merge to identical sketches. Memory: 8 KB per octave
 * touched (a capital fan spans ~10 octaves), independent of the number of paths.
 *
 * Layout: the 2048 counts of one octave (sign and exponent, the float's top 12 bits) form a
 * block; blocks sit in one growing pool, found through a table indexed by those top bits, so an
 * insertion is a table lookup and an increment. Zeros are counted apart, and subnormals (exponent
 * 0) have their own table slots, so that a zero's top bits never lead to a block.
 */
const MANTISSA_BITS = 11;
const SUB = 1 << MANTISSA_BITS;
const EXPONENTS = 2048;
/** Table slots: top bits 0..4095 (negatives at EXPONENTS + e), then positive and negative subnormals. */
const TOPS = 2 * EXPONENTS;
const SLOTS = TOPS + 2;

import type { SketchArena } from '../wasm/sketch-arena.js';

const scratch = new Float64Array(1);
const bits = new Uint32Array(scratch.buffer);
/** Index of the high word of a float64 on this (little- or big-endian) machine. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export interface SketchState {
  count: number;
  zeros: number;
  min: number;
  max: number;
  /** Sparse buckets: [key, count] with key = ±(exponent · 2048 + sub + 1), ascending by key. */
  buckets: [number, number][];
}

/**
 * A sketch in transferable form (a worker's batch). Dense: block i of `counts` holds table slot
 * slots[i]. Sparse (`keys` present, `slots` empty): counts[i] is the count of bucket keys[i] =
 * slot · 2048 + sub, for the buckets that are not 0 only; pack() chooses it when it is the smaller,
 * as for the sketch of one randomized block of a batch (a few thousand values over ten-odd octaves
 * of 2 048 buckets), where the dense form was mostly zeros to copy, move and add.
 */
export interface PackedSketch {
  count: number;
  zeros: number;
  min: number;
  max: number;
  slots: Int32Array;
  counts: Uint32Array;
  keys?: Int32Array;
}

export class LogBucketSketch {
  /**
   * Start of each slot's block in `counts`, or -1 (always -1 at the top bits of ±0). Until the first
   * block, a table shared by every empty sketch (of the arena, or plain), never written: a run
   * under sobol or antithetic makes R sketches per series, hundreds of which never take a value,
   * and a table of its own costs each 16 KB of fresh memory to fault in.
   */
  private offsets: Int32Array;
  /** The blocks' counts, allocated with the first block (a sketch that stays empty costs only its table). */
  private counts: Uint32Array = new Uint32Array(0);
  private used = 0;
  /** The slots with a block, in the order their blocks were made (block i at i · SUB): merge and clear visit only these. */
  private slots: number[] = [];
  /** Each block's total, by block (start / SUB), made on a read and dropped on any change: a rank is then found without counting every bucket below it. */
  private totals: Float64Array | null = null;
  /** The exponents with a block, in rank order (negatives from the largest, then positives from the smallest), made with `totals`: a rank's search visits only these, not all 4 096 table slots. */
  private exponents: { negative: Int32Array; positive: Int32Array } = { negative: new Int32Array(0), positive: new Int32Array(0) };
  count = 0;
  zeros = 0;
  min = Infinity;
  max = -Infinity;

  /**
   * @param arena where a hot sketch keeps its table and counts (this thread's, src/wasm/sketch-arena.ts):
   * values in the same arena are then counted by its WebAssembly loop. The sketch is the same either way.
   */
  constructor(private readonly arena: SketchArena | null = null) {
    this.offsets = emptyTable(arena);
  }

  add(x: number): void {
    this.totals = null;
    this.count++;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    if (x === 0) {
      this.zeros++;
      return;
    }
    scratch[0] = x;
    const slot = slotOf(bits[HI]! >>> 20);
    const at = this.offsets[slot]! >= 0 ? this.offsets[slot]! : this.block(slot);
    this.counts[at + ((bits[HI]! >>> (20 - MANTISSA_BITS)) & (SUB - 1))]!++;
  }

  /**
   * add() for values[from, to), in one tight loop (the hot path of a run). With `sums`, the same
   * pass also adds Σ(x − K) and Σ(x − K)², K = sums[0], to sums[1] and sums[2] in value order (the
   * shifted sums of stats/merge-moments.ts), so a series is read once for its sketch and moments.
   */
  addAll(values: Float64Array, from: number, to: number, sums: Float64Array = noSums): void {
    this.totals = null;
    if (sums === noSums) noSums.fill(0);
    // Values in this sketch's arena are counted by WebAssembly's countRun (the same loop), others by
    // the JS one; both keep their running figures in a `run` of the same layout.
    const arena = this.arena?.holds(values) ? this.arena : null;
    const run = arena ? arena.run : jsRun;
    run[K] = sums[0]!;
    run[S1] = sums[1]!;
    run[S2] = sums[2]!;
    run[MIN] = this.min;
    run[MAX] = this.max;
    run[ZEROS] = 0;
    // The values' own bits: the high word of value i is word 2i + HI of the same buffer.
    const words = arena ? null : new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
    // The counts are read at each call: making a block may move them.
    const count = (i: number) =>
      arena ? arena.countRun(values.byteOffset, i, to, this.offsets.byteOffset, this.counts.byteOffset) : countRun(values, words!, this.offsets, this.counts, i, to, run);
    // countRun stops at a value it cannot count (a subnormal, or an octave without a block yet);
    // that value is counted here, so the loop itself calls nothing and keeps its arrays in registers.
    for (let i = count(from); i < to; i = count(i + 1)) {
      const x = values[i]!;
      const d = x - run[K]!;
      run[S1] = run[S1]! + d;
      run[S2] = run[S2]! + d * d;
      if (x < run[MIN]!) run[MIN] = x;
      if (x > run[MAX]!) run[MAX] = x;
      scratch[0] = x;
      const slot = slotOf(bits[HI]! >>> 20);
      const at = this.offsets[slot]! >= 0 ? this.offsets[slot]! : this.block(slot);
      this.counts[at + ((bits[HI]! >>> (20 - MANTISSA_BITS)) & (SUB - 1))]!++;
    }
    sums[1] = run[S1]!;
    sums[2] = run[S2]!;
    this.zeros += run[ZEROS]!;
    this.min = run[MIN]!;
    this.max = run[MAX]!;
    this.count += to - from;
  }

  /** Back to empty, keeping the memory of its blocks (a worker reuses one sketch set from batch to batch). */
  clear(): void {
    this.totals = null;
    this.counts.fill(0, 0, this.used);
    for (const slot of this.slots) this.offsets[slot] = -1;
    this.slots = [];
    this.used = 0;
    this.count = 0;
    this.zeros = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  /** Give the arena's memory back (an arena sketch no longer used); a plain sketch has nothing to give. */
  release(): void {
    this.totals = null;
    if (this.offsets !== emptyTable(this.arena)) this.arena?.release(this.offsets);
    this.offsets = emptyTable(this.arena);
    this.arena?.release(this.counts);
    this.counts = new Uint32Array(0);
    this.slots = [];
    this.used = 0;
  }

  merge(other: LogBucketSketch): void {
    this.mergeCounts(other.count, other.zeros, other.min, other.max);
    this.reserveFor(other.slots);
    for (const slot of other.slots) this.addBlock(slot, other.counts, other.offsets[slot]!);
  }

  /** The sketch in transferable form; its buffers are new, so they can be moved to another thread. */
  pack(): PackedSketch {
    // Sparse when under a quarter of the buckets can be used (a key and a count each: half the dense
    // size): the values counted in blocks bound the buckets used, so one pass suffices.
    const most = this.count - this.zeros;
    if (4 * most < this.used) {
      const keys = new Int32Array(most);
      const counts = new Uint32Array(most);
      const all = this.counts;
      let i = 0;
      for (let block = 0; block < this.slots.length; block++) {
        const key = this.slots[block]! * SUB - block * SUB;
        for (let k = block * SUB; k < (block + 1) * SUB; k++) {
          const c = all[k]!;
          if (c === 0) continue;
          keys[i] = key + k;
          counts[i++] = c;
        }
      }
      return { count: this.count, zeros: this.zeros, min: this.min, max: this.max, slots: new Int32Array(0), counts: counts.slice(0, i), keys: keys.slice(0, i) };
    }
    const slots: number[] = [];
    for (let slot = 0; slot < SLOTS; slot++) if (this.offsets[slot]! >= 0) slots.push(slot);
    const counts = new Uint32Array(slots.length * SUB);
    slots.forEach((slot, i) => counts.set(this.counts.subarray(this.offsets[slot]!, this.offsets[slot]! + SUB), i * SUB));
    return { count: this.count, zeros: this.zeros, min: this.min, max: this.max, slots: Int32Array.from(slots), counts };
  }

  mergePacked(p: PackedSketch): void {
    this.mergeCounts(p.count, p.zeros, p.min, p.max);
    this.reserveFor(p.slots);
    p.slots.forEach((slot, i) => this.addBlock(slot, p.counts, i * SUB));
    const keys = p.keys;
    if (keys === undefined) return;
    for (let i = 0; i < keys.length; i++) {
      const slot = keys[i]! >>> MANTISSA_BITS;
      const at = this.offsets[slot]! >= 0 ? this.offsets[slot]! : this.block(slot);
      this.counts[at + (keys[i]! & (SUB - 1))]! += p.counts[i]!;
    }
  }

  /**
   * The p-quantile with the same rank convention as quantileSorted (type 7): the values at ranks
   * ⌊h⌋ and ⌊h⌋+1, h = (n − 1)p, each the midpoint of its bucket, interpolated, then clamped to
   * [min, max] (so a sample of equal values gives that value exactly).
   */
  quantile(p: number): number {
    if (this.count === 0) throw new RangeError('quantile of an empty sketch');
    const h = (this.count - 1) * p;
    const lo = Math.floor(h);
    const a = this.valueAtRank(lo);
    const b = lo + 1 < this.count ? this.valueAtRank(lo + 1) : a;
    const q = a === b ? a : a + (h - lo) * (b - a);
    return Math.min(this.max, Math.max(this.min, q));
  }

  private blockTotals(): Float64Array {
    if (this.totals) return this.totals;
    const totals = new Float64Array(this.used / SUB);
    for (let b = 0; b < totals.length; b++) {
      let sum = 0;
      for (let k = b * SUB; k < (b + 1) * SUB; k++) sum += this.counts[k]!;
      totals[b] = sum;
    }
    this.exponents = exponentsWithBlocks(this.slots);
    return (this.totals = totals);
  }

  /** Value of the order statistic of 0-based rank r: the midpoint of the bucket holding it (extremes exact). */
  private valueAtRank(r: number): number {
    if (r === 0) return this.min;
    if (r === this.count - 1) return this.max;
    let seen = 0;
    const totals = this.blockTotals();
    const { negative, positive } = this.exponents;
    for (const e of negative) {
      const at = this.offsets[slotOf(EXPONENTS + e)]!;
      if (seen + totals[at / SUB]! <= r) {
        seen += totals[at / SUB]!;
        continue;
      }
      for (let s = SUB - 1; s >= 0; s--) {
        seen += this.counts[at + s]!;
        if (seen > r) return -midpoint(e, s);
      }
    }
    seen += this.zeros;
    if (seen > r) return 0;
    for (const e of positive) {
      const at = this.offsets[slotOf(e)]!;
      if (seen + totals[at / SUB]! <= r) {
        seen += totals[at / SUB]!;
        continue;
      }
      for (let s = 0; s < SUB; s++) {
        seen += this.counts[at + s]!;
        if (seen > r) return midpoint(e, s);
      }
    }
    return this.max;
  }

  /**
   * expectedShortfall at α (stats/risk-measures.ts: the mean of the worst α share, the boundary
   * value weighted fractionally) with each order statistic replaced by its bucket's midpoint
   * (clamped to [min, max]), and a bound on the error against the exact figure of the same values:
   * buckets keep the values' order, and two numbers c, x in one bucket [a, a(1 + 2⁻¹¹)) differ by
   * less than 2⁻¹¹·|c|, so |ES_sketch − ES_exact| ≤ 2⁻¹¹ · Σ wᵢ|cᵢ| / (αn). Example: 1..100 at
   * α = 0.05 gives 3 within its bound (a test checks it).
   */
  expectedShortfall(alpha: number): { value: number; bound: number } {
    const n = this.count;
    if (n === 0) throw new RangeError('expected shortfall of an empty sketch');
    const an = alpha * n;
    if (an < 1) return { value: this.min, bound: 0 };
    const k = Math.floor(an);
    let sum = 0;
    let abs = 0;
    let taken = 0;
    // Weight of rank r: 1 below k, an − k at k, 0 after.
    const take = (v: number, c: number): boolean => {
      const x = Math.min(this.max, Math.max(this.min, v));
      const full = Math.min(c, Math.max(0, k - taken));
      let w = full;
      if (full < c && taken + full === k && k < n) w += an - k;
      sum += w * x;
      abs += w * Math.abs(x);
      taken += c;
      return taken > k;
    };
    let done = false;
    for (let e = EXPONENTS - 1; e >= 0 && !done; e--) {
      const at = this.offsets[slotOf(EXPONENTS + e)]!;
      if (at < 0) continue;
      for (let s = SUB - 1; s >= 0 && !done; s--) if (this.counts[at + s]) done = take(-midpoint(e, s), this.counts[at + s]!);
    }
    if (!done && this.zeros > 0) done = take(0, this.zeros);
    for (let e = 0; e < EXPONENTS && !done; e++) {
      const at = this.offsets[slotOf(e)]!;
      if (at < 0) continue;
      for (let s = 0; s < SUB && !done; s++) if (this.counts[at + s]) done = take(midpoint(e, s), this.counts[at + s]!);
    }
    return { value: sum / an, bound: (2 ** -11 * abs) / an };
  }

  toState(): SketchState {
    const buckets: [number, number][] = [];
    for (let e = EXPONENTS - 1; e >= 0; e--) {
      const at = this.offsets[slotOf(EXPONENTS + e)]!;
      if (at >= 0) for (let s = SUB - 1; s >= 0; s--) if (this.counts[at + s]) buckets.push([-(e * SUB + s + 1), this.counts[at + s]!]);
    }
    for (let e = 0; e < EXPONENTS; e++) {
      const at = this.offsets[slotOf(e)]!;
      if (at >= 0) for (let s = 0; s < SUB; s++) if (this.counts[at + s]) buckets.push([e * SUB + s + 1, this.counts[at + s]!]);
    }
    return { count: this.count, zeros: this.zeros, min: this.min, max: this.max, buckets };
  }

  static fromState(state: SketchState): LogBucketSketch {
    const sk = new LogBucketSketch();
    // An empty sketch's min and max are ±Infinity, which JSON writes as null: they must not become 0.
    if (state.count > 0) sk.mergeCounts(state.count, state.zeros, state.min, state.max);
    for (const [key, n] of state.buckets) {
      const k = Math.abs(key) - 1;
      const slot = slotOf(Math.floor(k / SUB) + (key > 0 ? 0 : EXPONENTS));
      const at = sk.offsets[slot]! >= 0 ? sk.offsets[slot]! : sk.block(slot);
      sk.counts[at + (k % SUB)] = n;
    }
    return sk;
  }

  private mergeCounts(count: number, zeros: number, min: number, max: number): void {
    this.totals = null;
    this.count += count;
    this.zeros += zeros;
    this.min = Math.min(this.min, min);
    this.max = Math.max(this.max, max);
  }

  /** Add the block of counts at from[at, at + 2048) to table slot `slot`. */
  private addBlock(slot: number, from: Uint32Array, at: number): void {
    this.totals = null;
    const to = this.offsets[slot]! >= 0 ? this.offsets[slot]! : this.block(slot);
    const counts = this.counts;
    for (let s = 0; s < SUB; s++) counts[to + s]! += from[at + s]!;
  }

  /**
   * Room for a block at each of `slots` this sketch lacks, made at once: a merge growing the pool by
   * doubling, block after block, copied it several times over when a fresh sketch took a full one
   * (the sink's merges, and the aliases' in engine/collect-series.ts).
   */
  private reserveFor(slots: ArrayLike<number>): void {
    let fresh = 0;
    for (let i = 0; i < slots.length; i++) if (this.offsets[slots[i]!]! < 0) fresh++;
    if (this.used + fresh * SUB > this.counts.length) this.reserve(this.used + fresh * SUB);
  }

  /** Grow the pool to at least `size` counts (its blocks kept where they are). */
  private reserve(size: number): void {
    const grown = this.arena ? this.arena.uint32(size) : new Uint32Array(size);
    grown.set(this.counts.subarray(0, this.used));
    this.arena?.release(this.counts);
    this.counts = grown;
  }

  /** A new zeroed block for table slot `slot`, the pool doubled when full; returns its start. */
  private block(slot: number): number {
    this.totals = null;
    if (this.used === 0 && this.offsets === emptyTable(this.arena)) {
      this.offsets = this.arena ? this.arena.int32(SLOTS) : new Int32Array(SLOTS);
      this.offsets.fill(-1);
    }
    if (this.used === this.counts.length) {
      this.reserve(Math.max(4 * SUB, 2 * this.counts.length));
    }
    this.offsets[slot] = this.used;
    this.slots.push(slot);
    this.used += SUB;
    return this.offsets[slot]!;
  }
}

/** The shared table of every empty sketch (all -1), one per arena and one plain; never written. */
const plainEmpty = new Int32Array(SLOTS).fill(-1);
const arenaEmpty = new WeakMap<SketchArena, Int32Array>();

function emptyTable(arena: SketchArena | null): Int32Array {
  if (!arena) return plainEmpty;
  let table = arenaEmpty.get(arena);
  if (!table) {
    table = arena.int32(SLOTS).fill(-1);
    arenaEmpty.set(arena, table);
  }
  return table;
}

/** The table slot of a value's top 12 bits: itself, but subnormals (exponent 0) go past the top bits. */
function slotOf(top: number): number {
  return (top & (EXPONENTS - 1)) === 0 ? TOPS + (top >>> 11) : top;
}

/** The exponents of the slots with a block: negatives' from the largest down, positives' from the smallest up (the subnormal slots as exponent 0). */
function exponentsWithBlocks(slots: readonly number[]): { negative: Int32Array; positive: Int32Array } {
  const negative: number[] = [];
  const positive: number[] = [];
  for (const slot of slots) {
    if (slot >= TOPS) (slot === TOPS ? positive : negative).push(0);
    else if (slot >= EXPONENTS) negative.push(slot - EXPONENTS);
    else positive.push(slot);
  }
  return { negative: Int32Array.from(negative).sort().reverse(), positive: Int32Array.from(positive).sort() };
}

/** Scratch for addAll without sums. */
const noSums = new Float64Array(3);
/** The JS countRun's running figures, laid out as the WebAssembly one's (src/wasm/assembly/sketch.ts): K, Σ(x − K), Σ(x − K)², min, max, zeros. */
const jsRun = new Float64Array(6);
const K = 0;
const S1 = 1;
const S2 = 2;
const MIN = 3;
const MAX = 4;
const ZEROS = 5;

/**
 * Count values[i, to) into their blocks (zeros apart), and their shifted sums, min and max into
 * `run` (see addAll), until a value's top bits lead to no block (a subnormal, or a new octave);
 * returns that value's index (or `to`), with `run` updated for the values counted before it.
 */
function countRun(values: Float64Array, words: Uint32Array, offsets: Int32Array, counts: Uint32Array, from: number, to: number, run: Float64Array): number {
  const k = run[K]!;
  let s1 = run[S1]!;
  let s2 = run[S2]!;
  let min = run[MIN]!;
  let max = run[MAX]!;
  let zeros = 0;
  let i = from;
  for (; i < to; i++) {
    const hi = words[2 * i + HI]!;
    const x = values[i]!;
    const at = offsets[hi >>> 20]!;
    // ±0 has the top bits of no block (subnormals have their own slots), so a zero lands here.
    if (at >= 0) counts[at + ((hi >>> (20 - MANTISSA_BITS)) & (SUB - 1))]!++;
    else if (x === 0) zeros++;
    else break;
    const d = x - k;
    s1 += d;
    s2 += d * d;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  run[S1] = s1;
  run[S2] = s2;
  run[MIN] = min;
  run[MAX] = max;
  run[ZEROS] = run[ZEROS]! + zeros;
  return i;
}

/** Midpoint of bucket (exponent e, sub-bucket s): 2^(e−1023) · (1 + (s + ½)/2048), for normal floats. */
function midpoint(e: number, s: number): number {
  if (e === 0) return (s + 0.5) * 2 ** -1022 / SUB; // subnormals: linear
  return 2 ** (e - 1023) * (1 + (s + 0.5) / SUB);
}
