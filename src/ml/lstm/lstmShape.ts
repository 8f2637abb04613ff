/**
 * The shape of an LSTM regressor (stacked layers, linear head on the last step) and where each weight lives in its
 * one flat parameter vector: per layer Wx [in,4h], Wh [h,4h], b [4h] (gate order i,f,g,o), then Wo [h,out], bo [out].
 * One flat vector keeps Adam, gradient clipping, worker hand-off and JSON storage trivial.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { rngFor } from '../../core/random.ts';
import type { FloatArray } from './kernels.ts';

export interface LstmShape {
  inputSize: number;
  hiddenSize: number;
  layers: number;
  outputSize: number;
}

export interface LayerSlots {
  inSize: number;
  wx: number;
  wh: number;
  b: number;
}

export interface ParamLayout {
  layers: LayerSlots[];
  wo: number;
  bo: number;
  total: number;
}

export function validateShape(shape: LstmShape): LstmShape {
  const { inputSize, hiddenSize, layers, outputSize } = shape;
  for (const [k, v] of Object.entries({ inputSize, hiddenSize, layers, outputSize })) {
    if (!Number.isInteger(v) || v < 1)
      throw new InvalidInputError(`LSTM shape: ${k} must be a positive integer (got ${v})`);
  }
  if (hiddenSize % 4 !== 0)
    throw new InvalidInputError(`LSTM shape: hiddenSize must be a multiple of 4 (got ${hiddenSize})`);
  return shape;
}

export function paramLayout(shape: LstmShape): ParamLayout {
  const h = shape.hiddenSize;
  let at = 0;
  const layers: LayerSlots[] = [];
  for (let l = 0; l < shape.layers; l++) {
    const inSize = l === 0 ? shape.inputSize : h;
    const wx = at;
    at += inSize * 4 * h;
    const wh = at;
    at += h * 4 * h;
    const b = at;
    at += 4 * h;
    layers.push({ inSize, wx, wh, b });
  }
  const wo = at;
  at += h * shape.outputSize;
  const bo = at;
  at += shape.outputSize;
  return { layers, wo, bo, total: at };
}

/** PyTorch-style initialisation, U(-1/sqrt(h), 1/sqrt(h)) for every weight and bias, from a named seeded stream. */
export function initParams(shape: LstmShape, seed: number, into: FloatArray): void {
  const rng = rngFor(seed, 'ml/lstm/init');
  const bound = 1 / Math.sqrt(shape.hiddenSize);
  for (let i = 0; i < paramLayout(shape).total; i++) into[i] = (2 * rng.next() - 1) * bound;
}
