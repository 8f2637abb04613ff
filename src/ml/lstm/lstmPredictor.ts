/**
 * Forward-only inference for a trained LSTM on the wasm kernels: sample-major inputs [n, seqLen, in] in,
 * outputs [n, out] back. Keeps one preallocated network per batch size it has seen.
 */
import type { LstmKernels } from './kernels.ts';
import { LstmBatch } from './lstmBatch.ts';
import { paramLayout, type LstmShape } from './lstmShape.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { wasmKernels } from './wasmKernels.ts';

export class LstmPredictor {
  private readonly nets = new Map<number, LstmBatch>();

  private constructor(
    readonly shape: LstmShape,
    readonly params: Float32Array,
    readonly seqLen: number,
    private readonly kernels: () => Promise<LstmKernels>,
  ) {
    if (params.length !== paramLayout(shape).total) {
      throw new InvalidInputError(
        `LSTM predictor: ${params.length} parameters, shape needs ${paramLayout(shape).total}`,
      );
    }
  }

  static create(
    shape: LstmShape,
    params: Float32Array,
    seqLen: number,
    kernels: () => Promise<LstmKernels> = wasmKernels,
  ): LstmPredictor {
    return new LstmPredictor(shape, params, seqLen, kernels);
  }

  /** Prepares a network for this batch size so the first predict() of that size does no allocation. */
  async warm(batch: number): Promise<void> {
    await this.net(batch);
  }

  private async net(batch: number): Promise<LstmBatch> {
    let n = this.nets.get(batch);
    if (!n) {
      n = new LstmBatch(await this.kernels(), this.shape, batch, this.seqLen);
      n.params.set(this.params);
      this.nets.set(batch, n);
    }
    return n;
  }

  async predict(x: Float32Array, count: number, maxBatch = 256): Promise<Float32Array> {
    const { seqLen: T, shape } = this;
    const F = shape.inputSize,
      O = shape.outputSize;
    if (x.length !== count * T * F)
      throw new InvalidInputError(`LSTM predict: ${x.length} inputs for ${count}x${T}x${F}`);
    const out = new Float32Array(count * O);
    for (let s = 0; s < count; s += maxBatch) {
      const B = Math.min(maxBatch, count - s);
      const net = await this.net(B);
      for (let b = 0; b < B; b++) {
        for (let t = 0; t < T; t++)
          net.x.set(x.subarray(((s + b) * T + t) * F, ((s + b) * T + t + 1) * F), (t * B + b) * F);
      }
      net.forward();
      out.set(net.out.subarray(0, B * O), s * O);
    }
    return out;
  }
}
