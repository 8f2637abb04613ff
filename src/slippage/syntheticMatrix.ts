/**
 * Synthetic slippage rows as a float32 feature matrix and labels: the data of the GBDT benchmark and tests.
 */
import { rngFor } from '../core/random.ts';
import { checkedMatrix, type DenseMatrix } from '../ml/gbdt/denseMatrix.ts';
import { SLIPPAGE_FEATURE_NAMES, toFeatureVector } from './slippageFeatures.ts';
import { syntheticOpportunity, syntheticSlippageBps, type SyntheticSlippageOptions } from './syntheticSlippage.ts';

/** Same rows as syntheticSlippage with the same options, written straight into float32 arrays. */
export function syntheticMatrix({ rows, seed, noiseBps = 2 }: SyntheticSlippageOptions): {
  matrix: DenseMatrix;
  labels: Float32Array;
} {
  const cols = SLIPPAGE_FEATURE_NAMES.length;
  const data = new Float32Array(rows * cols);
  const labels = new Float32Array(rows);
  const rng = rngFor(seed, 'slippage/synthetic');
  for (let r = 0; r < rows; r++) {
    const x = syntheticOpportunity(rng);
    data.set(toFeatureVector(x), r * cols);
    labels[r] = syntheticSlippageBps(x) + noiseBps * rng.normal();
  }
  return { matrix: checkedMatrix({ data, rows, cols }), labels };
}
