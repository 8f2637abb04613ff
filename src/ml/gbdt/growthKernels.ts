/**
 * The hot loops of growing a tree, behind one interface with two implementations: WebAssembly
 * (wasmGrowthKernels, the fast path) and plain TypeScript (here, the fallback when the wasm module is missing or
 * the layout does not fit it). Both own the per-row training buffers and add in the same order, so they grow
 * bit-identical trees.
 */
import { bestSplit, type BestSplitOptions, type SplitCandidate } from './bestSplit.ts';
import type { BinMatrix } from './binMatrix.ts';
import { histogramKernel } from './histogramKernel.ts';
import { HistogramPool } from './histogramPool.ts';
import { partitionRows } from './partitionRows.ts';

export interface GrowthKernels {
  readonly kind: 'wasm' | 'js';
  /** Row indices of the current tree, reordered in place into node segments. */
  readonly rows: Int32Array;
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  /** The prediction cache (float32, XGBoost's). */
  readonly predictions: Float32Array;
  /** A zeroed histogram buffer (2 float64 per slot). */
  histogram(): Float64Array;
  release(hist: Float64Array): void;
  buildHistogram(begin: number, end: number, hist: Float64Array): void;
  /** parent := parent - child. */
  subtract(parent: Float64Array, child: Float64Array): void;
  /** Stable partition of rows[begin..end) by goesLeft[bin of feature]; returns the end of the left part. */
  partition(feature: number, goesLeft: Uint8Array, begin: number, end: number): number;
  addLeafValue(begin: number, end: number, value: number): void;
  addSplitLeafValues(
    feature: number,
    goesLeft: Uint8Array,
    begin: number,
    end: number,
    leftValue: number,
    rightValue: number,
  ): void;
  /** grad := f32(predictions - labels) for every row (squared error). */
  squaredErrorGradients(labels: Float32Array): void;
  /** rows[i] := i for i < n. */
  identityRows(n: number): void;
  /** bestSplit on a histogram from histogram(). */
  findSplit(o: BestSplitOptions): SplitCandidate | null;
}

export interface GrowthKernelOptions {
  bins: BinMatrix;
  unitHessian: boolean;
  maxDepth: number;
}

export function jsGrowthKernels({ bins, unitHessian }: GrowthKernelOptions): GrowthKernels {
  const n = bins.rows;
  const rows = new Int32Array(n);
  const scratch = new Int32Array(n);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const predictions = new Float32Array(n);
  const kernel = histogramKernel(bins, unitHessian);
  const pool = new HistogramPool(bins.totalSlots);
  return {
    kind: 'js',
    findSplit: bestSplit,
    squaredErrorGradients(labels) {
      for (let i = 0; i < n; i++) grad[i] = Math.fround(predictions[i] - labels[i]);
    },
    identityRows(count) {
      for (let i = 0; i < count; i++) rows[i] = i;
    },
    rows,
    grad,
    hess,
    predictions,
    histogram: () => pool.zeroed(),
    release: (h) => pool.release(h),
    buildHistogram: (begin, end, hist) => kernel(bins.bins, rows, begin, end, grad, hess, hist),
    subtract(parent, child) {
      for (let i = 0; i < parent.length; i++) parent[i] = parent[i] - child[i];
    },
    partition: (feature, goesLeft, begin, end) =>
      partitionRows({ column: bins.columns[feature], rows, scratch, begin, end, goesLeft }),
    addLeafValue(begin, end, value) {
      for (let i = begin; i < end; i++) predictions[rows[i]] += value;
    },
    addSplitLeafValues(feature, goesLeft, begin, end, leftValue, rightValue) {
      const values = Float64Array.of(rightValue, leftValue);
      const column = bins.columns[feature];
      for (let i = begin; i < end; i++) {
        const r = rows[i];
        predictions[r] += values[goesLeft[column[r]]];
      }
    },
  };
}
