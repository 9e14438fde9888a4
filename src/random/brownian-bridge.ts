/**
 * The Brownian-bridge construction of a random walk with unit steps (Glasserman 2004, "Monte Carlo
 * Methods in Financial Engineering", §3.1.2; QuantLib's BrownianBridge): the first normal decides
 * the walk's value at a chosen step K (by default the last), the following ones the midpoints of
 * the gaps before K, coarse to fine (breadth first); then the end, and the gaps after K the same
 * way. Returned as the walk's increments,
 * which are iid standard normals like the input, so any consumer of yearly shocks can use them; but
 * with quasi-random input the best coordinates go to the directions that move the outcome most.
 */
export class BrownianBridge {
  /** For input coordinate j: the step it sets, its neighbours already set, their weights and the conditional sd. */
  private readonly at: Int32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly leftWeight: Float64Array;
  private readonly rightWeight: Float64Array;
  private readonly sd: Float64Array;
  /** W at steps 0..nSteps (W_0 = 0). */
  private readonly walk: Float64Array;

  /**
   * @param nSteps the walk's steps (years)
   * @param first the step whose value the first coordinate decides (1..nSteps; default nSteps)
   */
  constructor(
    readonly nSteps: number,
    first: number = nSteps,
  ) {
    if (!Number.isInteger(nSteps) || nSteps < 1) throw new RangeError(`a bridge needs at least one step; got ${nSteps}`);
    if (!Number.isInteger(first) || first < 1 || first > nSteps) throw new RangeError(`the first bridge point must be 1..${nSteps}; got ${first}`);
    this.at = new Int32Array(nSteps);
    this.left = new Int32Array(nSteps);
    this.right = new Int32Array(nSteps);
    this.leftWeight = new Float64Array(nSteps);
    this.rightWeight = new Float64Array(nSteps);
    this.sd = new Float64Array(nSteps);
    this.walk = new Float64Array(nSteps + 1);
    let j = 0;
    const set = (step: number, l: number, r: number) => {
      this.at[j] = step;
      this.left[j] = l;
      this.right[j] = r;
      if (r < 0) {
        // Beyond every point set so far: W_step = W_l + √(step − l)·z.
        this.leftWeight[j] = 1;
        this.sd[j] = Math.sqrt(step - l);
      } else {
        // Between W_l and W_r: the bridge's mean and variance (step − l)(r − step)/(r − l).
        this.leftWeight[j] = (r - step) / (r - l);
        this.rightWeight[j] = (step - l) / (r - l);
        this.sd[j] = Math.sqrt(((step - l) * (r - step)) / (r - l));
      }
      j++;
    };
    // Coarse to fine (breadth first) within one span of steps.
    const bisect = (from: number, to: number) => {
      const gaps: [number, number][] = [[from, to]];
      for (let g = 0; g < gaps.length; g++) {
        const [l, r] = gaps[g]!;
        if (r - l < 2) continue;
        const mid = l + Math.floor((r - l) / 2);
        set(mid, l, r);
        gaps.push([l, mid], [mid, r]);
      }
    };
    // The whole of [0, first] before anything after it: the saving years decide the capital at
    // the payout start and the first payout, so they get the best coordinates.
    set(first, 0, -1);
    bisect(0, first);
    if (first < nSteps) {
      set(nSteps, first, -1);
      bisect(first, nSteps);
    }
  }

  /**
   * Turn z[from + j·stride] (j = 0..nSteps − 1, in bridge order) into the walk's increments
   * out[to + y·stride] = W_{y+1} − W_y.
   */
  transform(z: Float64Array, from: number, out: Float64Array, to: number, stride: number): void {
    const w = this.walk;
    for (let j = 0; j < this.nSteps; j++) {
      const r = this.right[j]!;
      const base = this.leftWeight[j]! * w[this.left[j]!]! + (r < 0 ? 0 : this.rightWeight[j]! * w[r]!);
      w[this.at[j]!] = base + this.sd[j]! * z[from + j * stride]!;
    }
    for (let y = 0; y < this.nSteps; y++) out[to + y * stride] = w[y + 1]! - w[y]!;
  }

  /** The walks of a block of paths, step-major (step k of path b at k · paths + b), reused. */
  private walks = new Float64Array(0);

  /**
   * transform() for `paths` paths at once, a bridge step for all of them before the next, so the
   * inner loop runs over paths with no indirection (the same operations on each path's numbers,
   * so the same results): input coordinate j of path b at z[z0 + j·zStep + b], increment y of
   * path b to out[o0 + b·oPath + y·oStep].
   */
  transformBlock(z: Float64Array, z0: number, zStep: number, paths: number, out: Float64Array, o0: number, oPath: number, oStep: number): void {
    const n = this.nSteps;
    if (this.walks.length < (n + 1) * paths) this.walks = new Float64Array((n + 1) * paths);
    const w = this.walks;
    w.fill(0, 0, paths);
    for (let j = 0; j < n; j++) {
      const at = this.at[j]! * paths;
      const l = this.left[j]! * paths;
      const r = this.right[j]!;
      const lw = this.leftWeight[j]!;
      const sd = this.sd[j]!;
      const zj = z0 + j * zStep;
      if (r < 0) {
        for (let b = 0; b < paths; b++) w[at + b] = lw * w[l + b]! + 0 + sd * z[zj + b]!;
      } else {
        const rw = this.rightWeight[j]!;
        const rr = r * paths;
        for (let b = 0; b < paths; b++) w[at + b] = lw * w[l + b]! + rw * w[rr + b]! + sd * z[zj + b]!;
      }
    }
    for (let y = 0; y < n; y++) {
      const lo = y * paths;
      const hi = lo + paths;
      const o = o0 + y * oStep;
      for (let b = 0; b < paths; b++) out[o + b * oPath] = w[hi + b]! - w[lo + b]!;
    }
  }
}
