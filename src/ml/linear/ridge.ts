/**
 * Ridge regression on standardised features: minimises sum (y - b0 - z.b)^2 + lambda |b|^2 with a free intercept,
 * solved exactly by Cholesky on the normal equations. A missing value (NaN) is imputed with the feature's training
 * mean (0 after standardising), in training and in prediction. The model is plain JSON: feature means and scales,
 * coefficients in standardised units, intercept.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { choleskySolve } from './choleskySolve.ts';

export interface RidgeModel {
  mean: number[];
  scale: number[];
  coef: number[];
  intercept: number;
}

export interface FitRidgeOptions {
  /** Row-major [rows, cols]. */
  x: ArrayLike<number>;
  cols: number;
  /** Row indices to fit on (default: every row of x). */
  rows?: ArrayLike<number>;
  /** Target per fitted row, in the order of `rows`. */
  y: ArrayLike<number>;
  /** L2 penalty on the standardised coefficients, > 0. */
  lambda: number;
}

export function fitRidge({ x, cols, rows, y, lambda }: FitRidgeOptions): RidgeModel {
  const n = rows ? rows.length : Math.floor(x.length / cols);
  const rowAt = (i: number): number => (rows ? rows[i]! : i) * cols;
  if (n < 2) throw new InvalidInputError(`ridge regression needs at least 2 rows, got ${n}`);
  const mean = new Array<number>(cols).fill(0);
  const scale = new Array<number>(cols).fill(1);
  const count = new Array<number>(cols).fill(0);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < cols; c++) {
      const v = x[rowAt(i) + c]!;
      if (v !== v) continue;
      mean[c]! += v;
      count[c]!++;
    }
  }
  for (let c = 0; c < cols; c++) mean[c] = count[c]! > 0 ? mean[c]! / count[c]! : 0;
  const sq = new Array<number>(cols).fill(0);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < cols; c++) {
      const v = x[rowAt(i) + c]!;
      if (v === v) sq[c]! += (v - mean[c]!) ** 2;
    }
  }
  for (let c = 0; c < cols; c++) scale[c] = count[c]! > 1 && sq[c]! > 0 ? Math.sqrt(sq[c]! / count[c]!) : 1;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i]!;
  yMean /= n;
  const model: RidgeModel = { mean, scale, coef: new Array<number>(cols).fill(0), intercept: yMean };
  const a = new Float64Array(cols * cols);
  const b = new Float64Array(cols);
  const z = new Float64Array(cols);
  for (let i = 0; i < n; i++) {
    standardise(model, x, rowAt(i), z);
    const yc = y[i]! - yMean;
    for (let p = 0; p < cols; p++) {
      b[p]! += z[p]! * yc;
      for (let q = 0; q <= p; q++) a[p * cols + q]! += z[p]! * z[q]!;
    }
  }
  for (let p = 0; p < cols; p++) a[p * cols + p]! += lambda;
  const coef = choleskySolve(a, b, cols);
  if (!coef)
    throw new InvalidInputError(`ridge normal equations are not positive definite (lambda must be > 0, got ${lambda})`);
  model.coef = Array.from(coef);
  return model;
}

function standardise(m: RidgeModel, x: ArrayLike<number>, base: number, z: Float64Array): void {
  for (let c = 0; c < z.length; c++) {
    const v = x[base + c]!;
    z[c] = v === v ? (v - m.mean[c]!) / m.scale[c]! : 0;
  }
}

/** Prediction for row `row` of a row-major matrix with `cols` columns (row 0 of a single feature vector). */
export function predictRidge(m: RidgeModel, x: ArrayLike<number>, cols: number, row = 0): number {
  let s = m.intercept;
  for (let c = 0; c < cols; c++) {
    const v = x[row * cols + c]!;
    if (v === v) s += ((v - m.mean[c]!) / m.scale[c]!) * m.coef[c]!;
  }
  return s;
}
