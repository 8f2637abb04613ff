import { describe, expect, it } from 'vitest';
import { GasForecaster } from './gasForecaster.ts';
import { gasForecasterFromJson } from './gasForecasterModel.ts';
import { featureMatrix, gasFeatureColumns } from './gasFeatures.ts';
import { ridgeFeatureNames } from './ridgeFeatureNames.ts';
import { gasSeries, gasSeriesHead } from './gasSeries.ts';
import { syntheticGasRows } from './syntheticGasRows.ts';
import { trainGasForecaster } from './trainGasForecaster.ts';

const rows = syntheticGasRows(1400, 4);
const series = gasSeries(rows);

describe('gas features', () => {
  it('are causal: features at t from the whole series equal those from the series cut at t', () => {
    const full = featureMatrix(gasFeatureColumns(series), ridgeFeatureNames);
    for (const t of [0, 5, 300, 1399]) {
      const head = featureMatrix(gasFeatureColumns(gasSeriesHead(series, t + 1)), ridgeFeatureNames);
      for (let c = 0; c < full.cols; c++)
        expect(head.values[t * head.cols + c]).toBeCloseTo(full.values[t * full.cols + c]!, 12);
    }
  });

  it('compute the EIP-1559 drift and log spreads exactly', () => {
    const cols = gasFeatureColumns(series);
    const t = 700;
    expect(cols.get('drift1')![t]).toBeCloseTo(6.25 * (rows[t]!.blockUtilisation - 0.5), 12);
    const drift = (i: number) => 6.25 * (rows[i]!.blockUtilisation - 0.5);
    expect(cols.get('drift3')![t]).toBeCloseTo(drift(t) + drift(t - 1) + drift(t - 2), 12);
    expect(cols.get('avgOverMin')![t]).toBeCloseTo(Math.log(rows[t]!.avgGasPrice / rows[t]!.minGasPrice), 12);
    const mean12 = rows.slice(t - 11, t + 1).reduce((a, r) => a + r.minGasPrice, 0) / 12;
    expect(cols.get('logMean12')![t]).toBeCloseTo(Math.log(mean12 / rows[t]!.minGasPrice), 12);
    const min24 = Math.min(...rows.slice(t - 23, t + 1).map((r) => r.minGasPrice));
    expect(cols.get('logMin24')![t]).toBeCloseTo(Math.log(min24 / rows[t]!.minGasPrice), 12);
  });
});

describe('GasForecaster', () => {
  it('trains reproducibly, round-trips JSON, and predict(history) equals the batch path at that origin', async () => {
    const opts = {
      series,
      columns: gasFeatureColumns(series),
      cutoff: 1200,
      seed: 3,
      horizons: 4,
      lstm: { hidden: 8, epochs: 3, seqLen: 12 },
      gbdt: { rounds: 10 },
    };
    const a = await trainGasForecaster(opts);
    const b = await trainGasForecaster(opts);
    expect(JSON.stringify(b)).toEqual(JSON.stringify(a));
    expect(a.lstm?.shape).toEqual({ inputSize: 12, hiddenSize: 8, layers: 2, outputSize: 3 });
    expect(a.blend[3]!.lstm).toBe(0); // the LSTM covers h = 1..3 only
    for (const w of a.blend) expect(w.ridge >= 0 && w.lstm >= 0).toBe(true);
    const model = gasForecasterFromJson(JSON.parse(JSON.stringify(a)));
    const f = new GasForecaster(model);
    const origin = 1300;
    const out = await f.predict(rows.slice(origin + 1 - f.historyBins, origin + 1));
    const batch = await f.logRatios(gasFeatureColumns(series), [origin]);
    expect(out).toHaveLength(4);
    out.forEach((o, h) => {
      expect(o.horizonMin).toBe(5 * (h + 1));
      // float32 LSTM inputs may differ by one ulp between the two paths
      expect(o.gwei).toBeCloseTo(rows[origin]!.minGasPrice * Math.exp(batch.blend[h]!), 4);
      expect(o.low).toBeLessThan(o.gwei);
      expect(o.high).toBeGreaterThan(o.gwei);
    });
    await expect(f.predict(rows.slice(0, 10))).rejects.toThrow(/needs \d+ bins/);
  });
});
