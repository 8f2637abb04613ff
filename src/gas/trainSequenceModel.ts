/**
 * The LSTM component of the gas forecaster: standardised per-step feature sequences ending at each origin, targets
 * log(y[t+h]/y[t]) for every horizon scaled to unit RMS, trained on origins before the held-out tail whose targets
 * all lie before it, and early-stopped on the tail.
 */
import { lstmModelToJson } from '../ml/lstm/lstmModel.ts';
import { trainLstm, type EpochStats } from '../ml/lstm/trainLstm.ts';
import type { GasForecasterModel } from './gasForecasterModel.ts';
import { sequenceFeatureNames } from './gasFeatures.ts';
import type { GasSeries } from './gasSeries.ts';
import { sequenceInputs } from './sequenceInputs.ts';

export interface SequenceModelOptions {
  hidden?: number;
  layers?: number;
  seqLen?: number;
  epochs?: number;
  threads?: 1 | 2;
  /** Horizons (1..n bins) the LSTM forecasts; the others are left to ridge and trees. */
  horizons?: number;
}

export interface TrainSequenceModelOptions {
  series: GasSeries;
  columns: Map<string, Float64Array>;
  seed: number;
  horizons: number;
  warm: number;
  validStart: number;
  validRows: number[];
  options?: SequenceModelOptions | false;
  onEpoch?: (e: EpochStats) => void;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

export async function trainSequenceModel(
  o: TrainSequenceModelOptions,
): Promise<Pick<GasForecasterModel, 'sequence' | 'lstm'>> {
  const opts =
    o.options === false
      ? null
      : { hidden: 32, layers: 2, seqLen: 24, epochs: 30, threads: 1 as const, horizons: 3, ...o.options };
  const { series: s, columns, warm, validStart, validRows } = o;
  const H = Math.min(o.horizons, opts?.horizons ?? 3);
  const seqLen = opts?.seqLen ?? 24;
  const L = s.minGas.map(Math.log);
  const target = (t: number, h: number): number => L[t + h]! - L[t]!;
  const trainRows = range(Math.max(warm, seqLen - 1), validStart - o.horizons);
  const stats = sequenceFeatureNames.map((n) => {
    const c = columns.get(n)!;
    const mean = trainRows.reduce((a, t) => a + c[t]!, 0) / trainRows.length;
    const sd = Math.sqrt(trainRows.reduce((a, t) => a + (c[t]! - mean) ** 2, 0) / trainRows.length) || 1;
    return { mean, sd };
  });
  const outScale = range(1, H + 1).map((h) =>
    Math.sqrt(trainRows.reduce((a, t) => a + target(t, h) ** 2, 0) / trainRows.length),
  );
  const sequence = {
    features: [...sequenceFeatureNames],
    seqLen,
    mean: stats.map((x) => x.mean),
    scale: stats.map((x) => x.sd),
    outScale,
  };
  if (!opts) return { sequence, lstm: null };
  const samples = (rows: number[]) => ({
    count: rows.length,
    seqLen,
    inputSize: sequence.features.length,
    outputSize: H,
    x: sequenceInputs(columns, sequence, rows),
    y: Float32Array.from(
      { length: rows.length * H },
      (_, j) => target(rows[Math.floor(j / H)]!, (j % H) + 1) / outScale[j % H]!,
    ),
  });
  const shape = { inputSize: sequence.features.length, hiddenSize: opts.hidden, layers: opts.layers, outputSize: H };
  const trained = await trainLstm({
    shape,
    train: samples(trainRows),
    valid: samples(validRows),
    epochs: opts.epochs,
    patience: 4,
    seed: o.seed,
    threads: opts.threads,
    onEpoch: o.onEpoch,
  });
  const best = trained.history.find((e) => e.epoch === trained.bestEpoch);
  const lstm = lstmModelToJson({
    shape,
    seqLen,
    features: sequence.features,
    outputs: range(1, H + 1).map((h) => `logRatio_h${h}`),
    trainingWindow: {
      from: new Date(s.timeMs[trainRows[0]!]!).toISOString(),
      to: new Date(s.timeMs[validStart - 1]!).toISOString(),
    },
    bestEpoch: trained.bestEpoch,
    metrics: { validMse: best?.validLoss ?? NaN, trainMse: best?.trainLoss ?? NaN },
    params: trained.params,
  });
  return { sequence, lstm };
}
