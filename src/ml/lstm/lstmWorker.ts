/**
 * Worker-thread side of the batch split: holds its own wasm instance and computes loss and gradient for the part of
 * each batch it is sent. Messages: {shape, data} once, then {params, indices} -> {loss, grads}.
 */
import { parentPort } from 'node:worker_threads';
import { BatchGradients } from './batchGradients.ts';
import type { LstmShape } from './lstmShape.ts';
import type { SequenceData } from './sequenceData.ts';

type Message =
  | { kind: 'init'; shape: LstmShape; data: SequenceData }
  | { kind: 'batch'; params: Float32Array; indices: Int32Array; withGrad: boolean };

let gradients: BatchGradients | undefined;

parentPort!.on('message', (msg: Message) => {
  if (msg.kind === 'init') {
    gradients = BatchGradients.wasm(msg.shape, msg.data);
    parentPort!.postMessage({ ready: true });
    return;
  }
  gradients!
    .compute(msg.params, msg.indices, msg.withGrad)
    .then(({ loss, grads }) => {
      const copy = Float32Array.from(grads);
      parentPort!.postMessage({ loss, grads: copy }, [copy.buffer]);
    })
    .catch((err: unknown) => parentPort!.postMessage({ error: String(err instanceof Error ? err.stack : err) }));
});
