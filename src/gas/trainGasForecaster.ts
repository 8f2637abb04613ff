/**
 * Trains the gas forecaster on targets at or before a cutoff bin. Components, each predicting log(y[t+h]/y[t]):
 * per-horizon ridge and gradient-boosted trees on the feature vector, and one multi-horizon LSTM on feature
 * sequences. The last 15% of the window is held out: the components are fitted before it (the LSTM early-stops on
 * it), and per-horizon non-negative blend weights and interval quantiles are fitted on it, so a component keeps a
 * weight only if it lowers the held-out error. Ridge and trees are then refitted on the whole window.
 */
import { InvalidInputError } from '../core/errors.ts';
import { trainGbdt } from '../ml/gbdt/trainGbdt.ts';
import { toXgboostJson } from '../ml/gbdt/xgboostJson.ts';
import type { EpochStats } from '../ml/lstm/trainLstm.ts';
import { blendWeights } from './blendWeights.ts';
import { quantile, rmse } from '../core/statistics.ts';
import { GasForecaster } from './gasForecaster.ts';
import type { GasForecasterModel } from './gasForecasterModel.ts';
import { featureMatrix, featureWarmupBins, type FeatureMatrix } from './gasFeatures.ts';
import type { GasSeries } from './gasSeries.ts';
import { fitRidge } from '../ml/linear/ridge.ts';
import { ridgeFeatureNames } from './ridgeFeatureNames.ts';
import { trainSequenceModel, type SequenceModelOptions } from './trainSequenceModel.ts';

export interface TrainGasOptions {
  series: GasSeries;
  columns: Map<string, Float64Array>;
  /** Last bin whose value may be a training target. */
  cutoff: number;
  seed: number;
  horizons?: number;
  /** LSTM options (default hidden 32, 2 layers, 24 steps, horizons 1..3), or false for none. */
  lstm?: SequenceModelOptions | false;
  /** Boosted trees per horizon (default on). */
  gbdt?: { rounds?: number } | false;
  ridgeLambda?: number;
  onEpoch?: (e: EpochStats) => void;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
const iso = (s: GasSeries, t: number): string => new Date(s.timeMs[t]!).toISOString();

function fitForest(fm: FeatureMatrix, rows: number[], y: number[], seed: number, rounds: number): unknown {
  const data = new Float32Array(rows.length * fm.cols);
  rows.forEach((t, i) => data.set(fm.values.subarray(t * fm.cols, (t + 1) * fm.cols), i * fm.cols));
  const model = trainGbdt({
    matrix: { data, rows: rows.length, cols: fm.cols },
    labels: y,
    featureNames: fm.names,
    params: {
      numRounds: rounds,
      maxDepth: 4,
      eta: 0.05,
      subsample: 0.8,
      colsampleBytree: 0.8,
      minChildWeight: 20,
      baseScore: 0,
      seed,
    },
  });
  return toXgboostJson(model);
}

export async function trainGasForecaster(o: TrainGasOptions): Promise<GasForecasterModel> {
  const { series: s, columns, cutoff, seed, horizons: H = 10, ridgeLambda = 1 } = o;
  const L = s.minGas.map(Math.log);
  const warm = featureWarmupBins;
  const validStart = warm + Math.floor(0.85 * (cutoff - warm));
  if (validStart - warm < 500)
    throw new InvalidInputError(`gas training window too short (${cutoff - warm} bins after warm-up)`);
  const fm = featureMatrix(columns, ridgeFeatureNames);
  const target = (t: number, h: number): number => L[t + h]! - L[t]!;
  const validRows = range(validStart, cutoff - H + 1);
  const rounds = o.gbdt === false ? 0 : (o.gbdt?.rounds ?? 200);
  const fitAll = (end: number) => ({
    ridge: range(0, H).map((h) => {
      const rows = range(warm, end - h - 1);
      return fitRidge({ x: fm.values, cols: fm.cols, rows, y: rows.map((t) => target(t, h + 1)), lambda: ridgeLambda });
    }),
    gbdt: rounds
      ? range(0, H).map((h) => {
          const rows = range(warm, end - h - 1);
          return fitForest(
            fm,
            rows,
            rows.map((t) => target(t, h + 1)),
            seed,
            rounds,
          );
        })
      : null,
  });

  const seq = await trainSequenceModel({
    series: s,
    columns,
    seed,
    horizons: H,
    warm,
    validStart,
    validRows,
    options: o.lstm,
    onEpoch: o.onEpoch,
  });
  const before = fitAll(validStart);
  const heldOut: GasForecasterModel = {
    format: 'arbml.gas-forecaster',
    version: 1,
    seed,
    horizons: H,
    trainingWindow: { from: iso(s, warm), to: iso(s, cutoff) },
    features: [...ridgeFeatureNames],
    ridge: before.ridge,
    gbdt: before.gbdt,
    sequence: seq.sequence,
    lstm: seq.lstm,
    blend: range(0, H).map(() => ({ ridge: 1, gbdt: 0, lstm: 0 })),
    interval: [],
    validation: {
      rows: validRows.length,
      ridgeRmse: [],
      gbdtRmse: [],
      lstmRmse: [],
      blendRmse: [],
      persistenceRmse: [],
    },
  };
  const parts = await new GasForecaster(heldOut).logRatios(columns, validRows);
  const v = heldOut.validation;
  const blend: GasForecasterModel['blend'] = [];
  const interval: GasForecasterModel['interval'] = [];
  const column = (a: Float64Array | null, h: number) =>
    a && !Number.isNaN(a[h]) ? validRows.map((_, i) => a[i * H + h]!) : null;
  for (let h = 0; h < H; h++) {
    const y = validRows.map((t) => target(t, h + 1));
    const comps = [column(parts.ridge, h)!, column(parts.gbdt, h), column(parts.lstm, h)];
    const present = comps.flatMap((c, i) => (c ? [i] : []));
    const wPresent = blendWeights(
      y,
      present.map((i) => comps[i]!),
    );
    const w = [0, 0, 0];
    present.forEach((i, j) => (w[i] = wPresent[j]!));
    const b = y.map((_, r) => present.reduce((a, i) => a + w[i]! * comps[i]![r]!, 0));
    blend.push({ ridge: w[0]!, gbdt: w[1]!, lstm: w[2]! });
    interval.push({
      low: quantile(
        y.map((x, r) => x - b[r]!),
        0.05,
      ),
      high: quantile(
        y.map((x, r) => x - b[r]!),
        0.95,
      ),
    });
    v.ridgeRmse.push(rmse(y, comps[0]!));
    v.gbdtRmse.push(comps[1] ? rmse(y, comps[1]) : null);
    v.lstmRmse.push(comps[2] ? rmse(y, comps[2]) : null);
    v.blendRmse.push(rmse(y, b));
    v.persistenceRmse.push(
      rmse(
        y,
        y.map(() => 0),
      ),
    );
  }
  const final = fitAll(cutoff + 1);
  return { ...heldOut, ridge: final.ridge, gbdt: final.gbdt, blend, interval };
}
