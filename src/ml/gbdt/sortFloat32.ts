/**
 * Sorts float32 values ascending (no NaN) by an 11-11-10-bit radix sort on order-preserving integer keys:
 * linear time, no comparisons, small count tables; several times faster than TypedArray#sort here.
 * -0 sorts before +0.
 */
export class Float32Sorter {
  private keys: Uint32Array;
  private tmp: Uint32Array;
  private readonly counts = new Uint32Array(2048);

  constructor(capacity: number) {
    this.keys = new Uint32Array(capacity);
    this.tmp = new Uint32Array(capacity);
  }

  /** Writes src[0..n) sorted into out[0..n). */
  sort(src: Float32Array, n: number, out: Float32Array): void {
    if (n > this.keys.length) {
      this.keys = new Uint32Array(n);
      this.tmp = new Uint32Array(n);
    }
    const bits = new Uint32Array(src.buffer, src.byteOffset, n);
    const { keys, tmp } = this;
    for (let i = 0; i < n; i++) {
      const x = bits[i];
      keys[i] = x & 0x80000000 ? ~x >>> 0 : (x | 0x80000000) >>> 0;
    }
    this.pass(keys, tmp, n, 0, 0x7ff);
    this.pass(tmp, keys, n, 11, 0x7ff);
    this.pass(keys, tmp, n, 22, 0x3ff);
    const outBits = new Uint32Array(out.buffer, out.byteOffset, n);
    for (let i = 0; i < n; i++) {
      const k = tmp[i];
      outBits[i] = k & 0x80000000 ? k & 0x7fffffff : ~k >>> 0;
    }
  }

  /** One stable counting pass on the digit (key >>> shift) & mask. */
  private pass(from: Uint32Array, to: Uint32Array, n: number, shift: number, mask: number): void {
    const counts = this.counts;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(from[i] >>> shift) & mask]++;
    let s = 0;
    for (let d = 0; d <= mask; d++) {
      const t = counts[d];
      counts[d] = s;
      s += t;
    }
    for (let i = 0; i < n; i++) {
      const k = from[i];
      to[counts[(k >>> shift) & mask]++] = k;
    }
  }
}
