/**
 * The quantised training matrix: row-major bin indices, one byte per value when every feature has at most 255
 * bins plus its missing code (else two bytes). Row-major keeps a row's bins on one cache line for the histogram
 * loop. A missing value gets its feature's missing code, `binCount[f]`, one past its last bin.
 */
import { binCounts, type HistogramCuts } from './histogramCuts.ts';
import type { DenseMatrix } from './denseMatrix.ts';

export type BinArray = Uint8Array | Uint16Array;

export interface BinMatrix {
  readonly bins: BinArray;
  readonly rows: number;
  readonly cols: number;
  /** Bins per feature; also each feature's missing code. */
  readonly binCount: Int32Array;
  /** Offset of each feature's bins in a histogram; a feature takes binCount + 1 slots (the last for missing). */
  readonly offsets: Int32Array;
  /** Histogram slots of all features. */
  readonly totalSlots: number;
  readonly hasMissing: boolean;
}

export interface BinMatrixOptions {
  matrix: DenseMatrix;
  cuts: HistogramCuts;
}

export function binMatrix({ matrix, cuts }: BinMatrixOptions): BinMatrix {
  const { data, rows, cols } = matrix;
  const binCount = binCounts(cuts);
  const offsets = new Int32Array(cols);
  let total = 0;
  for (let c = 0; c < cols; c++) {
    offsets[c] = total;
    total += binCount[c] + 1;
  }
  const wide = binCount.some((n) => n > 255);
  const bins: BinArray = wide ? new Uint16Array(rows * cols) : new Uint8Array(rows * cols);
  let hasMissing = false;
  for (let c = 0; c < cols; c++) {
    const begin = cuts.ptrs[c];
    const n = binCount[c];
    const values = cuts.values;
    for (let r = 0, i = c; r < rows; r++, i += cols) {
      const v = data[i];
      if (v !== v) {
        bins[i] = n;
        hasMissing = true;
        continue;
      }
      let lo = begin;
      let hi = begin + n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[mid] <= v) lo = mid + 1;
        else hi = mid;
      }
      const b = lo - begin;
      bins[i] = b === n ? n - 1 : b;
    }
  }
  return { bins, rows, cols, binCount, offsets, totalSlots: total, hasMissing };
}
