/**
 * Loss and gradient of a batch of samples on this thread, with one preallocated LstmBatch per batch size
 * (a full batch and the shorter last one of an epoch).
 */
import type { LstmKernels } from './kernels.ts';
import { LstmBatch } from './lstmBatch.ts';
import type { LstmShape } from './lstmShape.ts';
import { gatherBatch, type SequenceData } from './sequenceData.ts';
import { wasmKernels } from './wasmKernels.ts';

export interface BatchResult {
  /** Mean squared error over the batch. */
  loss: number;
  /** Gradient of that mean (a view, valid until the next call). */
  grads: Float32Array | Float64Array;
}

export class BatchGradients {
  private readonly nets = new Map<number, LstmBatch>();

  constructor(
    private readonly makeKernels: () => Promise<LstmKernels>,
    readonly shape: LstmShape,
    readonly data: SequenceData,
  ) {}

  static wasm(shape: LstmShape, data: SequenceData): BatchGradients {
    return new BatchGradients(wasmKernels, shape, data);
  }

  private async net(size: number): Promise<LstmBatch> {
    let n = this.nets.get(size);
    if (!n) {
      n = new LstmBatch(await this.makeKernels(), this.shape, size, this.data.seqLen);
      this.nets.set(size, n);
    }
    return n;
  }

  async compute(params: ArrayLike<number>, indices: ArrayLike<number>, withGrad = true): Promise<BatchResult> {
    const net = await this.net(indices.length);
    net.params.set(params);
    gatherBatch(this.data, indices, net.x, net.y);
    const loss = net.forward();
    if (withGrad) net.backward();
    return { loss, grads: net.grads };
  }
}
