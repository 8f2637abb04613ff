/**
 * Trains the gas forecaster on targets at or before a cutoff bin: per-horizon ridge on the feature vector, a
 * multi-horizon LSTM on feature sequences (early-stopped on the last 15% of the window), blend weights per horizon
 * by least squares on that held-out tail (a component with a negative weight is dropped: the LSTM keeps a weight
 * only if it lowers the held-out error), then the ridge is refitted on the whole window.
 */
import { InvalidInputError } from '../core/errors.ts';
import { lstmModelToJson } from '../ml/lstm/lstmModel.ts';
import { trainLstm, type EpochStats } from '../ml/lstm/trainLstm.ts';
import { GasForecaster } from './gasForecaster.ts';
import type { GasForecasterModel } from './gasForecasterModel.ts';
import { featureMatrix, featureWarmupBins, sequenceFeatureNames } from './gasFeatures.ts';
import { ridgeFeatureNames } from './ridgeFeatureNames.ts';
import type { GasSeries } from './gasSeries.ts';
import { fitRidge } from './ridge.ts';
import { blendWeights, quantile, rmse } from './blendWeights.ts';
import { sequenceInputs } from './sequenceInputs.ts';

export interface TrainGasOptions {
  series: GasSeries;
  columns: Map<string, Float64Array>;
  /** Last bin whose value may be a training target. */
  cutoff: number;
  seed: number;
  horizons?: number;
  lstm?: { hidden?: number; layers?: number; seqLen?: number; epochs?: number; threads?: 1 | 2 } | false;
  ridgeLambda?: number;
  onEpoch?: (e: EpochStats) => void;
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

export async function trainGasForecaster(o: TrainGasOptions): Promise<GasForecasterModel> {
  const { series: s, columns, cutoff, seed, horizons: H = 10, ridgeLambda = 1 } = o;
  const L = s.minGas.map(Math.log);
  const warm = featureWarmupBins;
  const validStart = warm + Math.floor(0.85 * (cutoff - warm));
  if (validStart - warm < 500) throw new InvalidInputError(`gas training window too short (${cutoff - warm} bins after warm-up)`);
  const fm = featureMatrix(columns, ridgeFeatureNames);
  const target = (t: number, h: number): number => L[t + h]! - L[t]!;
  const fitH = (rows: number[], h: number) =>
    fitRidge({ x: fm.values, cols: fm.cols, rows, y: rows.map((t) => target(t, h + 1)), lambda: ridgeLambda });
  const validRows = range(validStart, cutoff - H + 1);

  const lstmOpts = o.lstm === false ? null : { hidden: 32, layers: 2, seqLen: 24, epochs: 30, threads: 1 as const, ...o.lstm };
  const seqLen = lstmOpts?.seqLen ?? 24;
  const trainSeq = range(Math.max(warm, seqLen - 1), validStart - H);
  const seqCols = sequenceFeatureNames.map((n) => columns.get(n)!);
  const stat = (c: Float64Array, rows: number[]) => {
    const mean = rows.reduce((a, t) => a + c[t]!, 0) / rows.length;
    const sd = Math.sqrt(rows.reduce((a, t) => a + (c[t]! - mean) ** 2, 0) / rows.length) || 1;
    return { mean, sd };
  };
  const seqStats = seqCols.map((c) => stat(c, trainSeq));
  const outScale = range(0, H).map((h) => Math.sqrt(trainSeq.reduce((a, t) => a + target(t, h + 1) ** 2, 0) / trainSeq.length));
  const sequence = { features: [...sequenceFeatureNames], seqLen, mean: seqStats.map((x) => x.mean), scale: seqStats.map((x) => x.sd), outScale };

  let lstm: GasForecasterModel['lstm'] = null;
  if (lstmOpts) {
    const samples = (rows: number[]) => ({
      count: rows.length, seqLen, inputSize: sequence.features.length, outputSize: H,
      x: sequenceInputs(columns, sequence, rows),
      y: Float32Array.from({ length: rows.length * H }, (_, j) => target(rows[Math.floor(j / H)]!, (j % H) + 1) / outScale[j % H]!),
    });
    const shape = { inputSize: sequence.features.length, hiddenSize: lstmOpts.hidden, layers: lstmOpts.layers, outputSize: H };
    const trained = await trainLstm({
      shape, train: samples(trainSeq), valid: samples(validRows), epochs: lstmOpts.epochs, patience: 4,
      seed, threads: lstmOpts.threads, onEpoch: o.onEpoch,
    });
    const best = trained.history.find((e) => e.epoch === trained.bestEpoch);
    lstm = lstmModelToJson({
      shape, seqLen, features: sequence.features, outputs: range(1, H + 1).map((h) => `logRatio_h${h}`),
      trainingWindow: { from: iso(s, trainSeq[0]!), to: iso(s, validStart - 1) }, bestEpoch: trained.bestEpoch,
      metrics: { validMse: best?.validLoss ?? NaN, trainMse: best?.trainLoss ?? NaN }, params: trained.params,
    });
  }

  // Held-out tail: ridge fitted before it, LSTM early-stopped on it; blend weights and intervals from it.
  const heldOut: GasForecasterModel = {
    format: 'arbml.gas-forecaster', version: 1, seed, horizons: H,
    trainingWindow: { from: iso(s, warm), to: iso(s, cutoff) }, features: [...ridgeFeatureNames],
    ridge: range(0, H).map((h) => fitH(range(warm, validStart - h - 1), h)),
    sequence, lstm, blend: range(0, H).map(() => ({ ridge: 1, lstm: 0 })), interval: [],
    validation: { rows: validRows.length, ridgeRmse: [], lstmRmse: [], blendRmse: [], persistenceRmse: [] },
  };
  const parts = await new GasForecaster(heldOut).logRatios(columns, validRows);
  const v = heldOut.validation;
  const blend: GasForecasterModel['blend'] = [];
  const interval: GasForecasterModel['interval'] = [];
  for (let h = 0; h < H; h++) {
    const y = validRows.map((t) => target(t, h + 1));
    const r = validRows.map((_, i) => parts.ridge[i * H + h]!);
    const l = parts.lstm ? validRows.map((_, i) => parts.lstm![i * H + h]!) : null;
    const w = l ? blendWeights(y, r, l) : { ridge: 1, lstm: 0 };
    const b = r.map((x, i) => w.ridge * x + (l ? w.lstm * l[i]! : 0));
    const err = y.map((x, i) => x - b[i]!);
    blend.push(w);
    interval.push({ low: quantile(err, 0.05), high: quantile(err, 0.95) });
    v.ridgeRmse.push(rmse(y, r));
    v.lstmRmse.push(l ? rmse(y, l) : NaN);
    v.blendRmse.push(rmse(y, b));
    v.persistenceRmse.push(rmse(y, y.map(() => 0)));
  }
  const ridge = range(0, H).map((h) => fitH(range(warm, cutoff - h), h));
  return { ...heldOut, ridge, blend, interval };
}

const iso = (s: GasSeries, t: number): string => new Date(s.timeMs[t]!).toISOString();
