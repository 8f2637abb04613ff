/**
 * Ridge regression on standardised features: minimises sum (y - b0 - x.b)^2 + lambda |b|^2 (intercept free),
 * solved by Cholesky on the normal equations in float64. Coefficients are stored in standardised units with the
 * feature means and scales, so the model is plain JSON.
 */
import { InvariantError } from '../core/errors.ts';

export interface RidgeModel {
  mean: number[];
  scale: number[];
  coef: number[];
  intercept: number;
}

export interface FitRidgeOptions {
  /** Row-major [rows, cols]. */
  x: Float64Array;
  cols: number;
  /** Row indices to fit on. */
  rows: ArrayLike<number>;
  /** Target per listed row (same order as rows). */
  y: ArrayLike<number>;
  lambda: number;
}

export function fitRidge({ x, cols, rows, y, lambda }: FitRidgeOptions): RidgeModel {
  const n = rows.length;
  const mean = new Array<number>(cols).fill(0), scale = new Array<number>(cols).fill(0);
  for (let i = 0; i < n; i++) for (let c = 0; c < cols; c++) mean[c]! += x[rows[i]! * cols + c]! / n;
  for (let i = 0; i < n; i++) for (let c = 0; c < cols; c++) scale[c]! += (x[rows[i]! * cols + c]! - mean[c]!) ** 2 / n;
  for (let c = 0; c < cols; c++) scale[c] = Math.sqrt(scale[c]!) || 1;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i]! / n;
  const a = new Float64Array(cols * cols), b = new Float64Array(cols), z = new Float64Array(cols);
  for (let i = 0; i < n; i++) {
    const r = rows[i]! * cols;
    for (let c = 0; c < cols; c++) z[c] = (x[r + c]! - mean[c]!) / scale[c]!;
    const yc = y[i]! - yMean;
    for (let p = 0; p < cols; p++) {
      b[p]! += z[p]! * yc;
      for (let q = 0; q <= p; q++) a[p * cols + q]! += z[p]! * z[q]!;
    }
  }
  for (let p = 0; p < cols; p++) a[p * cols + p]! += lambda;
  const coef = Array.from(choleskySolve(a, b, cols));
  return { mean, scale, coef, intercept: yMean };
}

/** Solves A x = b for symmetric positive definite A (lower triangle used). */
function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(s > 0)) throw new InvariantError('ridge: normal equations not positive definite');
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j]!;
    }
  }
  const y = new Float64Array(n), x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

export function predictRidge(m: RidgeModel, x: Float64Array, cols: number, row: number): number {
  let s = m.intercept;
  for (let c = 0; c < cols; c++) s += ((x[row * cols + c]! - m.mean[c]!) / m.scale[c]!) * m.coef[c]!;
  return s;
}
