/**
 * Forecasts min gas price 5..(5*horizons) minutes ahead from the series up to and including the origin bin:
 * ridge, gradient-boosted-tree and LSTM log-ratio forecasts blended per horizon, turned into gwei with an interval from the
 * validation-tail error quantiles.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { GasRow } from '../market/files/readGasCsv.ts';
import type { GbdtModel } from '../ml/gbdt/gbdtModel.ts';
import { fromXgboostJson } from '../ml/gbdt/xgboostJson.ts';
import { LstmPredictor } from '../ml/lstm/lstmPredictor.ts';
import type { GasForecasterModel } from './gasForecasterModel.ts';
import { featureMatrix, featureWarmupBins, gasFeatureColumns } from './gasFeatures.ts';
import { gasSeries, type GasSeries } from './gasSeries.ts';
import { predictRidge } from '../ml/linear/ridge.ts';
import { sequenceInputs } from './sequenceInputs.ts';

export interface HorizonForecast {
  horizonMin: number;
  /** Point forecast, gwei. */
  gwei: number;
  /** 90% interval, gwei. */
  low: number;
  high: number;
}

/** Log-ratio forecasts log(y[t+h]/y[t]) for h = 1..H at each origin: blend and components, row-major [origins, H]. */
export interface LogRatioForecasts {
  blend: Float64Array;
  ridge: Float64Array;
  gbdt: Float64Array | null;
  lstm: Float64Array | null;
}

export class GasForecaster {
  private predictor: LstmPredictor | undefined;
  private readonly forests: GbdtModel[] | null;

  constructor(readonly model: GasForecasterModel) {
    if (model.lstm)
      this.predictor = LstmPredictor.create(
        model.lstm.shape,
        Float32Array.from(model.lstm.params),
        model.sequence.seqLen,
      );
    this.forests = model.gbdt ? model.gbdt.map((j) => fromXgboostJson(j)) : null;
  }

  /** Bins of history predict() needs. */
  get historyBins(): number {
    return Math.max(featureWarmupBins, this.model.sequence.seqLen) + 1;
  }

  async logRatios(columns: Map<string, Float64Array>, origins: readonly number[]): Promise<LogRatioForecasts> {
    const m = this.model,
      H = m.horizons,
      n = origins.length;
    const fm = featureMatrix(columns, m.features);
    const ridge = new Float64Array(n * H);
    origins.forEach((t, i) => m.ridge.forEach((r, h) => (ridge[i * H + h] = predictRidge(r, fm.values, fm.cols, t))));
    let gbdt: Float64Array | null = null;
    if (this.forests) {
      const data = new Float32Array(n * fm.cols);
      origins.forEach((t, i) => data.set(fm.values.subarray(t * fm.cols, (t + 1) * fm.cols), i * fm.cols));
      const g = new Float64Array(n * H);
      this.forests.forEach((forest, h) =>
        forest.predict({ data, rows: n, cols: fm.cols }).forEach((v, i) => (g[i * H + h] = v)),
      );
      gbdt = g;
    }
    let lstm: Float64Array | null = null;
    if (this.predictor && m.lstm) {
      const x = sequenceInputs(columns, m.sequence, origins);
      const out = await this.predictor.predict(x, n);
      // The LSTM may cover only the first horizons; the others get NaN and no weight.
      const HL = m.lstm.shape.outputSize;
      lstm = new Float64Array(n * H).fill(NaN);
      out.forEach((v, j) => (lstm![Math.floor(j / HL) * H + (j % HL)] = v * m.sequence.outScale[j % HL]!));
    }
    const blend = ridge.map((r, j) => {
      const w = m.blend[j % H]!;
      return w.ridge * r + (gbdt ? w.gbdt * gbdt[j]! : 0) + (lstm && w.lstm ? w.lstm * lstm[j]! : 0);
    });
    return { blend, ridge, gbdt, lstm };
  }

  /** Forecasts from a history that ends at the origin bin (at least historyBins bins). */
  async predict(history: readonly GasRow[] | GasSeries): Promise<HorizonForecast[]> {
    const s = Array.isArray(history) ? gasSeries(history as GasRow[]) : (history as GasSeries);
    if (s.length < this.historyBins) {
      throw new InvalidInputError(`gas forecast needs ${this.historyBins} bins of history, got ${s.length}`);
    }
    const t = s.length - 1;
    const { blend } = await this.logRatios(gasFeatureColumns(s), [t]);
    const now = s.minGas[t]!;
    return Array.from({ length: this.model.horizons }, (_, h) => ({
      horizonMin: 5 * (h + 1),
      gwei: now * Math.exp(blend[h]!),
      low: now * Math.exp(blend[h]! + this.model.interval[h]!.low),
      high: now * Math.exp(blend[h]! + this.model.interval[h]!.high),
    }));
  }
}
