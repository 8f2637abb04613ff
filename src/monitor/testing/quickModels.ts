/**
 * Small real models for tests that run the ML decider in a child process: a slippage GBDT trained on synthetic
 * opportunities and a gas forecaster (ridge + trees, no LSTM) trained on a synthetic 5-minute gas series, written to
 * a models folder the way `arbml retrain` publishes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GAS_FORECASTER_FILE } from '../../decide/loadMlDecider.ts';
import { gasFeatureColumns } from '../../gas/gasFeatures.ts';
import { gasSeries } from '../../gas/gasSeries.ts';
import { syntheticGasRows } from '../../gas/syntheticGasRows.ts';
import { trainGasForecaster } from '../../gas/trainGasForecaster.ts';
import { SlippagePredictor } from '../../slippage/slippagePredictor.ts';
import { syntheticSlippage } from '../../slippage/syntheticSlippage.ts';

export async function writeQuickModels(dir: string, seed = 1): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const { features, targets } = syntheticSlippage({ rows: 2_000, seed });
  SlippagePredictor.train({ rows: features, targets, seed, params: { numRounds: 30 } }).save(dir);
  const s = gasSeries(syntheticGasRows(1_500, seed));
  const model = await trainGasForecaster({
    series: s,
    columns: gasFeatureColumns(s),
    cutoff: s.length - 1,
    seed,
    horizons: 3,
    lstm: false,
    gbdt: { rounds: 20 },
  });
  writeFileSync(join(dir, GAS_FORECASTER_FILE), JSON.stringify(model));
}
