/**
 * A weighted quantile summary (Greenwald-Khanna style, as in XGBoost's `WQSummary`): sorted unique values, each
 * with the minimum and maximum rank it can have and its own weight. Ranks are float32 like XGBoost's, and every
 * rank operation is rounded to float32 (`f`), so pruning picks exactly the values XGBoost picks and our histogram
 * cut points, hence our trees, match its `hist` method.
 */
const f = Math.fround;

export class WeightedSummary {
  rmin: Float32Array;
  rmax: Float32Array;
  wmin: Float32Array;
  value: Float32Array;
  size = 0;

  constructor(capacity: number) {
    this.rmin = new Float32Array(capacity);
    this.rmax = new Float32Array(capacity);
    this.wmin = new Float32Array(capacity);
    this.value = new Float32Array(capacity);
  }

  reserve(capacity: number): void {
    if (capacity <= this.value.length) return;
    const grow = (a: Float32Array): Float32Array => {
      const b = new Float32Array(capacity);
      b.set(a.subarray(0, this.size));
      return b;
    };
    this.rmin = grow(this.rmin);
    this.rmax = grow(this.rmax);
    this.wmin = grow(this.wmin);
    this.value = grow(this.value);
  }

  push(rmin: number, rmax: number, wmin: number, value: number): void {
    const i = this.size++;
    this.rmin[i] = rmin;
    this.rmax[i] = rmax;
    this.wmin[i] = wmin;
    this.value[i] = value;
  }

  private pushFrom(src: WeightedSummary, i: number): void {
    this.push(src.rmin[i], src.rmax[i], src.wmin[i], src.value[i]);
  }

  copyFrom(src: WeightedSummary): void {
    this.reserve(src.size);
    this.size = src.size;
    this.rmin.set(src.rmin.subarray(0, src.size));
    this.rmax.set(src.rmax.subarray(0, src.size));
    this.wmin.set(src.wmin.subarray(0, src.size));
    this.value.set(src.value.subarray(0, src.size));
  }

  /** This becomes at most `maxSize` entries of `src`, chosen at evenly spaced ranks (XGBoost's SetPrune). */
  setPrune(src: WeightedSummary, maxSize: number): void {
    if (src.size <= maxSize) return this.copyFrom(src);
    this.reserve(maxSize);
    const last = src.size - 1;
    const begin = src.rmax[0];
    const range = f(src.rmin[last] - src.rmax[0]);
    const n = maxSize - 1;
    this.size = 0;
    this.pushFrom(src, 0);
    let i = 1;
    let lastIdx = 0;
    for (let k = 1; k < n; k++) {
      const dx2 = f(2 * f(f(f(k * range) / n) + begin));
      while (i < last && dx2 >= f(src.rmax[i + 1] + src.rmin[i + 1])) i++;
      if (i === last) break;
      const mid = f(f(src.rmin[i] + src.wmin[i]) + f(src.rmax[i + 1] - src.wmin[i + 1]));
      if (dx2 < mid) {
        if (i !== lastIdx) {
          this.pushFrom(src, i);
          lastIdx = i;
        }
      } else if (i + 1 !== lastIdx) {
        this.pushFrom(src, i + 1);
        lastIdx = i + 1;
      }
    }
    if (lastIdx !== last) this.pushFrom(src, last);
  }

  /** This becomes the merge of two summaries (XGBoost's SetCombine, including its rank error fix-up). */
  setCombine(a: WeightedSummary, b: WeightedSummary): void {
    if (a.size === 0) return this.copyFrom(b);
    if (b.size === 0) return this.copyFrom(a);
    this.reserve(a.size + b.size);
    this.size = 0;
    let i = 0;
    let j = 0;
    let aPrevRmin = 0;
    let bPrevRmin = 0;
    while (i < a.size && j < b.size) {
      const av = a.value[i];
      const bv = b.value[j];
      if (av === bv) {
        this.push(f(a.rmin[i] + b.rmin[j]), f(a.rmax[i] + b.rmax[j]), f(a.wmin[i] + b.wmin[j]), av);
        aPrevRmin = f(a.rmin[i] + a.wmin[i]);
        bPrevRmin = f(b.rmin[j] + b.wmin[j]);
        i++;
        j++;
      } else if (av < bv) {
        this.push(f(a.rmin[i] + bPrevRmin), f(a.rmax[i] + f(b.rmax[j] - b.wmin[j])), a.wmin[i], av);
        aPrevRmin = f(a.rmin[i] + a.wmin[i]);
        i++;
      } else {
        this.push(f(b.rmin[j] + aPrevRmin), f(b.rmax[j] + f(a.rmax[i] - a.wmin[i])), b.wmin[j], bv);
        bPrevRmin = f(b.rmin[j] + b.wmin[j]);
        j++;
      }
    }
    const bRmax = b.rmax[b.size - 1];
    for (; i < a.size; i++) this.push(f(a.rmin[i] + bPrevRmin), f(a.rmax[i] + bRmax), a.wmin[i], a.value[i]);
    const aRmax = a.rmax[a.size - 1];
    for (; j < b.size; j++) this.push(f(b.rmin[j] + aPrevRmin), f(b.rmax[j] + aRmax), b.wmin[j], b.value[j]);
    this.fixRankErrors();
  }

  private fixRankErrors(): void {
    let prevRmin = 0;
    let prevRmax = 0;
    for (let i = 0; i < this.size; i++) {
      if (this.rmin[i] < prevRmin) this.rmin[i] = prevRmin;
      else prevRmin = this.rmin[i];
      if (this.rmax[i] < prevRmax) this.rmax[i] = prevRmax;
      const rminNext = f(this.rmin[i] + this.wmin[i]);
      if (this.rmax[i] < rminNext) this.rmax[i] = rminNext;
      prevRmax = this.rmax[i];
    }
  }
}
