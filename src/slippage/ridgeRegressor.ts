/**
 * The linear baseline: ridge least squares on standardised features (a missing value becomes the training mean,
 * i.e. 0 after standardising), with an unpenalised intercept, solved exactly by Cholesky on the normal
 * equations. Fit/predict only, like the other model classes.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { DenseMatrix } from '../ml/gbdt/denseMatrix.ts';
import type { LabelledMatrix } from '../ml/gbdt/trainGbdt.ts';

export class RidgeRegressor {
  readonly name = 'ridge';
  private mean = new Float64Array(0);
  private scale = new Float64Array(0);
  private weights = new Float64Array(0);
  private intercept = 0;

  constructor(private readonly alpha = 1) {}

  fit({ matrix, labels }: LabelledMatrix): this {
    const { rows, cols, data } = matrix;
    if (rows < 2) throw new InvalidInputError('ridge regression needs at least 2 rows');
    this.mean = new Float64Array(cols);
    this.scale = new Float64Array(cols).fill(1);
    const count = new Float64Array(cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) { const v = data[r * cols + c]; if (v === v) { this.mean[c] += v; count[c]++; } }
    for (let c = 0; c < cols; c++) this.mean[c] = count[c] > 0 ? this.mean[c] / count[c] : 0;
    const sq = new Float64Array(cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) { const v = data[r * cols + c]; if (v === v) sq[c] += (v - this.mean[c]) ** 2; }
    for (let c = 0; c < cols; c++) this.scale[c] = count[c] > 1 && sq[c] > 0 ? Math.sqrt(sq[c] / count[c]) : 1;
    let yMean = 0;
    for (let r = 0; r < rows; r++) yMean += labels[r];
    yMean /= rows;
    const A = new Float64Array(cols * cols);
    const b = new Float64Array(cols);
    const z = new Float64Array(cols);
    for (let r = 0; r < rows; r++) {
      this.standardise(data, r * cols, z);
      const y = labels[r] - yMean;
      for (let i = 0; i < cols; i++) {
        b[i] += z[i] * y;
        for (let j = 0; j <= i; j++) A[i * cols + j] += z[i] * z[j];
      }
    }
    for (let i = 0; i < cols; i++) A[i * cols + i] += this.alpha;
    this.weights = solveCholesky(A, b, cols);
    this.intercept = yMean;
    return this;
  }

  private standardise(data: ArrayLike<number>, base: number, z: Float64Array): void {
    for (let c = 0; c < z.length; c++) {
      const v = data[base + c];
      z[c] = v === v ? (v - this.mean[c]) / this.scale[c] : 0;
    }
  }

  predictRow(row: ArrayLike<number>): number {
    const z = new Float64Array(this.weights.length);
    this.standardise(row, 0, z);
    let s = this.intercept;
    for (let c = 0; c < z.length; c++) s += this.weights[c] * z[c];
    return s;
  }

  predict(matrix: DenseMatrix): Float64Array {
    const out = new Float64Array(matrix.rows);
    for (let r = 0; r < matrix.rows; r++) out[r] = this.predictRow(matrix.data.subarray(r * matrix.cols, (r + 1) * matrix.cols));
    return out;
  }
}

/** Solves A x = b for symmetric positive definite A (lower triangle filled), row-major n x n. */
function solveCholesky(A: Float64Array, b: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (s <= 0) throw new InvalidInputError('ridge normal equations are not positive definite (alpha must be > 0)');
        L[i * n + i] = Math.sqrt(s);
      } else {
        L[i * n + j] = s / L[j * n + j];
      }
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * y[k];
    y[i] = s / L[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}
