/**
 * The quantised training matrix: row-major bin indices, one byte per value when every feature's bins (plus its
 * missing code, if it has missing values) fit in 256 codes (else two bytes). Row-major keeps a row's bins on one cache line for the histogram
 * loop; a column-major copy serves the partition, which reads one feature of many rows (a column is a small,
 * cache-resident array). A missing value gets its feature's missing code, `binCount[f]`, one past its last bin.
 */
import { binCounts, type HistogramCuts } from './histogramCuts.ts';
import type { DenseMatrix } from './denseMatrix.ts';

export type BinArray = Uint8Array | Uint16Array;

export interface BinMatrix {
  readonly bins: BinArray;
  /** The same bins by feature: columns[f][row]. */
  readonly columns: BinArray[];
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
  // One byte unless a feature needs more: 256 bins are fine, unless the feature also needs its missing code.
  const missingIn = new Uint8Array(cols);
  for (let c = 0; c < cols; c++) {
    for (let i = c; i < data.length; i += cols) {
      if (data[i] !== data[i]) {
        missingIn[c] = 1;
        break;
      }
    }
  }
  const wide = binCount.some((n, c) => n + missingIn[c] > 256);
  const bins: BinArray = wide ? new Uint16Array(rows * cols) : new Uint8Array(rows * cols);
  const columns: BinArray[] = [];
  let hasMissing = false;
  for (let c = 0; c < cols; c++) {
    const column: BinArray = wide ? new Uint16Array(rows) : new Uint8Array(rows);
    columns.push(column);
    const begin = cuts.ptrs[c];
    const n = binCount[c];
    const values = cuts.values;
    for (let r = 0, i = c; r < rows; r++, i += cols) {
      const v = data[i];
      if (v !== v) {
        bins[i] = n;
        column[r] = n;
        hasMissing = true;
        continue;
      }
      // Branch-free upper bound: how many of the feature's cuts are <= v.
      let at = begin;
      let len = n;
      while (len > 1) {
        const half = len >>> 1;
        at += half * +(values[at + half] <= v);
        len -= half;
      }
      const b = at - begin + +(values[at] <= v);
      bins[i] = b === n ? n - 1 : b;
      column[r] = bins[i];
    }
  }
  return { bins, columns, rows, cols, binCount, offsets, totalSlots: total, hasMissing };
}
