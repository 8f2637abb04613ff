/**
 * The GBDT as a small model class that only fits and predicts (freqai style): data preparation lives with the
 * caller, the model is picked by name from config.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { DenseMatrix } from './denseMatrix.ts';
import type { GbdtModel } from './gbdtModel.ts';
import type { GbdtParamsInput } from './gbdtParams.ts';
import { trainGbdt, type LabelledMatrix } from './trainGbdt.ts';

export class GbdtRegressor {
  readonly name = 'gbdt';
  private trained: GbdtModel | null = null;

  constructor(
    private readonly params: GbdtParamsInput = {},
    private readonly featureNames?: readonly string[],
  ) {}

  fit(train: LabelledMatrix, validation?: LabelledMatrix): this {
    this.trained = trainGbdt({ ...train, validation, params: this.params, featureNames: this.featureNames });
    return this;
  }

  get model(): GbdtModel {
    if (!this.trained) throw new InvalidInputError('the GBDT regressor has not been fitted');
    return this.trained;
  }

  predict(matrix: DenseMatrix): Float32Array {
    return this.model.predict(matrix);
  }

  predictRow(row: ArrayLike<number>): number {
    return this.model.predictRow(row);
  }
}
