/**
 * The slippage model's linear baseline: ridge least squares on standardised features with missing values imputed
 * (ml/linear/ridge.ts), behind the fit/predict shape of the other model classes.
 */
import type { DenseMatrix } from '../ml/gbdt/denseMatrix.ts';
import type { LabelledMatrix } from '../ml/gbdt/trainGbdt.ts';
import { fitRidge, predictRidge, type RidgeModel } from '../ml/linear/ridge.ts';

export class RidgeRegressor {
  readonly name = 'ridge';
  private model?: RidgeModel;

  constructor(private readonly alpha = 1) {}

  fit({ matrix, labels }: LabelledMatrix): this {
    this.model = fitRidge({ x: matrix.data, cols: matrix.cols, y: labels, lambda: this.alpha });
    return this;
  }

  predictRow(row: ArrayLike<number>): number {
    return this.model ? predictRidge(this.model, row, row.length) : NaN;
  }

  predict(matrix: DenseMatrix): Float64Array {
    const out = new Float64Array(matrix.rows);
    if (this.model)
      for (let r = 0; r < matrix.rows; r++) out[r] = predictRidge(this.model, matrix.data, matrix.cols, r);
    return out;
  }
}
