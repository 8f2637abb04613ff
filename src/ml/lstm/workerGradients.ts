/**
 * Data-parallel batch split over worker threads: each worker computes the loss and gradient of its share of the
 * batch on its own wasm instance; the shares are combined as a weighted mean, so the result equals the full-batch
 * gradient. Workers register tsx's loader themselves (lstmWorkerEntry.mjs; no experimental Node flags).
 */
import { Worker } from 'node:worker_threads';
import { InvariantError } from '../../core/errors.ts';
import type { BatchResult } from './batchGradients.ts';
import type { LstmShape } from './lstmShape.ts';
import type { SequenceData } from './sequenceData.ts';

interface Reply {
  ready?: boolean;
  loss?: number;
  grads?: Float32Array;
  error?: string;
}

export class WorkerGradients {
  private readonly grads: Float32Array;

  private constructor(
    private readonly workers: Worker[],
    size: number,
  ) {
    this.grads = new Float32Array(size);
  }

  static async start(
    threads: number,
    shape: LstmShape,
    data: SequenceData,
    paramCount: number,
  ): Promise<WorkerGradients> {
    const url = new URL('./lstmWorkerEntry.mjs', import.meta.url);
    const workers = Array.from({ length: threads }, () => new Worker(url));
    const pool = new WorkerGradients(workers, paramCount);
    await Promise.all(workers.map((w) => pool.ask(w, { kind: 'init', shape, data })));
    return pool;
  }

  private ask(w: Worker, msg: unknown): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error): void => reject(e);
      w.once('error', onError);
      w.once('message', (r: Reply) => {
        w.off('error', onError);
        if (r.error) reject(new InvariantError('LSTM worker failed', { details: r.error }));
        else resolve(r);
      });
      w.postMessage(msg);
    });
  }

  async compute(params: ArrayLike<number>, indices: ArrayLike<number>, withGrad = true): Promise<BatchResult> {
    const n = indices.length;
    const parts = this.workers.length;
    const shares = this.workers.map((_, i) =>
      Int32Array.from(
        Array.prototype.slice.call(indices, Math.floor((i * n) / parts), Math.floor(((i + 1) * n) / parts)) as number[],
      ),
    );
    const p32 = Float32Array.from(params);
    const replies = await Promise.all(
      this.workers.map((w, i) =>
        shares[i]!.length
          ? this.ask(w, { kind: 'batch', params: p32, indices: shares[i], withGrad })
          : Promise.resolve({ loss: 0, grads: undefined }),
      ),
    );
    this.grads.fill(0);
    let loss = 0;
    replies.forEach((r, i) => {
      const w = shares[i]!.length / n;
      loss += (r.loss ?? 0) * w;
      if (r.grads) for (let j = 0; j < this.grads.length; j++) this.grads[j]! += r.grads[j]! * w;
    });
    return { loss, grads: this.grads };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
