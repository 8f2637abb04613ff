/**
 * Synthetic slippage rows as a float32 feature matrix and labels: the data of the GBDT benchmark and tests.
 */
import { denseMatrix, type DenseMatrix } from '../ml/gbdt/denseMatrix.ts';
import { toFeatureVector } from './slippageFeatures.ts';
import { syntheticSlippage, type SyntheticSlippageOptions } from './syntheticSlippage.ts';

export function syntheticMatrix(options: SyntheticSlippageOptions): { matrix: DenseMatrix; labels: Float32Array } {
  const { features, targets } = syntheticSlippage(options);
  return { matrix: denseMatrix(features.map(toFeatureVector)), labels: Float32Array.from(targets) };
}
