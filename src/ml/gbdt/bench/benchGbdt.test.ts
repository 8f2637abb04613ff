import { describe, expect, it } from 'vitest';
import { syntheticMatrix } from '../../../slippage/syntheticMatrix.ts';
import { benchGbdt } from './benchGbdt.ts';
import { xgboostAvailable } from './xgboostPeer.ts';

const available = await xgboostAvailable();
if (available !== true) console.warn(`skipping bench gbdt peer test: ${available}`);

describe.skipIf(available !== true)(
  'benchGbdt against the XGBoost peer (small run; speed is judged by `arbml bench gbdt`)',
  () => {
    it('reports both sides on the same holdout with the same RMSE (identical trees)', async () => {
      const { matrix, labels } = syntheticMatrix({ rows: 5000, seed: 2 });
      const r = await benchGbdt({ matrix, labels, trainRows: 4000, rounds: 20, depth: 6 });
      expect(r.rows).toBe(5000);
      expect(r.xgboost).not.toBeNull();
      expect(Math.abs(r.arbml.rmse - r.xgboost!.rmse) / r.xgboost!.rmse).toBeLessThan(1e-6);
      expect(r.rmse_ratio).toBeCloseTo(1, 6);
      expect(r.train_ratio).toBeCloseTo(r.arbml.train_s / r.xgboost!.train_s, 12);
      expect(r.predict_ratio).toBeCloseTo(r.arbml.predict_rows_per_s / r.xgboost!.predict_rows_per_s, 12);
      expect(r.arbml.single_row_p99_us).toBeGreaterThan(0);
    });
  },
);
