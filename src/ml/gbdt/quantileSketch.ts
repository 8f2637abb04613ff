/**
 * A streaming weighted quantile sketch for one feature, the merge-and-prune scheme of XGBoost's
 * `WQuantileSketch`: values enter a buffer; a full buffer becomes a summary that climbs a ladder of levels, merged
 * and pruned to `limitSize`. Values arrive in row order and every step mirrors XGBoost's, so the final summary,
 * and the cut points made from it, are the ones XGBoost's `hist` method makes. Unit weights only.
 */
import { Float32Sorter } from './sortFloat32.ts';
import { WeightedSummary } from './weightedSummary.ts';

const f = Math.fround;
const sorter = new Float32Sorter(1 << 14);

/** XGBoost's LimitSizeLevel: how many entries each level keeps for `maxN` values at accuracy `eps`. */
export function sketchLimitSize(maxN: number, eps: number): number {
  let nLevel = 1;
  for (;;) {
    const limit = Math.min(maxN, Math.ceil(nLevel / eps) + 1);
    if (2 ** nLevel * limit >= maxN) return limit;
    nLevel++;
  }
}

export class QuantileSketch {
  readonly limitSize: number;
  private readonly queue: Float32Array;
  private readonly weights: Float32Array;
  private readonly sortBuffer: Float32Array;
  private tail = 0;
  private allUnit = true;
  private readonly levels: WeightedSummary[] = [];
  private readonly temp: WeightedSummary;

  constructor(maxN: number, eps: number) {
    this.limitSize = sketchLimitSize(Math.max(1, maxN), eps);
    this.queue = new Float32Array(this.limitSize * 2);
    this.weights = new Float32Array(this.limitSize * 2);
    this.sortBuffer = new Float32Array(this.limitSize * 2);
    this.temp = new WeightedSummary(this.limitSize * 2);
  }

  /**
   * Adds data[offset], data[offset + stride], ... (rows values), skipping NaN: push() inlined into one loop,
   * which V8 optimises on the spot (one call per feature instead of one per value keeps cold runs fast).
   */
  pushStrided(data: Float32Array, offset: number, stride: number, rows: number): void {
    const queue = this.queue;
    const weights = this.weights;
    const cap = queue.length;
    let tail = this.tail;
    for (let r = 0, i = offset; r < rows; r++, i += stride) {
      const x = data[i];
      if (x !== x) continue;
      if (tail > 0 && queue[tail - 1] === x) {
        weights[tail - 1] += 1;
        this.allUnit = false;
        continue;
      }
      if (tail === cap) {
        this.tail = tail;
        this.queueSummary(this.temp);
        tail = 0;
        this.tail = 0;
        this.allUnit = true;
        this.pushTemp();
      }
      queue[tail] = x;
      weights[tail] = 1;
      tail++;
    }
    this.tail = tail;
  }

  /**
   * The buffer, sorted, as a summary of unique values (XGBoost's Queue::MakeSummary). Weights are whole counts
   * (a buffered entry is a run of equal values), so a value's weight is its number of entries plus the extra
   * count of its runs; float32 sums of whole numbers below 2^24 are exact, so the order of summing is free.
   */
  private queueSummary(out: WeightedSummary): void {
    out.reserve(this.tail);
    out.size = 0;
    const sorted = this.sortBuffer;
    sorter.sort(this.queue, this.tail, sorted);
    let extra: Map<number, number> | null = null;
    if (!this.allUnit) {
      extra = new Map();
      for (let i = 0; i < this.tail; i++) {
        const w = this.weights[i];
        if (w !== 1) extra.set(this.queue[i], (extra.get(this.queue[i]) ?? 0) + w - 1);
      }
    }
    let wsum = 0;
    for (let i = 0; i < this.tail;) {
      const v = sorted[i];
      let j = i + 1;
      while (j < this.tail && sorted[j] === v) j++;
      const w = j - i + (extra?.get(v) ?? 0);
      out.push(wsum, f(wsum + w), w, v);
      wsum = f(wsum + w);
      i = j;
    }
  }

  private level(l: number): WeightedSummary {
    while (this.levels.length <= l) this.levels.push(new WeightedSummary(this.limitSize));
    return this.levels[l];
  }

  private pushTemp(): void {
    for (let l = 1; ; l++) {
      this.level(l + 1);
      const lv = this.level(l);
      if (lv.size === 0) {
        lv.setPrune(this.temp, this.limitSize);
        return;
      }
      const l0 = this.level(0);
      l0.setPrune(this.temp, this.limitSize);
      this.temp.setCombine(l0, lv);
      if (this.temp.size > this.limitSize) {
        lv.size = 0;
      } else {
        lv.copyFrom(this.temp);
        return;
      }
    }
  }

  /** The final summary of everything pushed (XGBoost's GetSummary). */
  summary(): WeightedSummary {
    const out = new WeightedSummary(this.limitSize * 2);
    this.queueSummary(out);
    if (this.levels.length === 0) {
      if (out.size > this.limitSize) {
        const pruned = new WeightedSummary(this.limitSize);
        pruned.setPrune(out, this.limitSize);
        return pruned;
      }
      return out;
    }
    const l0 = this.level(0);
    l0.setPrune(out, this.limitSize);
    for (let l = 1; l < this.levels.length; l++) {
      const lv = this.levels[l];
      if (lv.size === 0) continue;
      if (l0.size === 0) {
        l0.copyFrom(lv);
      } else {
        out.setCombine(l0, lv);
        l0.setPrune(out, this.limitSize);
      }
    }
    out.copyFrom(l0);
    return out;
  }
}
