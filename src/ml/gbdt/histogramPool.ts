/**
 * Reusable histogram buffers (2 float64 per slot: gradient, hessian), so growing a tree allocates nothing after
 * the first one.
 */
export class HistogramPool {
  private readonly free: Float64Array[] = [];

  constructor(private readonly slots: number) {}

  /** A buffer of zeros. */
  zeroed(): Float64Array {
    const h = this.free.pop();
    if (!h) return new Float64Array(this.slots * 2);
    h.fill(0);
    return h;
  }

  release(h: Float64Array): void {
    this.free.push(h);
  }
}
