import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { lstmModelFromJson, lstmModelToJson } from './lstmModel.ts';
import { LstmPredictor } from './lstmPredictor.ts';
import { trainLstm } from './trainLstm.ts';

describe('LSTM training, JSON round trip and prediction', () => {
  it('learns a lagged sum, reproducibly, and predicts the same after a JSON round trip', async () => {
    const n = 600,
      T = 8,
      F = 2;
    const rng = createRng(3);
    const x = new Float32Array(n * T * F).map(() => rng.normal());
    // target: x[t-2, 0] + 0.5 * x[t-1, 1] at the last step
    const y = Float32Array.from({ length: n }, (_, s) => x[(s * T + T - 3) * F]! + 0.5 * x[(s * T + T - 2) * F + 1]!);
    const data = (from: number, to: number) => ({
      count: to - from,
      seqLen: T,
      inputSize: F,
      outputSize: 1,
      x: x.slice(from * T * F, to * T * F),
      y: y.slice(from, to),
    });
    const shape = { inputSize: F, hiddenSize: 16, layers: 2, outputSize: 1 };
    const opts = { shape, train: data(0, 500), valid: data(500, 600), epochs: 25, lr: 5e-3, seed: 9, batchSize: 32 };
    const a = await trainLstm(opts);
    const b = await trainLstm(opts);
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
    const firstValid = a.history[0]!.validLoss!;
    const bestValid = Math.min(...a.history.map((h) => h.validLoss!));
    expect(bestValid).toBeLessThan(0.1 * firstValid);
    const json = JSON.parse(
      JSON.stringify(
        lstmModelToJson({
          shape,
          seqLen: T,
          features: ['a', 'b'],
          outputs: ['y'],
          trainingWindow: { from: '0', to: '500' },
          bestEpoch: a.bestEpoch,
          metrics: { validMse: bestValid },
          params: a.params,
        }),
      ),
    );
    const model = lstmModelFromJson(json);
    const p1 = await LstmPredictor.create(shape, a.params, T).predict(data(500, 600).x, 100, 64);
    const p2 = await LstmPredictor.create(model.shape, model.params, T).predict(data(500, 600).x, 100);
    expect(Array.from(p2)).toEqual(Array.from(p1));
    let mse = 0;
    for (let i = 0; i < 100; i++) mse += (p1[i]! - y[500 + i]!) ** 2 / 100;
    expect(mse).toBeCloseTo(bestValid, 4);
  });

  it('rejects a model whose parameter count does not match its shape', () => {
    const bad = {
      format: 'arbml.lstm',
      version: 1,
      shape: { inputSize: 1, hiddenSize: 4, layers: 1, outputSize: 1 },
      seqLen: 2,
      features: ['a'],
      outputs: ['y'],
      trainingWindow: { from: '', to: '' },
      bestEpoch: 0,
      metrics: {},
      params: [1, 2],
    };
    expect(() => lstmModelFromJson(bad)).toThrow(InvalidInputError);
  });

  it('the 2-worker batch split gives the same first-epoch loss as one thread', async () => {
    const n = 256,
      T = 6,
      F = 3;
    const rng = createRng(5);
    const data = {
      count: n,
      seqLen: T,
      inputSize: F,
      outputSize: 1,
      x: new Float32Array(n * T * F).map(() => rng.normal()),
      y: new Float32Array(n).map(() => rng.normal()),
    };
    const shape = { inputSize: F, hiddenSize: 8, layers: 2, outputSize: 1 };
    const one = await trainLstm({ shape, train: data, epochs: 2, seed: 1, threads: 1 });
    const two = await trainLstm({ shape, train: data, epochs: 2, seed: 1, threads: 2 });
    expect(two.history[0]!.trainLoss).toBeCloseTo(one.history[0]!.trainLoss, 5);
    expect(two.history[1]!.trainLoss).toBeCloseTo(one.history[1]!.trainLoss, 4);
  });
});
