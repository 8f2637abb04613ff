/**
 * Model classes picked by name (config `slippageRegressor`), freqai style: each only fits and predicts.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { DenseMatrix } from '../ml/gbdt/denseMatrix.ts';
import { GbdtRegressor } from '../ml/gbdt/gbdtRegressor.ts';
import type { GbdtParamsInput } from '../ml/gbdt/gbdtParams.ts';
import type { LabelledMatrix } from '../ml/gbdt/trainGbdt.ts';
import { RidgeRegressor } from './ridgeRegressor.ts';

export interface Regressor {
  readonly name: string;
  fit(train: LabelledMatrix, validation?: LabelledMatrix): Regressor;
  predict(matrix: DenseMatrix): ArrayLike<number>;
  predictRow(row: ArrayLike<number>): number;
}

export const regressorNames = ['gbdt', 'ridge'] as const;
export type RegressorName = (typeof regressorNames)[number];

export interface RegressorOptions {
  gbdt?: GbdtParamsInput;
  ridgeAlpha?: number;
  featureNames?: readonly string[];
}

export function createRegressor(name: string, options: RegressorOptions = {}): Regressor {
  switch (name) {
    case 'gbdt':
      return new GbdtRegressor(options.gbdt, options.featureNames);
    case 'ridge':
      return new RidgeRegressor(options.ridgeAlpha);
    default:
      throw new InvalidInputError(`unknown regressor "${name}"`, { details: `known: ${regressorNames.join(', ')}` });
  }
}
