/**
 * Trains an LSTM regressor: seeded initialisation and shuffling, mini-batch Adam, global-norm gradient clipping,
 * early stopping on a validation set (the best epoch's weights are kept), and an optional 2-thread batch split.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { rngFor } from '../../core/random.ts';
import { Adam, clipGradNorm } from './adam.ts';
import { BatchGradients, type BatchResult } from './batchGradients.ts';
import { initParams, paramLayout, validateShape, type LstmShape } from './lstmShape.ts';
import { sequenceData, type SequenceData } from './sequenceData.ts';
import { WorkerGradients } from './workerGradients.ts';

export interface TrainLstmOptions {
  shape: LstmShape;
  train: SequenceData;
  valid?: SequenceData;
  epochs: number;
  batchSize?: number;
  lr?: number;
  clipNorm?: number;
  /** Epochs without validation improvement before stopping. */
  patience?: number;
  seed: number;
  threads?: 1 | 2;
  onEpoch?: (e: EpochStats) => void;
}

export interface EpochStats {
  epoch: number;
  trainLoss: number;
  validLoss: number | null;
  seconds: number;
}

export interface TrainedLstm {
  shape: LstmShape;
  params: Float32Array;
  bestEpoch: number;
  history: EpochStats[];
}

interface GradientSource {
  compute(params: ArrayLike<number>, indices: ArrayLike<number>, withGrad?: boolean): Promise<BatchResult>;
  close?(): Promise<void>;
}

async function source(threads: number, shape: LstmShape, data: SequenceData, size: number): Promise<GradientSource> {
  return threads > 1 ? WorkerGradients.start(threads, shape, data, size) : BatchGradients.wasm(shape, data);
}

/** Mean loss over a whole set, in batches, without gradients. */
export async function evaluateLoss(
  src: GradientSource,
  params: Float32Array,
  count: number,
  batch: number,
): Promise<number> {
  let sum = 0;
  for (let s = 0; s < count; s += batch) {
    const idx = Int32Array.from({ length: Math.min(batch, count - s) }, (_, i) => s + i);
    sum += (await src.compute(params, idx, false)).loss * idx.length;
  }
  return sum / count;
}

export async function trainLstm(opts: TrainLstmOptions): Promise<TrainedLstm> {
  const { shape, epochs, batchSize = 64, lr = 1e-3, clipNorm = 1, patience = 5, seed, threads = 1 } = opts;
  validateShape(shape);
  const train = sequenceData(opts.train);
  if (train.inputSize !== shape.inputSize || train.outputSize !== shape.outputSize) {
    throw new InvalidInputError(
      `LSTM training data is ${train.inputSize}->${train.outputSize}, shape wants ${shape.inputSize}->${shape.outputSize}`,
    );
  }
  const size = paramLayout(shape).total;
  const params = new Float32Array(size);
  initParams(shape, seed, params);
  let best = Float32Array.from(params);
  const adam = new Adam(size, { lr });
  const rng = rngFor(seed, 'ml/lstm/shuffle');
  const trainSrc = await source(threads, shape, train, size);
  const validSrc = opts.valid ? BatchGradients.wasm(shape, sequenceData(opts.valid)) : undefined;
  const history: EpochStats[] = [];
  let bestLoss = Infinity,
    bestEpoch = 0;
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const t0 = performance.now();
      const order = Int32Array.from({ length: train.count }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let lossSum = 0;
      for (let s = 0; s < train.count; s += batchSize) {
        const idx = order.subarray(s, Math.min(train.count, s + batchSize));
        const { loss, grads } = await trainSrc.compute(params, idx);
        lossSum += loss * idx.length;
        clipGradNorm(grads, clipNorm);
        adam.step(params, grads);
      }
      const validLoss = validSrc ? await evaluateLoss(validSrc, params, opts.valid!.count, 256) : null;
      const stats = { epoch, trainLoss: lossSum / train.count, validLoss, seconds: (performance.now() - t0) / 1000 };
      history.push(stats);
      opts.onEpoch?.(stats);
      const score = validLoss ?? stats.trainLoss;
      if (score < bestLoss) {
        bestLoss = score;
        bestEpoch = epoch;
        best = Float32Array.from(params);
      } else if (epoch - bestEpoch >= patience) break;
    }
  } finally {
    await trainSrc.close?.();
  }
  return { shape, params: best, bestEpoch, history };
}
